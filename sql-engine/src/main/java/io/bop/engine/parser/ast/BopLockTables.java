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

/**
 * MySQL's {@code LOCK TABLES table [[AS] alias] {READ [LOCAL] | [LOW_PRIORITY] WRITE}, ...} and
 * {@code UNLOCK TABLES}. Only the table names are kept: what the locks would protect, bop's transactions
 * already do.
 */
public final class BopLockTables extends SqlCall {

  private static final SqlOperator OPERATOR = new NodeOperator("LOCK TABLES", SqlKind.OTHER,
      (pos, operands) -> new BopLockTables(pos, (SqlNodeList) operands.get(0)));

  private final @Nullable SqlNodeList tables;

  /** @param tables the locked tables, or null for UNLOCK TABLES */
  public BopLockTables(SqlParserPos pos, @Nullable SqlNodeList tables) {
    super(pos);
    this.tables = tables;
  }

  /** The tables LOCK TABLES names, or null for UNLOCK TABLES. */
  public @Nullable SqlNodeList tables() {
    return tables;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(tables);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    if (tables == null) {
      writer.keyword("UNLOCK TABLES");
      return;
    }
    writer.keyword("LOCK TABLES");
    final SqlWriter.Frame frame = writer.startList("", "");
    for (SqlNode table : tables) {
      writer.sep(",");
      table.unparse(writer, 0, 0);
      writer.keyword("WRITE");
    }
    writer.endList(frame);
  }
}
