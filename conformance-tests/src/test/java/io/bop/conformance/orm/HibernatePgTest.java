package io.bop.conformance.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bop.conformance.BopNode;
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
import org.hibernate.exception.LockAcquisitionException;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hibernate 6 with its stock PostgreSQLDialect over pgjdbc: the dialect is detected from the connection, and
 * nothing but the URL says this is bop.
 */
class HibernatePgTest {
  @RegisterExtension @Order(1) static final BopNode BOP = new BopNode();
  @RegisterExtension @Order(2) static final PassTable PASSES = new PassTable("Hibernate 6 over PostgreSQL");

  private static SessionFactory factory;

  @BeforeAll
  static void createSchema() {
    factory = factory("create", Library.ENTITIES);
  }

  @AfterAll
  static void close() {
    if (factory != null) {
      factory.close();
    }
  }

  private static SessionFactory factory(String schemaAction, List<Class<?>> entities) {
    Configuration configuration = new Configuration();
    entities.forEach(configuration::addAnnotatedClass);
    configuration.setProperty(AvailableSettings.JAKARTA_JDBC_URL, BOP.jdbcUrl(""));
    configuration.setProperty(AvailableSettings.JAKARTA_JDBC_USER, "bop");
    configuration.setProperty(AvailableSettings.JAKARTA_JDBC_PASSWORD, "bop");
    configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, schemaAction);
    configuration.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, "20");
    configuration.setProperty(AvailableSettings.ORDER_INSERTS, "true");
    configuration.setProperty(AvailableSettings.GENERATE_STATISTICS, "true");
    configuration.setProperty(AvailableSettings.POOL_SIZE, "4");
    return configuration.buildSessionFactory();
  }

  private static void inTransaction(Consumer<Session> work) {
    factory.inTransaction(work);
  }

  private static List<String> column(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = BOP.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        values.add(r.getString(1));
      }
    }
    return values;
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
    assertThat(column("SELECT column_name FROM information_schema.columns WHERE table_name = 'shelf'"
        + " ORDER BY ordinal_position")).containsExactly("id", "room", "capacity", "curator_id");
    assertThat(column("SELECT indexname FROM pg_indexes WHERE tablename = 'shelf'")).contains("shelf_capacity_idx");
    assertThat(column("SELECT count(*) FROM information_schema.referential_constraints rc"
        + " JOIN information_schema.key_column_usage k ON k.constraint_name = rc.constraint_name"
        + " WHERE k.table_name = 'shelf' AND k.column_name = 'curator_id'")).containsExactly("1");
  }

  @Test
  void crudWithOneToManyAndManyToMany() {
    Long[] ids = new Long[2];
    inTransaction(s -> {
      Author a = new Author("Ursula K. Le Guin", LocalDate.of(1929, 10, 21));
      Tag sf = new Tag("science fiction");
      Tag fantasy = new Tag("fantasy");
      Book dispossessed = new Book("The Dispossessed", new BigDecimal("12.50"), a);
      Book earthsea = new Book("A Wizard of Earthsea", new BigDecimal("9.99"), a);
      dispossessed.tags.add(sf);
      earthsea.tags.add(fantasy);
      s.persist(a);
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
    inTransaction(s -> {
      for (int a = 0; a < 3; a++) {
        Author author = new Author("Query author " + a, null);
        s.persist(author);
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

  @Test
  void batchInsertsTakeIdsFromTheSequenceInBlocks() {
    factory.getStatistics().clear();
    List<Long> ids = factory.fromTransaction(s -> {
      Author a = new Author("Prolific", null);
      s.persist(a);
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

  @Test
  void constraintViolationsMapToConstraintViolationException() throws SQLException {
    String unique = column("SELECT conname FROM pg_constraint WHERE conrelid = 'author'::regclass AND contype = 'u'")
        .get(0);
    inTransaction(s -> s.persist(new Author("Unique Name", null)));
    assertThatThrownBy(() -> inTransaction(s -> s.persist(new Author("Unique Name", null))))
        .isInstanceOfSatisfying(ConstraintViolationException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("23505");
          assertThat(e.getConstraintName()).isEqualTo(unique);
        });
    String foreignKey = column("SELECT conname FROM pg_constraint WHERE conrelid = 'book'::regclass"
        + " AND contype = 'f'").get(0);
    assertThatThrownBy(() -> inTransaction(s -> s.createNativeMutationQuery(
        "insert into book (id, title, inprint, author_id) values (-1, 'orphan', true, 999999)").executeUpdate()))
        .isInstanceOfSatisfying(ConstraintViolationException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("23503");
          assertThat(e.getConstraintName()).isEqualTo(foreignKey);
        });
    assertThatThrownBy(() -> inTransaction(s -> s.createNativeMutationQuery(
        "insert into author (name, version) values (null, 0)").executeUpdate()))
        .isInstanceOfSatisfying(ConstraintViolationException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("23502");
          // Hibernate 6.6 cuts the name at PostgreSQL 13+'s wording: name" of relation "author
          assertThat(e.getConstraintName()).startsWith("name\"");
        });
  }
}
