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

/** The {@code REFERENCES t [(cols)] [ON DELETE action] [ON UPDATE action]} part of a foreign key. */
public final class BopReferences extends SqlCall {

  private static final SqlOperator OPERATOR = new NodeOperator("REFERENCES", SqlKind.OTHER,
      (pos, operands) -> new BopReferences(pos, (SqlIdentifier) operands.get(0), (SqlNodeList) operands.get(1),
          Operands.symbol(operands.get(2), ReferentialAction.class),
          Operands.symbol(operands.get(3), ReferentialAction.class)));

  private final SqlIdentifier table;
  private final @Nullable SqlNodeList columns;
  private final @Nullable ReferentialAction onDelete;
  private final @Nullable ReferentialAction onUpdate;

  public BopReferences(SqlParserPos pos, SqlIdentifier table, @Nullable SqlNodeList columns,
      @Nullable ReferentialAction onDelete, @Nullable ReferentialAction onUpdate) {
    super(pos);
    this.table = table;
    this.columns = columns;
    this.onDelete = onDelete;
    this.onUpdate = onUpdate;
  }

  public SqlIdentifier table() {
    return table;
  }

  /** Referenced columns; null means the referenced table's primary key. */
  public @Nullable SqlNodeList columns() {
    return columns;
  }

  /** {@code ON DELETE} action, or null if not written. */
  public @Nullable ReferentialAction onDelete() {
    return onDelete;
  }

  /** {@code ON UPDATE} action, or null if not written. */
  public @Nullable ReferentialAction onUpdate() {
    return onUpdate;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(table, columns, Operands.symbol(onDelete), Operands.symbol(onUpdate));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("REFERENCES");
    table.unparse(writer, 0, 0);
    if (columns != null) {
      Unparsing.parenthesized(writer, columns);
    }
    if (onDelete != null) {
      writer.keyword("ON DELETE " + onDelete.sql);
    }
    if (onUpdate != null) {
      writer.keyword("ON UPDATE " + onUpdate.sql);
    }
  }
}
