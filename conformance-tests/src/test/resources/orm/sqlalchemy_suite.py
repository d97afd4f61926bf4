"""SQLAlchemy and Alembic against a database URL: schema, reflection, ORM and a chain of migrations.

Run by SqlAlchemyPgTest with Debian's python3 (python3-sqlalchemy, python3-alembic, python3-psycopg2). Prints a
pass table and exits with 1 if any check failed.
"""
import os
import sys
import tempfile
import traceback
from decimal import Decimal

from sqlalchemy import (BigInteger, Boolean, CheckConstraint, Column, DateTime, ForeignKey, Index, Integer,
                        MetaData, Numeric, String, Table, Text, UniqueConstraint, create_engine, func, inspect,
                        select, text)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, declarative_base, relationship

URL = sys.argv[1]
engine = create_engine(URL, future=True)
results = []


def check(name):
    def run(test):
        try:
            test()
            results.append((name, "pass", ""))
        except Exception as e:  # every failure is reported in the table, not raised
            results.append((name, "FAIL", "".join(traceback.format_exception_only(type(e), e)).strip()))
            traceback.print_exc()
        return test
    return run


metadata = MetaData()
customer = Table(
    "customer", metadata,
    Column("id", Integer, primary_key=True),
    Column("email", String(120), nullable=False, unique=True, comment="where receipts go"),
    Column("name", Text, nullable=False),
    Column("active", Boolean, nullable=False, server_default=text("true")),
    Column("created", DateTime(timezone=True), server_default=func.now()),
    comment="people who buy")
orders = Table(
    "orders", metadata,
    Column("id", BigInteger, primary_key=True),
    Column("customer_id", Integer, ForeignKey("customer.id", ondelete="CASCADE"), nullable=False),
    Column("total", Numeric(10, 2), nullable=False),
    Column("status", String(20), nullable=False, server_default="new"),
    CheckConstraint("total >= 0", name="orders_total_positive"),
    UniqueConstraint("customer_id", "status", name="orders_customer_status_key"),
    Index("orders_status_idx", "status"))
tag = Table(
    "tag", metadata,
    Column("id", Integer, primary_key=True),
    Column("label", String(40), nullable=False, unique=True))
order_tag = Table(
    "order_tag", metadata,
    Column("order_id", BigInteger, ForeignKey("orders.id"), primary_key=True),
    Column("tag_id", Integer, ForeignKey("tag.id"), primary_key=True))


@check("metadata create_all")
def create_all():
    metadata.drop_all(engine)
    metadata.create_all(engine)
    assert set(inspect(engine).get_table_names()) >= {"customer", "orders", "tag", "order_tag"}


@check("reflection: columns and comments")
def reflect_columns():
    i = inspect(engine)
    columns = {c["name"]: c for c in i.get_columns("customer")}
    assert list(columns) == ["id", "email", "name", "active", "created"], list(columns)
    assert str(columns["email"]["type"]) == "VARCHAR(120)", columns["email"]["type"]
    assert columns["email"]["nullable"] is False
    assert columns["email"]["comment"] == "where receipts go", columns["email"]
    assert columns["active"]["default"] == "true", columns["active"]
    assert "nextval" in (columns["id"]["default"] or "") or columns["id"].get("autoincrement"), columns["id"]
    assert str(columns["created"]["type"]) == "TIMESTAMP", columns["created"]["type"]
    assert columns["created"]["type"].timezone is True
    order_columns = {c["name"]: c for c in i.get_columns("orders")}
    assert str(order_columns["total"]["type"]) == "NUMERIC(10, 2)", order_columns["total"]["type"]
    assert str(order_columns["id"]["type"]) == "BIGINT"
    assert i.get_table_comment("customer")["text"] == "people who buy"


