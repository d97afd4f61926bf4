package io.bop.engine.catalog;

import io.bop.engine.types.SqlType;

/**
 * @param name the column name
 * @param number 1-based position (PostgreSQL's attnum)
 * @param type the declared type
 * @param notNull whether NULL is refused
 * @param defaultText the default as the user wrote it, or null
 * @param identity how values are generated: {@link #NO_IDENTITY}, {@link #ALWAYS}, {@link #BY_DEFAULT},
 *     {@link #SERIAL}, {@link #AUTO_INCREMENT}
 * @param comment the column comment, or null
 * @param onUpdate MySQL's ON UPDATE value as written ({@code CURRENT_TIMESTAMP}), or null
 */
public record TableColumn(String name, int number, SqlType type, boolean notNull, String defaultText,
    String identity, String comment, String onUpdate) {
  public static final String NO_IDENTITY = "";
  public static final String ALWAYS = "a";
  public static final String BY_DEFAULT = "d";
  public static final String SERIAL = "s";
  public static final String AUTO_INCREMENT = "i";

  public TableColumn(String name, int number, SqlType type, boolean notNull, String defaultText, String identity,
      String comment) {
    this(name, number, type, notNull, defaultText, identity, comment, null);
  }

  public boolean generated() {
    return !identity.isEmpty();
  }

  /** Whether it is a SQL identity column, {@code GENERATED ALWAYS} or {@code BY DEFAULT}. */
  public boolean isIdentity() {
    return identity.equals(ALWAYS) || identity.equals(BY_DEFAULT);
  }
}
