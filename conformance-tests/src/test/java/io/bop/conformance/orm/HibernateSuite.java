package io.bop.conformance.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bop.conformance.orm.Library.Author;
import io.bop.conformance.orm.Library.Book;
import io.bop.conformance.orm.Library.ShelfV2;
import io.bop.conformance.orm.Library.Tag;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StaleStateException;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Hibernate 6 suite, the same for both protocols: a subclass names the protocol's JDBC URL (Hibernate detects
 * its stock dialect from the connection, so nothing but the URL says this is bop), checks the catalog in the
 * protocol's own terms and says how each constraint violation must look.
 *
 * <p>Book and tag ids come from Hibernate's sequence-style generator: a sequence on PostgreSQL, a table
 * ({@code book_seq}) that Hibernate updates in a transaction of its own on MySQL. bop has one writer per database,
 * so that transaction waits for the session's own one if it has written already (an IDENTITY insert writes at
 * persist); the tests persist authors (IDENTITY ids) in transactions of their own, as an application on bop over
 * MySQL must.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HibernateSuite {
  /** The constraint violations of {@link #constraintViolationsMapToConstraintViolationException}. */
  enum Violation { UNIQUE, FOREIGN_KEY, NOT_NULL }

  SessionFactory factory;

  /** The JDBC URL of the node's database bop over the protocol under test. */
  abstract String jdbcUrl();

  /** A plain JDBC connection to the same database over the same protocol. */
  abstract Connection connect() throws SQLException;

  /** Checks how the driver reported a violation: its SQLSTATE or error number, and the constraint's name. */
  abstract void assertViolation(Violation violation, ConstraintViolationException e) throws SQLException;

  @BeforeAll
  void createSchema() {
    factory = factory("create", Library.ENTITIES);
  }

  @AfterAll
  void close() {
    if (factory != null) {
      factory.close();
    }
  }

  SessionFactory factory(String schemaAction, List<Class<?>> entities) {
    return factory(jdbcUrl(), schemaAction, entities);
  }

  /** A session factory for {@code entities} over a JDBC URL, with the suite's settings; user and password bop. */
  static SessionFactory factory(String jdbcUrl, String schemaAction, List<Class<?>> entities) {
    Configuration configuration = new Configuration();
    entities.forEach(configuration::addAnnotatedClass);
    configuration.setProperty(AvailableSettings.JAKARTA_JDBC_URL, jdbcUrl);
    configuration.setProperty(AvailableSettings.JAKARTA_JDBC_USER, "bop");
    configuration.setProperty(AvailableSettings.JAKARTA_JDBC_PASSWORD, "bop");
    configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, schemaAction);
    configuration.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, "20");
    configuration.setProperty(AvailableSettings.ORDER_INSERTS, "true");
    configuration.setProperty(AvailableSettings.GENERATE_STATISTICS, "true");
    configuration.setProperty(AvailableSettings.POOL_SIZE, "4");
    return configuration.buildSessionFactory();
  }

  void inTransaction(Consumer<Session> work) {
    factory.inTransaction(work);
  }

  /** The first column of a query's rows, as strings. */
  List<String> column(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        values.add(r.getString(1));
      }
    }
    return values;
  }

  @Test
  void validateAcceptsTheCreatedSchema() {
    factory("validate", Library.ENTITIES).close();
  }

  @Test
  void updateAddsColumnIndexAndForeignKeyThenValidates() throws SQLException {
    List<Class<?>> later = List.of(Author.class, Book.class, Tag.class, ShelfV2.class);
    assertThatThrownBy(() -> factory("validate", later).close()).isInstanceOf(SchemaManagementException.class)
        .hasMessageContaining("capacity");
    factory("update", later).close();
    factory("validate", later).close();
    // as the driver's DatabaseMetaData reads the catalog
    List<String> columns = new ArrayList<>();
    List<String> indexes = new ArrayList<>();
    List<String> references = new ArrayList<>();
    try (Connection c = connect()) {
      DatabaseMetaData metaData = c.getMetaData();
      try (ResultSet r = metaData.getColumns(c.getCatalog(), null, "shelf", null)) {
        while (r.next()) {
          columns.add(r.getString("COLUMN_NAME"));
        }
      }
      try (ResultSet r = metaData.getIndexInfo(c.getCatalog(), null, "shelf", false, false)) {
        while (r.next()) {
          indexes.add(r.getString("INDEX_NAME"));
        }
      }
      try (ResultSet r = metaData.getImportedKeys(c.getCatalog(), null, "shelf")) {
        while (r.next()) {
          references.add(r.getString("FKCOLUMN_NAME") + " -> " + r.getString("PKTABLE_NAME") + "."
              + r.getString("PKCOLUMN_NAME"));
        }
      }
    }
    assertThat(columns).containsExactly("id", "room", "capacity", "curator_id");
    assertThat(indexes).contains("shelf_capacity_idx");
    assertThat(references).containsExactly("curator_id -> author.id");
  }

  @Test
  void crudWithOneToManyAndManyToMany() {
    Long[] ids = new Long[2];
    Author author = factory.fromTransaction(s -> {
      Author a = new Author("Ursula K. Le Guin", LocalDate.of(1929, 10, 21));
      s.persist(a);
      return a;
    });
    inTransaction(s -> {
      Author a = s.find(Author.class, author.id);
      Tag sf = new Tag("science fiction");
      Tag fantasy = new Tag("fantasy");
      Book dispossessed = new Book("The Dispossessed", new BigDecimal("12.50"), a);
      Book earthsea = new Book("A Wizard of Earthsea", new BigDecimal("9.99"), a);
      dispossessed.tags.add(sf);
      earthsea.tags.add(fantasy);
      s.persist(sf);
      s.persist(fantasy);
      s.persist(dispossessed);
      s.persist(earthsea);
      ids[0] = a.id;
      ids[1] = dispossessed.id;
    });
    assertThat(ids[0]).isNotNull();
    inTransaction(s -> {
      Author a = s.find(Author.class, ids[0]);
      assertThat(a.born).isEqualTo(LocalDate.of(1929, 10, 21));
      assertThat(a.books).extracting(b -> b.title)
          .containsExactlyInAnyOrder("The Dispossessed", "A Wizard of Earthsea");
      Book b = s.find(Book.class, ids[1]);
      assertThat(b.price).isEqualByComparingTo("12.50");
      assertThat(b.added).isEqualTo(java.time.Instant.parse("2024-05-01T10:15:30.123456Z"));
      assertThat(b.tags).extracting(t -> t.label).containsExactly("science fiction");
      b.price = new BigDecimal("14.00");
      b.tags.add(s.createQuery("from Tag where label = 'fantasy'", Tag.class).getSingleResult());
    });
    inTransaction(s -> {
      Book b = s.find(Book.class, ids[1]);
      assertThat(b.price).isEqualByComparingTo("14.00");
      assertThat(b.tags).hasSize(2);
      b.tags.clear();
      s.remove(b);
    });
    inTransaction(s -> {
      assertThat(s.find(Book.class, ids[1])).isNull();
      assertThat(s.find(Author.class, ids[0]).books).hasSize(1);
    });
  }

  @Test
  void jpqlAndCriteriaWithJoinsGroupingAndPagination() {
    List<Long> authors = factory.fromTransaction(s -> {
      List<Long> ids = new ArrayList<>();
      for (int a = 0; a < 3; a++) {
        Author author = new Author("Query author " + a, null);
        s.persist(author);
        ids.add(author.id);
      }
      return ids;
    });
    inTransaction(s -> {
      for (int a = 0; a < 3; a++) {
        Author author = s.find(Author.class, authors.get(a));
        for (int b = 0; b <= a; b++) {
          s.persist(new Book("Query book " + a + "." + b, new BigDecimal(10 + a + b), author));
        }
      }
    });
    inTransaction(s -> {
      List<Object[]> counts = s.createQuery("select a.name, count(b), sum(b.price) from Author a join a.books b"
          + " where a.name like 'Query author %' group by a.name having count(b) > 1 order by a.name", Object[].class)
          .getResultList();
      assertThat(counts).extracting(r -> r[0] + "=" + r[1] + "/" + r[2])
          .containsExactly("Query author 1=2/23.00", "Query author 2=3/39.00");
      List<String> page = s.createQuery("select b.title from Book b where b.title like 'Query book %'"
          + " order by b.title", String.class).setFirstResult(2).setMaxResults(3).getResultList();
      assertThat(page).containsExactly("Query book 1.1", "Query book 2.0", "Query book 2.1");

      CriteriaBuilder cb = s.getCriteriaBuilder();
      CriteriaQuery<String> q = cb.createQuery(String.class);
      Root<Book> book = q.from(Book.class);
      Join<Book, Author> author = book.join("author");
      q.select(book.get("title")).where(cb.equal(author.get("name"), "Query author 2"),
          cb.greaterThan(book.get("price"), new BigDecimal("12"))).orderBy(cb.desc(book.get("title")));
      assertThat(s.createQuery(q).setMaxResults(1).getResultList()).containsExactly("Query book 2.2");
    });
  }

  @Test
  void optimisticLockingWithVersion() {
    Long id = factory.fromTransaction(s -> {
      Author a = new Author("Versioned", null);
      s.persist(a);
      return a.id;
    });
    try (Session first = factory.openSession(); Session second = factory.openSession()) {
      first.beginTransaction();
      second.beginTransaction();
      Author mine = first.find(Author.class, id);
      Author theirs = second.find(Author.class, id);
      mine.born = LocalDate.of(2000, 1, 1);
      first.getTransaction().commit();
      assertThat(mine.version).isEqualTo(1);
      theirs.born = LocalDate.of(1990, 1, 1);
      assertThatThrownBy(() -> second.getTransaction().commit()).isInstanceOf(OptimisticLockException.class)
          .hasCauseInstanceOf(StaleStateException.class);
    }
    inTransaction(s -> assertThat(s.find(Author.class, id).born).isEqualTo(LocalDate.of(2000, 1, 1)));
  }

  /** Book ids come from a generator with allocation size 20: a sequence on PostgreSQL, a table on MySQL. */
  @Test
  void batchInsertsTakeIdsInBlocks() {
    Author prolific = factory.fromTransaction(s -> {
      Author a = new Author("Prolific", null);
      s.persist(a);
      return a;
    });
    factory.getStatistics().clear();
    List<Long> ids = factory.fromTransaction(s -> {
      Author a = s.find(Author.class, prolific.id);
      List<Book> books = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        Book b = new Book("Batch " + i, BigDecimal.ONE, a);
        s.persist(b);
        books.add(b);
      }
      s.flush();
      return books.stream().map(b -> b.id).toList();
    });
    assertThat(ids).doesNotHaveDuplicates().hasSize(100);
    // 100 rows in batches of 20, ids taken 20 at a time: a handful of statements, not one per row
    assertThat(factory.getStatistics().getPrepareStatementCount()).isLessThan(30);
    inTransaction(s -> assertThat(s.createQuery("select count(*) from Book where title like 'Batch %'", Long.class)
        .getSingleResult()).isEqualTo(100L));
  }

  @Test
  void constraintViolationsMapToConstraintViolationException() {
    inTransaction(s -> s.persist(new Author("Unique Name", null)));
    assertThatThrownBy(() -> inTransaction(s -> s.persist(new Author("Unique Name", null))))
        .isInstanceOfSatisfying(ConstraintViolationException.class, e -> violation(Violation.UNIQUE, e));
    assertThatThrownBy(() -> inTransaction(s -> s.createNativeMutationQuery(
        "insert into book (id, title, inprint, author_id) values (-1, 'orphan', true, 999999)").executeUpdate()))
        .isInstanceOfSatisfying(ConstraintViolationException.class, e -> violation(Violation.FOREIGN_KEY, e));
    assertThatThrownBy(() -> inTransaction(s -> s.createNativeMutationQuery(
        "insert into author (name, version) values (null, 0)").executeUpdate()))
        .isInstanceOfSatisfying(ConstraintViolationException.class, e -> violation(Violation.NOT_NULL, e));
  }

  private void violation(Violation violation, ConstraintViolationException e) {
    try {
      assertViolation(violation, e);
    } catch (SQLException failure) {
      throw new AssertionError(failure);
    }
  }
}