@check("reflection: keys, indexes and checks")
def reflect_constraints():
    i = inspect(engine)
    assert i.get_pk_constraint("order_tag")["constrained_columns"] == ["order_id", "tag_id"]
    assert i.get_pk_constraint("customer")["constrained_columns"] == ["id"]
    fks = i.get_foreign_keys("orders")
    assert len(fks) == 1 and fks[0]["referred_table"] == "customer", fks
    assert fks[0]["constrained_columns"] == ["customer_id"] and fks[0]["referred_columns"] == ["id"], fks
    assert fks[0]["options"].get("ondelete") == "CASCADE", fks
    assert sorted(fk["referred_table"] for fk in i.get_foreign_keys("order_tag")) == ["orders", "tag"]
    indexes = {ix["name"]: ix for ix in i.get_indexes("orders")}
    assert indexes["orders_status_idx"]["column_names"] == ["status"], indexes
    assert not indexes["orders_status_idx"]["unique"]
    uniques = {u["name"]: u["column_names"] for u in i.get_unique_constraints("orders")}
    assert uniques == {"orders_customer_status_key": ["customer_id", "status"]}, uniques
    assert [u["column_names"] for u in i.get_unique_constraints("customer")] == [["email"]]
    checks = i.get_check_constraints("orders")
    assert [c["name"] for c in checks] == ["orders_total_positive"], checks
    assert checks[0]["sqltext"].replace("(0)::numeric", "0") == "total >= 0", checks


@check("reflection: MetaData.reflect round trip")
def reflect_all():
    reflected = MetaData()
    reflected.reflect(engine)
    assert set(reflected.tables) >= {"customer", "orders", "tag", "order_tag"}
    assert [c.name for c in reflected.tables["orders"].primary_key.columns] == ["id"]
    assert {fk.target_fullname for fk in reflected.tables["order_tag"].foreign_keys} == {"orders.id", "tag.id"}


Base = declarative_base()


class Customer(Base):
    __table__ = customer
    orders = relationship("Order", back_populates="customer", cascade="all, delete-orphan", passive_deletes=True)


class Order(Base):
    __table__ = orders
    customer = relationship("Customer", back_populates="orders")
    tags = relationship("Tag", secondary=order_tag, back_populates="orders")


class Tag(Base):
    __table__ = tag
    orders = relationship("Order", secondary=order_tag, back_populates="tags")


@check("ORM session CRUD with relationships")
def orm_crud():
    with Session(engine) as s:
        rush = Tag(label="rush")
        ada = Customer(email="ada@example.com", name="Ada")
        ada.orders = [Order(total=Decimal("12.50"), status="new", tags=[rush]),
                      Order(total=Decimal("7.25"), status="paid")]
        s.add(ada)
        s.commit()
        ada_id = ada.id
        assert ada.active is True and ada.created is not None
    with Session(engine) as s:
        ada = s.get(Customer, ada_id)
        assert sorted(o.total for o in ada.orders) == [Decimal("7.25"), Decimal("12.50")]
        rushed = s.execute(select(Order).join(Order.tags).where(Tag.label == "rush")).scalars().all()
        assert [o.total for o in rushed] == [Decimal("12.50")]
        totals = s.execute(select(Customer.name, func.count(Order.id), func.sum(Order.total))
                           .join(Customer.orders).group_by(Customer.name)).all()
        assert totals == [("Ada", 2, Decimal("19.75"))], totals
        paid = next(o for o in ada.orders if o.status == "paid")
        paid.total = Decimal("8.00")
        s.commit()
        assert s.execute(select(Order.total).where(Order.id == paid.id)).scalar_one() == Decimal("8.00")
        s.execute(order_tag.delete())
        s.delete(ada)
        s.commit()
        assert s.execute(select(func.count()).select_from(orders)).scalar_one() == 0


@check("ORM integrity errors carry SQLSTATEs")
def integrity_errors():
    with Session(engine) as s:
        s.add(Customer(email="dup@example.com", name="One"))
        s.commit()
        s.add(Customer(email="dup@example.com", name="Two"))
        try:
            s.commit()
            raise AssertionError("duplicate email accepted")
        except IntegrityError as e:
            assert e.orig.pgcode == "23505", e.orig.pgcode
            assert 'unique constraint "customer_email_key"' in str(e.orig), e.orig
            s.rollback()
        s.add(Order(customer_id=999999, total=1, status="x"))
        try:
            s.commit()
            raise AssertionError("dangling reference accepted")
        except IntegrityError as e:
            assert e.orig.pgcode == "23503", e.orig.pgcode
            s.rollback()


