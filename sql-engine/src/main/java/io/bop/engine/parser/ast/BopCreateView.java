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

/** {@code CREATE [OR REPLACE] [TEMPORARY] VIEW [IF NOT EXISTS] name [(columns)] AS query}. */
public final class BopCreateView extends SqlCreate {

  private static final SqlOperator OPERATOR = new NodeOperator("CREATE VIEW", SqlKind.CREATE_VIEW,
      (pos, operands) -> new BopCreateView(pos, Operands.flag(operands.get(1)), Operands.flag(operands.get(2)),
          Operands.flag(operands.get(3)), (SqlIdentifier) operands.get(0), (SqlNodeList) operands.get(4),
          operands.get(5)));

  private final boolean temporary;
  private final SqlIdentifier name;
  private final @Nullable SqlNodeList columns;
  private final SqlNode query;

  public BopCreateView(SqlParserPos pos, boolean orReplace, boolean temporary, boolean ifNotExists,
      SqlIdentifier name, @Nullable SqlNodeList columns, SqlNode query) {
    super(OPERATOR, pos, orReplace, ifNotExists);
    this.temporary = temporary;
    this.name = name;
    this.columns = columns;
    this.query = query;
  }

  public boolean orReplace() {
    return getReplace();
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

  /** Column names, or null to take them from the query. */
  public @Nullable SqlNodeList columns() {
    return columns;
  }

  public SqlNode query() {
    return query;
  }

  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, Operands.flag(getReplace()), Operands.flag(temporary),
        Operands.flag(ifNotExists), columns, query);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(getReplace() ? "CREATE OR REPLACE" : "CREATE");
    writer.keyword(temporary ? "TEMPORARY VIEW" : "VIEW");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    if (columns != null) {
      Unparsing.parenthesized(writer, columns);
    }
    writer.keyword("AS");
    query.unparse(writer, 0, 0);
  }
}
