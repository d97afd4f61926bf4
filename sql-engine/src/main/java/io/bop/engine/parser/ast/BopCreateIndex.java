package io.bop.engine.parser.ast;

import org.apache.calcite.sql.SqlCall;
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

/**
 * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON table [USING method] (keys)
 * [WHERE predicate]}.
 */
public final class BopCreateIndex extends SqlCreate {

  private static final SqlOperator OPERATOR = new NodeOperator("CREATE INDEX", SqlKind.CREATE_INDEX,
      (pos, operands) -> new BopCreateIndex(pos, Operands.flag(operands.get(2)), Operands.flag(operands.get(3)),
          Operands.flag(operands.get(4)), (SqlIdentifier) operands.get(0), (SqlIdentifier) operands.get(1),
          (SqlIdentifier) operands.get(5), (SqlNodeList) operands.get(6), operands.get(7)));

  private final boolean unique;
  private final boolean concurrently;
  private final @Nullable SqlIdentifier name;
  private final SqlIdentifier table;
  private final @Nullable SqlIdentifier method;
  private final SqlNodeList keys;
  private final @Nullable SqlNode where;

  public BopCreateIndex(SqlParserPos pos, boolean unique, boolean concurrently, boolean ifNotExists,
      @Nullable SqlIdentifier name, SqlIdentifier table, @Nullable SqlIdentifier method, SqlNodeList keys,
      @Nullable SqlNode where) {
    super(OPERATOR, pos, false, ifNotExists);
    this.unique = unique;
    this.concurrently = concurrently;
    this.name = name;
    this.table = table;
    this.method = method;
    this.keys = keys;
    this.where = where;
  }

  public boolean unique() {
    return unique;
  }

  public boolean concurrently() {
    return concurrently;
  }

  public boolean ifNotExists() {
    return ifNotExists;
  }

  /** The index name; null when PostgreSQL is to choose one. */
  public @Nullable SqlIdentifier name() {
    return name;
  }

  public SqlIdentifier table() {
    return table;
  }

  /** {@code USING btree}, or null. */
  public @Nullable SqlIdentifier method() {
    return method;
  }

  /**
   * Key columns or expressions, each maybe wrapped in {@code DESC}, {@code NULLS FIRST}, {@code NULLS LAST}
   * calls as in ORDER BY.
   */
  public SqlNodeList keys() {
    return keys;
  }

  /** Predicate of a partial index, or null. */
  public @Nullable SqlNode where() {
    return where;
  }

  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, table, Operands.flag(unique), Operands.flag(concurrently),
        Operands.flag(ifNotExists), method, keys, where);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(unique ? "CREATE UNIQUE INDEX" : "CREATE INDEX");
    if (concurrently) {
      writer.keyword("CONCURRENTLY");
    }
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    if (name != null) {
      name.unparse(writer, 0, 0);
    }
    writer.keyword("ON");
    table.unparse(writer, 0, 0);
    if (method != null) {
      writer.keyword("USING");
      method.unparse(writer, 0, 0);
    }
    final SqlWriter.Frame frame = writer.startList("(", ")");
    for (SqlNode key : keys) {
      writer.sep(",");
      unparseKey(writer, key);
    }
    writer.endList(frame);
    Unparsing.where(writer, where);
  }

  /** Writes {@code column} or {@code (expression)}, then its DESC / NULLS FIRST / NULLS LAST. */
  private static void unparseKey(SqlWriter writer, SqlNode key) {
    switch (key.getKind()) {
    case DESCENDING:
    case NULLS_FIRST:
    case NULLS_LAST:
      final SqlCall call = (SqlCall) key;
      unparseKey(writer, call.operand(0));
      writer.keyword(call.getOperator().getName());
      break;
    case IDENTIFIER:
      key.unparse(writer, 0, 0);
      break;
    default:
      // PostgreSQL requires parentheses around an expression key.
      final SqlWriter.Frame frame = writer.startList("(", ")");
      key.unparse(writer, 0, 0);
      writer.endList(frame);
    }
  }
}
