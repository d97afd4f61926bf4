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

/** MySQL's {@code USE database}: the session's current database. */
public final class BopUse extends SqlCall {

  private static final SqlOperator OPERATOR = new NodeOperator("USE", SqlKind.OTHER,
      (pos, operands) -> new BopUse(pos, (SqlIdentifier) operands.get(0)));

  private final SqlIdentifier database;

  public BopUse(SqlParserPos pos, SqlIdentifier database) {
    super(pos);
    this.database = database;
  }

  public SqlIdentifier database() {
    return database;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(database);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("USE");
    database.unparse(writer, 0, 0);
  }
}
