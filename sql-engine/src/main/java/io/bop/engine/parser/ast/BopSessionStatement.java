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
 * Session variables: {@code SET [SESSION | LOCAL | GLOBAL] name {TO | =} value, ...}, {@code SHOW name},
 * {@code RESET name}, and {@code DISCARD what}. PostgreSQL's spelled-out forms get the name of the variable
 * they stand for: {@code SET TIME ZONE} and {@code SHOW TIME ZONE} use {@code timezone},
 * {@code SHOW TRANSACTION ISOLATION LEVEL} uses {@code transaction_isolation}; {@code SET NAMES} uses
 * {@code names}.
 */
public final class BopSessionStatement extends SqlCall {

  /** The statement. */
  public enum Kind { SET, SHOW, RESET, DISCARD }

  /** Scope written after SET. */
  public enum Scope { SESSION, LOCAL, GLOBAL }

  private static final SqlOperator OPERATOR = new NodeOperator("SESSION STATEMENT", SqlKind.OTHER,
      (pos, operands) -> new BopSessionStatement(pos, Operands.symbol(operands.get(0), Kind.class),
          Operands.symbol(operands.get(1), Scope.class), (SqlIdentifier) operands.get(2),
          (SqlNodeList) operands.get(3)));

  private final Kind kind;
  private final @Nullable Scope scope;
  private final @Nullable SqlIdentifier name;
  private final @Nullable SqlNodeList values;

  public BopSessionStatement(SqlParserPos pos, Kind kind, @Nullable Scope scope, @Nullable SqlIdentifier name,
      @Nullable SqlNodeList values) {
    super(pos);
    this.kind = kind;
    this.scope = scope;
    this.name = name;
    this.values = values;
  }

  public Kind kind() {
    return kind;
  }

  /** SESSION, LOCAL (this transaction only) or GLOBAL (MySQL); null if not written. */
  public @Nullable Scope scope() {
    return scope;
  }

  /** The variable, or null for {@code ALL} ({@code SHOW ALL}, {@code RESET ALL}, {@code DISCARD ALL}). */
  public @Nullable SqlIdentifier name() {
    return name;
  }

  /**
   * Values of SET: literals, identifiers (PostgreSQL {@code on}, {@code warning}, {@code public}) or
   * expressions; the single {@code DEFAULT} call for {@code SET x TO DEFAULT}. Null for other kinds.
   */
  public @Nullable SqlNodeList values() {
    return values;
  }

  /** {@code SET name TO DEFAULT}, which resets the variable. */
  public boolean isSetDefault() {
    return values != null && values.size() == 1 && values.get(0).getKind() == SqlKind.DEFAULT;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(Operands.symbol(kind), Operands.symbol(scope), name, values);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(kind.name());
    if (scope != null) {
      writer.keyword(scope.name());
    }
    if (name == null) {
      writer.keyword("ALL");
    } else {
      name.unparse(writer, 0, 0);
    }
    if (values != null) {
      writer.keyword("=");
      Unparsing.commaList(writer, values);
    }
  }
}
