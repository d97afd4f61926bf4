package io.bop.engine.parser.ast;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlTruncate;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/** {@code TRUNCATE [TABLE] name, ... [RESTART IDENTITY | CONTINUE IDENTITY] [CASCADE | RESTRICT]}. */
public final class BopTruncate extends SqlTruncate {

  private static final SqlOperator OPERATOR = new NodeOperator("TRUNCATE", SqlKind.TRUNCATE_TABLE,
      (pos, operands) -> new BopTruncate(pos, (SqlNodeList) operands.get(0), Operands.flag(operands.get(1)),
          Operands.symbol(operands.get(2), DropBehavior.class)));

  private final SqlNodeList tables;
  private final boolean restartIdentity;
  private final @Nullable DropBehavior behavior;

  public BopTruncate(SqlParserPos pos, SqlNodeList tables, boolean restartIdentity,
      @Nullable DropBehavior behavior) {
    super(OPERATOR, pos);
    this.tables = tables;
    this.restartIdentity = restartIdentity;
    this.behavior = behavior;
  }

  /** Names of the emptied tables. */
  public SqlNodeList tables() {
    return tables;
  }

  /** {@code RESTART IDENTITY}: reset the tables' identity and serial sequences. */
  public boolean restartIdentity() {
    return restartIdentity;
  }

  /** {@code CASCADE} or {@code RESTRICT}, or null if not written. */
  public @Nullable DropBehavior behavior() {
    return behavior;
  }

  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(tables, Operands.flag(restartIdentity), Operands.symbol(behavior));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("TRUNCATE TABLE");
    Unparsing.commaList(writer, tables);
    if (restartIdentity) {
      writer.keyword("RESTART IDENTITY");
    }
    if (behavior != null) {
      writer.keyword(behavior.name());
    }
  }
}
