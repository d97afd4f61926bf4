package io.bop.engine.parser.ast;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/** PostgreSQL's {@code VACUUM [options] [table, ...]} and {@code ANALYZE [options] [table, ...]}. */
public final class BopMaintenance extends SqlCall {

  /** The statement. */
  public enum Kind { VACUUM, ANALYZE }

  private static final SqlOperator OPERATOR = new NodeOperator("MAINTENANCE", SqlKind.OTHER,
      (pos, operands) -> new BopMaintenance(pos, Operands.symbol(operands.get(0), Kind.class),
          (SqlNodeList) operands.get(1), (SqlNodeList) operands.get(2)));

  private final Kind kind;
  private final SqlNodeList options;
  private final SqlNodeList tables;

  public BopMaintenance(SqlParserPos pos, Kind kind, SqlNodeList options, SqlNodeList tables) {
    super(pos);
    this.kind = kind;
    this.options = options;
    this.tables = tables;
  }

  public Kind kind() {
    return kind;
  }

  /**
   * Options as lower-case identifiers ({@code full}, {@code verbose}, {@code analyze}, ...), from
   * either {@code VACUUM FULL VERBOSE} or {@code VACUUM (FULL, VERBOSE)}.
   */
  public SqlNodeList options() {
    return options;
  }

  /** Table names; empty for all tables. */
  public SqlNodeList tables() {
    return tables;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(Operands.symbol(kind), options, tables);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(kind.name());
    if (!options.isEmpty()) {
      Unparsing.parenthesized(writer, options);
    }
    Unparsing.commaList(writer, tables);
  }
}
