package io.bop.engine.parser.ast;

import java.util.List;
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

/**
 * {@code ALTER SEQUENCE [IF EXISTS] name option ...} with the options of {@link BopCreateSequence} and
 * {@code restart} (a number, or no value for the start value), or {@code ALTER SEQUENCE name RENAME TO new}.
 */
public final class BopAlterSequence extends SqlDdl {

  private static final SqlOperator OPERATOR = new NodeOperator("ALTER SEQUENCE", SqlKind.ALTER_SEQUENCE,
      (pos, operands) -> new BopAlterSequence(pos, Operands.flag(operands.get(1)), (SqlIdentifier) operands.get(0),
          (SqlNodeList) operands.get(2), (SqlIdentifier) operands.get(3)));

  private final boolean ifExists;
  private final SqlIdentifier name;
  private final SqlNodeList options;
  private final @Nullable SqlIdentifier newName;

  public BopAlterSequence(SqlParserPos pos, boolean ifExists, SqlIdentifier name, SqlNodeList options,
      @Nullable SqlIdentifier newName) {
    super(OPERATOR, pos);
    this.ifExists = ifExists;
    this.name = name;
    this.options = options;
    this.newName = newName;
  }

  public boolean ifExists() {
    return ifExists;
  }

  public SqlIdentifier name() {
    return name;
  }

  public SqlNodeList options() {
    return options;
  }

  /** The new name of RENAME TO, else null. */
  public @Nullable SqlIdentifier newName() {
    return newName;
  }

  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, Operands.flag(ifExists), options, newName);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER SEQUENCE");
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    name.unparse(writer, 0, 0);
    if (newName != null) {
      writer.keyword("RENAME TO");
      newName.unparse(writer, 0, 0);
    }
    BopCreateSequence.unparseOptions(writer, options);
  }
}
