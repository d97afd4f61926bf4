package io.bop.engine.parser.ast;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;
import java.util.Locale;

/**
 * MySQL's SHOW statements, and {@code DESCRIBE table} (which is {@code SHOW COLUMNS}):
 * {@code SHOW [FULL] kind [FROM object] [FROM database] [LIKE 'pattern' | WHERE condition]}.
 */
public final class BopShow extends SqlCall {

  /** What is shown; the words after SHOW. */
  public enum Kind {
    DATABASES("DATABASES"), TABLES("TABLES"), COLUMNS("COLUMNS"), INDEX("INDEX"), CREATE_TABLE("CREATE TABLE"),
    CREATE_VIEW("CREATE VIEW"), CREATE_DATABASE("CREATE DATABASE"), VARIABLES("VARIABLES"), STATUS("STATUS"),
    WARNINGS("WARNINGS"), ERRORS("ERRORS"), PROCESSLIST("PROCESSLIST"), ENGINES("ENGINES"),
    COLLATION("COLLATION"), CHARACTER_SET("CHARACTER SET"), TABLE_STATUS("TABLE STATUS"), TRIGGERS("TRIGGERS"),
    EVENTS("EVENTS"), FUNCTION_STATUS("FUNCTION STATUS"), PROCEDURE_STATUS("PROCEDURE STATUS"), GRANTS("GRANTS");

    /** The words as written in SQL. */
    public final String sql;

    Kind(String sql) {
      this.sql = sql;
    }
  }

  private static final SqlOperator OPERATOR = new NodeOperator("SHOW", SqlKind.OTHER,
      (pos, operands) -> new BopShow(pos, Operands.symbol(operands.get(0), Kind.class), Operands.flag(operands.get(1)),
          Operands.symbol(operands.get(2), BopSessionStatement.Scope.class), (SqlIdentifier) operands.get(3),
          (SqlIdentifier) operands.get(4), operands.get(5), operands.get(6)));

  private final Kind kind;
  private final boolean full;
  private final BopSessionStatement.@Nullable Scope scope;
  private final @Nullable SqlIdentifier object;
  private final @Nullable SqlIdentifier database;
  private final @Nullable SqlNode like;
  private final @Nullable SqlNode where;

  public BopShow(SqlParserPos pos, Kind kind, boolean full, BopSessionStatement.@Nullable Scope scope,
      @Nullable SqlIdentifier object, @Nullable SqlIdentifier database, @Nullable SqlNode like,
      @Nullable SqlNode where) {
    super(pos);
    this.kind = kind;
    this.full = full;
    this.scope = scope;
    this.object = object;
    this.database = database;
    this.like = like;
    this.where = where;
  }

  public Kind kind() {
    return kind;
  }

  /** SHOW FULL TABLES, COLUMNS or PROCESSLIST. */
  public boolean full() {
    return full;
  }

  /** GLOBAL or SESSION of SHOW VARIABLES and SHOW STATUS, else null. */
  public BopSessionStatement.@Nullable Scope scope() {
    return scope;
  }

  /** The table (COLUMNS, INDEX, CREATE TABLE, CREATE VIEW) or database (CREATE DATABASE) shown, else null. */
  public @Nullable SqlIdentifier object() {
    return object;
  }

  /** The database of {@code FROM database} or {@code IN database}, else null (the current one). */
  public @Nullable SqlIdentifier database() {
    return database;
  }

  /** The pattern of {@code LIKE 'pattern'}, a string literal, else null. */
  public @Nullable SqlNode like() {
    return like;
  }

  /** The condition of {@code WHERE}, over the shown columns, else null. */
  public @Nullable SqlNode where() {
    return where;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(Operands.symbol(kind), Operands.flag(full), Operands.symbol(scope), object,
        database, like, where);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("SHOW");
    if (full) {
      writer.keyword("FULL");
    }
    if (scope != null) {
      writer.keyword(scope.name());
    }
    writer.keyword(kind.sql);
    if (object != null) {
      if (!kind.sql.startsWith("CREATE")) {
        writer.keyword("FROM");
      }
      object.unparse(writer, 0, 0);
    }
    if (database != null) {
      writer.keyword("FROM");
      database.unparse(writer, 0, 0);
    }
    if (like != null) {
      writer.keyword("LIKE");
      like.unparse(writer, 0, 0);
    }
    if (where != null) {
      writer.keyword("WHERE");
      where.unparse(writer, 0, 0);
    }
  }

  @Override
  public String toString() {
    return "SHOW " + kind.sql.toLowerCase(Locale.ROOT);
  }
}