MIGRATIONS = {
    "r1": ("None", """
    op.create_table("project", sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("name", sa.String(50), nullable=False))
""", """
    op.drop_table("project")
"""),
    "r2": ("'r1'", """
    op.add_column("project", sa.Column("budget", sa.Integer, nullable=True))
""", """
    op.drop_column("project", "budget")
"""),
    "r3": ("'r2'", """
    op.create_index("project_name_idx", "project", ["name"], unique=True)
""", """
    op.drop_index("project_name_idx", table_name="project")
"""),
    "r4": ("'r3'", """
    op.create_table("member", sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("project_id", sa.Integer, nullable=True))
    op.create_foreign_key("member_project_fk", "member", "project", ["project_id"], ["id"], ondelete="SET NULL")
""", """
    op.drop_constraint("member_project_fk", "member", type_="foreignkey")
    op.drop_table("member")
"""),
    "r5": ("'r4'", """
    op.alter_column("project", "name", new_column_name="title")
""", """
    op.alter_column("project", "title", new_column_name="name")
"""),
    "r6": ("'r5'", """
    op.alter_column("project", "budget", type_=sa.Numeric(12, 2), existing_type=sa.Integer,
                    server_default="0", nullable=False)
""", """
    op.alter_column("project", "budget", type_=sa.Integer, existing_type=sa.Numeric(12, 2),
                    server_default=None, nullable=True)
"""),
}

ENV = """
from alembic import context
from sqlalchemy import create_engine

with create_engine(context.config.get_main_option("sqlalchemy.url")).connect() as connection:
    context.configure(connection=connection, target_metadata=None)
    with context.begin_transaction():
        context.run_migrations()
"""


def alembic_config(folder):
    from alembic.config import Config
    os.makedirs(os.path.join(folder, "versions"))
    with open(os.path.join(folder, "env.py"), "w") as f:
        f.write(ENV)
    for revision, (down, upgrade, downgrade) in MIGRATIONS.items():
        with open(os.path.join(folder, "versions", revision + ".py"), "w") as f:
            f.write("from alembic import op\nimport sqlalchemy as sa\n\nrevision = %r\ndown_revision = %s\n\n"
                    "def upgrade():%s\n\ndef downgrade():%s\n" % (revision, down, upgrade, downgrade))
    config = Config()
    config.set_main_option("script_location", folder)
    config.set_main_option("sqlalchemy.url", URL)
    return config


@check("alembic upgrade: add column, index, foreign key, rename, alter type")
def alembic_upgrade():
    from alembic import command
    global config
    config = alembic_config(tempfile.mkdtemp())
    command.upgrade(config, "head")
    i = inspect(engine)
    columns = {c["name"]: c for c in i.get_columns("project")}
    assert list(columns) == ["id", "title", "budget"], list(columns)
    assert str(columns["budget"]["type"]) == "NUMERIC(12, 2)", columns["budget"]["type"]
    assert columns["budget"]["nullable"] is False and "0" in columns["budget"]["default"], columns["budget"]
    indexes = {ix["name"]: ix for ix in i.get_indexes("project")}
    assert indexes["project_name_idx"]["column_names"] == ["title"] and indexes["project_name_idx"]["unique"]
    fks = i.get_foreign_keys("member")
    assert [(fk["name"], fk["referred_table"], fk["options"].get("ondelete")) for fk in fks] == [
        ("member_project_fk", "project", "SET NULL")], fks
    with engine.begin() as c:
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "r6"
        c.execute(text("INSERT INTO project (title, budget) VALUES ('bop', 12.5)"))
        c.execute(text("INSERT INTO member (project_id) SELECT id FROM project"))


@check("alembic downgrade to base")
def alembic_downgrade():
    from alembic import command
    command.downgrade(config, "r4")
    columns = {c["name"]: c for c in inspect(engine).get_columns("project")}
    assert list(columns) == ["id", "name", "budget"] and str(columns["budget"]["type"]) == "INTEGER", columns
    with engine.connect() as c:
        assert c.execute(text("SELECT name, budget FROM project")).all() == [("bop", 13)]  # 12.5 rounded
    command.downgrade(config, "base")
    tables = set(inspect(engine).get_table_names())
    assert "project" not in tables and "member" not in tables, tables
    with engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 0


width = max(len(name) for name, _, _ in results)
print("\nSQLAlchemy %s + Alembic over %s" % (__import__("sqlalchemy").__version__, engine.dialect.name))
for name, outcome, why in results:
    print("  %s  %s%s" % (name.ljust(width), outcome, "  " + why if why else ""))
sys.exit(0 if all(outcome == "pass" for _, outcome, _ in results) else 1)
