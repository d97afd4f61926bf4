package io.bop.engine.parser.ast;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/**
 * A table constraint in CREATE TABLE or ALTER TABLE ADD: {@code [CONSTRAINT name] PRIMARY KEY (cols) |
 * UNIQUE (cols) | CHECK (expr) | FOREIGN KEY (cols) REFERENCES ...}, and MySQL's {@code KEY|INDEX name (cols)}
 * and {@code UNIQUE KEY name (cols)}.
 */
public final class BopTableConstraint extends SqlCall {

  /** The constraint; CHECK fills {@link #check()}, FOREIGN_KEY {@link #references()}, the others columns. */
  public enum Kind {
    PRIMARY_KEY("PRIMARY KEY"),
    UNIQUE("UNIQUE"),
    CHECK("CHECK"),
    FOREIGN_KEY("FOREIGN KEY"),
    /** MySQL {@code KEY name (cols)} / {@code INDEX name (cols)}: a plain index, no constraint. */
    INDEX("INDEX");

    /** The words as written in SQL. */
    public final String sql;

    Kind(String sql) {
      this.sql = sql;
    }
  }

  private static final SqlOperator OPERATOR = new NodeOperator("TABLE CONSTRAINT", SqlKind.OTHER,
      (pos, operands) -> new BopTableConstraint(pos, Operands.symbol(operands.get(0), Kind.class),
          (SqlIdentifier) operands.get(1), (SqlNodeList) operands.get(2), operands.get(3),
          (BopReferences) operands.get(4)));

  private final Kind kind;
  private final @Nullable SqlIdentifier name;
  private final @Nullable SqlNodeList columns;
  private final @Nullable SqlNode check;
  private final @Nullable BopReferences references;

  public BopTableConstraint(SqlParserPos pos, Kind kind, @Nullable SqlIdentifier name,
      @Nullable SqlNodeList columns, @Nullable SqlNode check, @Nullable BopReferences references) {
    super(pos);
    this.kind = kind;
    this.name = name;
    this.columns = columns;
    this.check = check;
    this.references = references;
  }

  public Kind kind() {
    return kind;
  }

  /** Constraint name ({@code CONSTRAINT name}) or MySQL index name, or null. */
  public @Nullable SqlIdentifier name() {
    return name;
  }

  /** Key columns (of PRIMARY KEY, UNIQUE, FOREIGN KEY, INDEX), or null for CHECK. */
  public @Nullable SqlNodeList columns() {
    return columns;
  }

  /** Condition of a CHECK, or null. */
  public @Nullable SqlNode check() {
    return check;
  }

  /** Referenced table of a FOREIGN KEY, or null. */
  public @Nullable BopReferences references() {
    return references;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(Operands.symbol(kind), name, columns, check, references);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    if (name != null && kind != Kind.INDEX) {
      writer.keyword("CONSTRAINT");
      name.unparse(writer, 0, 0);
    }
    writer.keyword(kind.sql);
    if (name != null && kind == Kind.INDEX) {
      name.unparse(writer, 0, 0);
    }
    if (check != null) {
      final SqlWriter.Frame frame = writer.startList("(", ")");
      check.unparse(writer, 0, 0);
      writer.endList(frame);
    }
    if (columns != null) {
      Unparsing.parenthesized(writer, columns);
    }
    if (references != null) {
      references.unparse(writer, 0, 0);
    }
  }
}
