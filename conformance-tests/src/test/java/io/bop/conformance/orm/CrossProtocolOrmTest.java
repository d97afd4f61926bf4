package io.bop.conformance.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bop.conformance.BopNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One ORM's schema through the other protocol's ORM: the same database, seen in each protocol's terms. */
class CrossProtocolOrmTest {
  @RegisterExtension static final BopNode BOP = new BopNode();

  @Test
  void sqlAlchemyOverMysqlReflectsWhatHibernateCreatedOverPostgresql() throws Exception {
    assumeTrue(Python.imports("sqlalchemy", "pymysql"), "python3-sqlalchemy and python3-pymysql are not installed");
    HibernateSuite.factory(BOP.jdbcUrl(""), "create", Library.ENTITIES).close();
    String facts = Python.run("/orm/reflect.py", "mysql+pymysql://bop:bop@127.0.0.1:" + BOP.mysqlPort() + "/bop");
    // as MySQL names PostgreSQL's types: timestamptz is a TIMESTAMP, boolean a TINYINT(1), numeric a DECIMAL
    assertThat(facts.lines()).containsExactly(
        "author column born DATE",
        "author column id BIGINT NOT NULL",
        "author column name VARCHAR(100) NOT NULL COMMENT 'as printed on the cover'",
        "author column version INTEGER NOT NULL",
        "author comment people who write books",
        "author pk id",
        "author unique index author_name_key (name)",
        "book column added TIMESTAMP",
        "book column author_id BIGINT NOT NULL",
        "book column id BIGINT NOT NULL",
        "book column inprint TINYINT NOT NULL",
        "book column price DECIMAL(10, 2)",
        "book column title VARCHAR(255) NOT NULL",
        "book fk author_id -> author.id",
        "book index book_title_idx (title)",
        "book pk id",
        "book_tag column book_id BIGINT NOT NULL",
        "book_tag column tag_id BIGINT NOT NULL",
        "book_tag fk book_id -> book.id",
        "book_tag fk tag_id -> tag.id",
        "book_tag pk book_id, tag_id",
        "shelf column id BIGINT NOT NULL",
        "shelf column room VARCHAR(255)",
        "shelf pk id",
        "tag column id BIGINT NOT NULL",
        "tag column label VARCHAR(255) NOT NULL",
        "tag pk id",
        "tag unique index tag_label_key (label)");
  }
}
