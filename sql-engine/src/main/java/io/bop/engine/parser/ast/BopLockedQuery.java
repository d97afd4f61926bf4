package io.bop.engine.parser.ast;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/**
 * A query with locking clauses: PostgreSQL's and MySQL's {@code FOR UPDATE}, {@code FOR NO KEY UPDATE},
 * {@code FOR SHARE}, {@code FOR KEY SHARE}, each with {@code OF tables}. The clauses are kept as written.
 */
public final class BopLockedQuery extends SqlCall {

  private static final SqlOperator OPERATOR = new NodeOperator("LOCKED QUERY", SqlKind.OTHER,
      (pos, operands) -> new BopLockedQuery(pos, operands.get(0), Operands.text(operands.get(1))));

  private final SqlNode query;
  private final String locking;

  public BopLockedQuery(SqlParserPos pos, SqlNode query, String locking) {
    super(pos);
    this.query = query;
    this.locking = locking;
  }

  public SqlNode query() {
    return query;
  }

  /** The locking clauses, as "FOR UPDATE OF t". */
  public String locking() {
    return locking;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(query, Operands.text(locking));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    query.unparse(writer, 0, 0);
    writer.keyword(locking);
  }
}
