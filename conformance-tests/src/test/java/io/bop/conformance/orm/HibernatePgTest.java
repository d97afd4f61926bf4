package io.bop.conformance.orm;

import static org.assertj.core.api.Assertions.assertThat;

import io.bop.conformance.BopNode;
import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link HibernateSuite} with Hibernate's stock PostgreSQLDialect over pgjdbc, plus what sequences do. */
class HibernatePgTest extends HibernateSuite {
  @RegisterExtension @Order(1) static final BopNode BOP = new BopNode();
  @RegisterExtension @Order(2) static final PassTable PASSES = new PassTable("Hibernate 6 over PostgreSQL");

  @Override String jdbcUrl() {
    return BOP.jdbcUrl("");
  }

  @Override Connection connect() throws SQLException {
    return BOP.connect();
  }

  @Test
  void schemaCreateMakesTablesSequencesConstraintsAndComments() throws SQLException {
    assertThat(column("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        + " ORDER BY table_name")).containsExactly("author", "book", "book_tag", "shelf", "tag");
    assertThat(column("SELECT sequence_name || ' ' || increment FROM information_schema.sequences"
        + " ORDER BY sequence_name")).containsExactly("book_seq 20", "tag_seq 50");
    assertThat(column("SELECT column_name || ' ' || data_type || coalesce(' ' || character_maximum_length, '')"
        + " || coalesce(' ' || numeric_precision || ',' || numeric_scale, '') FROM information_schema.columns"
        + " WHERE table_name = 'book' ORDER BY column_name")).containsExactly("added timestamp with time zone",
            "author_id bigint 64,0", "id bigint 64,0", "inprint boolean", "price numeric 10,2",
            "title character varying 255");
    assertThat(column("SELECT constraint_type FROM information_schema.table_constraints WHERE table_name = 'book'"
        + " ORDER BY constraint_type")).contains("FOREIGN KEY", "PRIMARY KEY");
    assertThat(column("SELECT indexname FROM pg_indexes WHERE tablename = 'book'")).contains("book_title_idx");
    assertThat(column("SELECT obj_description('author'::regclass, 'pg_class')"))
        .containsExactly("people who write books");
    assertThat(column("SELECT col_description('author'::regclass, a.attnum) FROM pg_attribute a"
        + " WHERE a.attrelid = 'author'::regclass AND a.attname = 'name'")).containsExactly("as printed on the cover");
    assertThat(column("SELECT pg_get_serial_sequence('author', 'id')")).containsExactly("public.author_id_seq");
  }

  @Test
  void sequenceFunctions() {
    inTransaction(s -> {
      long next = ((Number) s.createNativeQuery("select nextval('book_seq')", Long.class).getSingleResult())
          .longValue();
      assertThat(s.createNativeQuery("select currval('book_seq')", Long.class).getSingleResult()).isEqualTo(next);
      s.createNativeQuery("select setval('book_seq', 5000)", Long.class).getSingleResult();
      // the next value is one increment (the allocation size) past the one set
      assertThat(s.createNativeQuery("select nextval('book_seq')", Long.class).getSingleResult()).isEqualTo(5020L);
    });
  }

  @Override void assertViolation(Violation violation, ConstraintViolationException e) throws SQLException {
    switch (violation) {
      case UNIQUE -> {
        assertThat(e.getSQLState()).isEqualTo("23505");
        assertThat(e.getConstraintName()).isEqualTo(constraint("author", "u"));
      }
      case FOREIGN_KEY -> {
        assertThat(e.getSQLState()).isEqualTo("23503");
        assertThat(e.getConstraintName()).isEqualTo(constraint("book", "f"));
      }
      case NOT_NULL -> {
        assertThat(e.getSQLState()).isEqualTo("23502");
        // Hibernate 6.6 cuts the name at PostgreSQL 13+'s wording: name" of relation "author
        assertThat(e.getConstraintName()).startsWith("name\"");
      }
    }
  }

  private String constraint(String table, String type) throws SQLException {
    return column("SELECT conname FROM pg_constraint WHERE conrelid = '" + table + "'::regclass AND contype = '"
        + type + "'").get(0);
  }
}
