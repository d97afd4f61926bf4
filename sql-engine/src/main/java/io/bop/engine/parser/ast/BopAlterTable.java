package io.bop.engine.parser.ast;

import org.apache.calcite.sql.SqlDdl;
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

/** {@code ALTER TABLE [IF EXISTS] [ONLY] name action, ...}; the actions are {@link BopAlterTableAction}s. */
public final class BopAlterTable extends SqlDdl {

  private static final SqlOperator OPERATOR = new NodeOperator("ALTER TABLE", SqlKind.ALTER_TABLE,
      (pos, operands) -> new BopAlterTable(pos, Operands.flag(operands.get(1)), (SqlIdentifier) operands.get(0),
          (SqlNodeList) operands.get(2)));

  private final boolean ifExists;
  private final SqlIdentifier name;
  private final SqlNodeList actions;

  public BopAlterTable(SqlParserPos pos, boolean ifExists, SqlIdentifier name, SqlNodeList actions) {
    super(OPERATOR, pos);
    this.ifExists = ifExists;
    this.name = name;
    this.actions = actions;
  }

  public boolean ifExists() {
    return ifExists;
  }

  public SqlIdentifier name() {
    return name;
  }

  /** The {@link BopAlterTableAction}s in written order. */
  public SqlNodeList actions() {
    return actions;
  }

  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, Operands.flag(ifExists), actions);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER TABLE");
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    name.unparse(writer, 0, 0);
    Unparsing.commaList(writer, actions);
  }
}
