package io.bop.conformance.orm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.Comment;

/**
 * The entities of the Hibernate suite: authors write books (one-to-many), books carry tags (many-to-many), and
 * shelves are mapped twice, as a first and a later version of the same table, for schema update.
 */
final class Library {
  private Library() {}

  /** All entities of the first schema version. */
  static final List<Class<?>> ENTITIES = List.of(Author.class, Book.class, Tag.class, Shelf.class);

  @Entity(name = "Author")
  @Table(name = "author")
  @Comment("people who write books")
  static class Author {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
    @Column(nullable = false, unique = true, length = 100) @Comment("as printed on the cover") String name;
    LocalDate born;
    @Version int version;
    @OneToMany(mappedBy = "author", fetch = FetchType.LAZY) List<Book> books = new ArrayList<>();

    Author() {}

    Author(String name, LocalDate born) {
      this.name = name;
      this.born = born;
    }
  }

  @Entity(name = "Book")
  @Table(name = "book", indexes = @Index(name = "book_title_idx", columnList = "title"))
  static class Book {
    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "book_ids")
    @SequenceGenerator(name = "book_ids", sequenceName = "book_seq", allocationSize = 20) Long id;
    @Column(nullable = false) String title;
    @Column(precision = 10, scale = 2) BigDecimal price;
    Instant added;
    boolean inPrint;
    @ManyToOne(optional = false, fetch = FetchType.LAZY) @JoinColumn(name = "author_id") Author author;
    @ManyToMany @JoinTable(name = "book_tag", joinColumns = @JoinColumn(name = "book_id"),
        inverseJoinColumns = @JoinColumn(name = "tag_id")) Set<Tag> tags = new HashSet<>();

    Book() {}

    Book(String title, BigDecimal price, Author author) {
      this.title = title;
      this.price = price;
      this.author = author;
      this.added = Instant.parse("2024-05-01T10:15:30.123456Z");
      this.inPrint = true;
      author.books.add(this);
    }
  }

  @Entity(name = "Tag")
  @Table(name = "tag")
  static class Tag {
    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id;
    @Column(nullable = false, unique = true) String label;
    @ManyToMany(mappedBy = "tags") Set<Book> books = new HashSet<>();

    Tag() {}

    Tag(String label) {
      this.label = label;
    }
  }

  /** The first version of table shelf. */
  @Entity(name = "Shelf")
  @Table(name = "shelf")
  static class Shelf {
    @Id Long id;
    String room;
  }

  /** The same table later: a new column with an index, and a reference to an author. */
  @Entity(name = "Shelf")
  @Table(name = "shelf", indexes = @Index(name = "shelf_capacity_idx", columnList = "capacity"))
  static class ShelfV2 {
    @Id Long id;
    String room;
    Integer capacity;
    @ManyToOne @JoinColumn(name = "curator_id") Author curator;
  }
}
