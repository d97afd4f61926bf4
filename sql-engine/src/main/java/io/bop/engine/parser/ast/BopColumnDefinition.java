package io.bop.engine.parser.ast;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
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
import java.util.Optional;

/** A column in CREATE TABLE or ALTER TABLE ADD: name, type (a {@link BopTypeNameSpec}) and clauses. */
public final class BopColumnDefinition extends SqlCall {

  private static final SqlOperator OPERATOR = new NodeOperator("COLUMN", SqlKind.COLUMN_DECL,
      (pos, operands) -> new BopColumnDefinition(pos, (SqlIdentifier) operands.get(0),
          (SqlDataTypeSpec) operands.get(1), (SqlNodeList) operands.get(2)));

  private final SqlIdentifier name;
  private final SqlDataTypeSpec type;
  private final SqlNodeList constraints;

  public BopColumnDefinition(SqlParserPos pos, SqlIdentifier name, SqlDataTypeSpec type,
      SqlNodeList constraints) {
    super(pos);
    this.name = name;
    this.type = type;
    this.constraints = constraints;
  }

  public SqlIdentifier name() {
    return name;
  }

  /** The type; its name spec is a {@link BopTypeNameSpec}. */
  public SqlDataTypeSpec type() {
    return type;
  }

  /** The type name, including the column's {@code COLLATE}. */
  public BopTypeNameSpec typeName() {
    return (BopTypeNameSpec) type.getTypeNameSpec();
  }

  /** The {@link BopColumnConstraint}s in written order. */
  public SqlNodeList constraints() {
    return constraints;
  }

  /** The first clause of a kind, e.g. {@code constraint(DEFAULT)}. */
  public Optional<BopColumnConstraint> constraint(BopColumnConstraint.Kind kind) {
    return constraints.stream()
        .map(BopColumnConstraint.class::cast)
        .filter(constraint -> constraint.kind() == kind)
        .findFirst();
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, type, constraints);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    name.unparse(writer, 0, 0);
    type.unparse(writer, 0, 0);
    for (SqlNode constraint : constraints) {
      constraint.unparse(writer, 0, 0);
    }
  }
}
