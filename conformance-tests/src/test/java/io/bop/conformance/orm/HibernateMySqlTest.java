package io.bop.conformance.orm;

import static org.assertj.core.api.Assertions.assertThat;

import io.bop.conformance.BopNode;
import io.bop.conformance.orm.Library.Author;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link HibernateSuite} with Hibernate's stock MySQLDialect over mysql-connector-j: identity ids are
 * AUTO_INCREMENT columns, the sequence generators become tables, violations are told by MySQL's error numbers.
 */
class HibernateMySqlTest extends HibernateSuite {
  @RegisterExtension @Order(1) static final BopNode BOP = new BopNode();
  @RegisterExtension @Order(2) static final PassTable PASSES = new PassTable("Hibernate 6 over MySQL");

  @Override String jdbcUrl() {
    return BOP.mysqlUrl("mysql", "");
  }

  @Override Connection connect() throws SQLException {
    return BOP.connectMysql("");
  }

  @Test
  void schemaCreateMakesTablesKeysAndComments() throws SQLException {
    assertThat(column("SELECT table_name FROM information_schema.tables WHERE table_schema = 'bop'"
        + " ORDER BY table_name")).containsExactly("author", "book", "book_seq", "book_tag", "shelf", "tag",
            "tag_SEQ");
    assertThat(column("SELECT concat(column_name, ' ', column_type, ' ', is_nullable) FROM information_schema.columns"
        + " WHERE table_schema = 'bop' AND table_name = 'book' ORDER BY ordinal_position")).containsExactly(
            "inPrint bit(1) NO", "price decimal(10,2) YES", "added datetime(6) YES", "author_id bigint NO",
            "id bigint NO", "title varchar(255) NO");
    assertThat(column("SELECT concat(constraint_type, ' ', constraint_name) FROM information_schema.table_constraints"
        + " WHERE table_schema = 'bop' AND table_name = 'book'")).containsExactlyInAnyOrder("PRIMARY KEY PRIMARY",
            "FOREIGN KEY " + column("SELECT constraint_name FROM information_schema.referential_constraints"
                + " WHERE constraint_schema = 'bop' AND table_name = 'book' AND referenced_table_name = 'author'")
                .get(0));
    assertThat(column("SELECT index_name FROM information_schema.statistics WHERE table_schema = 'bop'"
        + " AND table_name = 'book'")).contains("PRIMARY", "book_title_idx");
    assertThat(showCreateTable("author")).startsWith("CREATE TABLE `author` (\n").contains(
        "\n  `id` bigint NOT NULL AUTO_INCREMENT,\n",
        "\n  `name` varchar(100) NOT NULL COMMENT 'as printed on the cover',\n",
        "\n  PRIMARY KEY (`id`),\n  UNIQUE KEY `UK", "COMMENT='people who write books'");
  }

  @Test
  void identityIdsComeFromAutoIncrement() throws SQLException {
    assertThat(column("SELECT @@auto_increment_increment")).containsExactly("1");
    List<Long> ids = factory.fromTransaction(s -> {
      List<Author> authors = List.of(new Author("Identity 1", null), new Author("Identity 2", null));
      authors.forEach(s::persist);
      return authors.stream().map(a -> a.id).toList();
    });
    assertThat(ids.get(1)).isEqualTo(ids.get(0) + 1);
    try (Connection c = connect(); var s = c.createStatement()) {
      s.execute("ALTER TABLE author AUTO_INCREMENT = 1000");
    }
    assertThat(showCreateTable("author")).contains(" AUTO_INCREMENT=1000 ");
    Long id = factory.fromTransaction(s -> {
      Author a = new Author("Identity 1000", null);
      s.persist(a);
      return a.id;
    });
    assertThat(id).isEqualTo(1000L);
  }

  @Override void assertViolation(Violation violation, ConstraintViolationException e) throws SQLException {
    assertThat(e.getSQLState()).isEqualTo("23000");
    switch (violation) {
      case UNIQUE -> {
        assertThat(e.getErrorCode()).isEqualTo(1062);
        assertThat(e.getKind()).isEqualTo(ConstraintViolationException.ConstraintKind.UNIQUE);
        assertThat(e.getConstraintName()).isEqualTo(column("SELECT constraint_name FROM"
            + " information_schema.table_constraints WHERE table_schema = 'bop' AND table_name = 'author'"
            + " AND constraint_type = 'UNIQUE'").get(0));
      }
      case FOREIGN_KEY -> assertThat(e.getErrorCode()).isEqualTo(1452);
      case NOT_NULL -> assertThat(e.getErrorCode()).isEqualTo(1048);
    }
  }

  private String showCreateTable(String table) throws SQLException {
    try (Connection c = connect(); var s = c.createStatement(); var r = s.executeQuery("SHOW CREATE TABLE " + table)) {
      r.next();
      return r.getString(2);
    }
  }
}
