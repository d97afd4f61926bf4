package io.bop.engine.parser.ast;

import org.apache.calcite.sql.SqlCreate;
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

/** {@code CREATE [TEMPORARY] SEQUENCE [IF NOT EXISTS] name [option ...]}. */
public final class BopCreateSequence extends SqlCreate {

  private static final SqlOperator OPERATOR = new NodeOperator("CREATE SEQUENCE", SqlKind.CREATE_SEQUENCE,
      (pos, operands) -> new BopCreateSequence(pos, Operands.flag(operands.get(1)),
          Operands.flag(operands.get(2)), (SqlIdentifier) operands.get(0), (SqlNodeList) operands.get(3)));

  private final boolean temporary;
  private final SqlIdentifier name;
  private final SqlNodeList options;

  public BopCreateSequence(SqlParserPos pos, boolean temporary, boolean ifNotExists, SqlIdentifier name,
      SqlNodeList options) {
    super(OPERATOR, pos, false, ifNotExists);
    this.temporary = temporary;
    this.name = name;
    this.options = options;
  }

  public boolean temporary() {
    return temporary;
  }

  public boolean ifNotExists() {
    return ifNotExists;
  }

  public SqlIdentifier name() {
    return name;
  }

  /**
   * The options as {@link BopOption}s named {@code as} (a data type), {@code increment}, {@code minvalue},
   * {@code maxvalue}, {@code start}, {@code cache} (numbers), {@code cycle}, {@code no minvalue},
   * {@code no maxvalue}, {@code no cycle} (no value), {@code owned by} (a column, or no value for NONE)
   * and {@code sequence name}.
   */
  public SqlNodeList options() {
    return options;
  }

  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, Operands.flag(temporary), Operands.flag(ifNotExists), options);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(temporary ? "CREATE TEMPORARY SEQUENCE" : "CREATE SEQUENCE");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    unparseOptions(writer, options);
  }

  /** Writes sequence options the way CREATE SEQUENCE takes them: {@code INCREMENT 5 NO CYCLE}. */
  static void unparseOptions(SqlWriter writer, SqlNodeList options) {
    for (SqlNode option : options) {
      ((BopOption) option).unparse(writer, null);
    }
  }
}
