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
 * PostgreSQL's {@code COPY table [(columns)] FROM source [WITH (options)] [WHERE condition]} and
 * {@code COPY {table [(columns)] | (query)} TO target [WITH (options)]}. Options of the old syntax
 * ({@code CSV HEADER DELIMITER ','}) arrive as the new syntax names them: {@code format csv}, {@code header},
 * {@code delimiter ','}, {@code force_quote (a, b)}.
 */
public final class BopCopy extends SqlCall {

  /** The direction, seen from the table. */
  public enum Direction { FROM, TO }

  private static final SqlOperator OPERATOR = new NodeOperator("COPY", SqlKind.OTHER,
      (pos, operands) -> new BopCopy(pos, (SqlIdentifier) operands.get(0), (SqlNodeList) operands.get(1),
          operands.get(2), Operands.symbol(operands.get(3), Direction.class), operands.get(4),
          Operands.flag(operands.get(5)), (SqlNodeList) operands.get(6), operands.get(7)));

  private final @Nullable SqlIdentifier table;
  private final @Nullable SqlNodeList columns;
  private final @Nullable SqlNode query;
  private final Direction direction;
  private final @Nullable SqlNode file;
  private final boolean program;
  private final SqlNodeList options;
  private final @Nullable SqlNode where;

  public BopCopy(SqlParserPos pos, @Nullable SqlIdentifier table, @Nullable SqlNodeList columns,
      @Nullable SqlNode query, Direction direction, @Nullable SqlNode file, boolean program, SqlNodeList options,
      @Nullable SqlNode where) {
    super(pos);
    this.table = table;
    this.columns = columns;
    this.query = query;
    this.direction = direction;
    this.file = file;
    this.program = program;
    this.options = options;
    this.where = where;
  }

  /** The table, or null when a query is copied out. */
  public @Nullable SqlIdentifier table() {
    return table;
  }

  /** The columns named after the table, or null for all of them. */
  public @Nullable SqlNodeList columns() {
    return columns;
  }

  /** The query of {@code COPY (query) TO}, or null. */
  public @Nullable SqlNode query() {
    return query;
  }

  public Direction direction() {
    return direction;
  }

  /** The file name or program literal, or null for STDIN/STDOUT (the client's end of the connection). */
  public @Nullable SqlNode file() {
    return file;
  }

  /** Whether {@link #file()} names a program ({@code PROGRAM 'command'}). */
  public boolean program() {
    return program;
  }

  /** {@link BopOption}s with lower-case names; a flag written without a value has a null value. */
  public SqlNodeList options() {
    return options;
  }

  /** The filter of {@code COPY ... FROM ... WHERE}, or null. */
  public @Nullable SqlNode where() {
    return where;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(table, columns, query, Operands.symbol(direction), file, Operands.flag(program),
        options, where);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("COPY");
    if (table != null) {
      table.unparse(writer, 0, 0);
      if (columns != null) {
        Unparsing.parenthesized(writer, columns);
      }
    } else {
      final SqlWriter.Frame frame = writer.startList("(", ")");
      query.unparse(writer, 0, 0);
      writer.endList(frame);
    }
    writer.keyword(direction.name());
    if (file == null) {
      writer.keyword(direction == Direction.FROM ? "STDIN" : "STDOUT");
    } else {
      if (program) {
        writer.keyword("PROGRAM");
      }
      file.unparse(writer, 0, 0);
    }
    if (!options.isEmpty()) {
      writer.keyword("WITH");
      final SqlWriter.Frame frame = writer.startList("(", ")");
      for (SqlNode option : options) {
        writer.sep(",");
        ((BopOption) option).unparse(writer, null);
      }
      writer.endList(frame);
    }
    Unparsing.where(writer, where);
  }
}
