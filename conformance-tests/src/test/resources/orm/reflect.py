"""Prints what SQLAlchemy's inspector reflects of a database, one fact a line, sorted: the tables' columns, keys,
indexes and comments as the dialect of the URL (sys.argv[1]) reads them. Used by CrossProtocolOrmTest."""
import sys

from sqlalchemy import create_engine, inspect

inspector = inspect(create_engine(sys.argv[1], future=True))
facts = []
for table in inspector.get_table_names():
    for c in inspector.get_columns(table):
        facts.append("%s column %s %s%s%s" % (table, c["name"], c["type"], "" if c["nullable"] else " NOT NULL",
                                               " COMMENT %r" % c["comment"] if c.get("comment") else ""))
    facts.append("%s pk %s" % (table, ", ".join(inspector.get_pk_constraint(table)["constrained_columns"])))
    for fk in inspector.get_foreign_keys(table):
        facts.append("%s fk %s -> %s.%s" % (table, ", ".join(fk["constrained_columns"]), fk["referred_table"],
                                             ", ".join(fk["referred_columns"])))
    for ix in inspector.get_indexes(table):
        facts.append("%s %sindex %s (%s)" % (table, "unique " if ix["unique"] else "", ix["name"],
                                              ", ".join(ix["column_names"])))
    comment = inspector.get_table_comment(table)["text"]
    if comment:
        facts.append("%s comment %s" % (table, comment))
print("\n".join(sorted(facts)))
