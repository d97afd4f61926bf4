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

import com.google.common.collect.Iterables;

import java.util.List;

/**
 * {@code CREATE [TEMPORARY] TABLE [IF NOT EXISTS] name (columns and constraints) [WITH (params)]
 * [MySQL table options]}, or {@code CREATE TABLE name AS query}.
 */
public final class BopCreateTable extends SqlCreate {

  private static final SqlOperator OPERATOR = new NodeOperator("CREATE TABLE", SqlKind.CREATE_TABLE,
      (pos, operands) -> new BopCreateTable(pos, Operands.flag(operands.get(1)), Operands.flag(operands.get(2)),
          (SqlIdentifier) operands.get(0), (SqlNodeList) operands.get(3), (SqlNodeList) operands.get(4),
          operands.get(5), (SqlNodeList) operands.get(6), (SqlNodeList) operands.get(7)));

  private final boolean temporary;
  private final SqlIdentifier name;
  private final SqlNodeList columns;
  private final SqlNodeList constraints;
  private final @Nullable SqlNode query;
  private final SqlNodeList storageParameters;
  private final SqlNodeList tableOptions;

  public BopCreateTable(SqlParserPos pos, boolean temporary, boolean ifNotExists, SqlIdentifier name,
      SqlNodeList columns, SqlNodeList constraints, @Nullable SqlNode query,
      SqlNodeList storageParameters, SqlNodeList tableOptions) {
    super(OPERATOR, pos, false, ifNotExists);
    this.temporary = temporary;
    this.name = name;
    this.columns = columns;
    this.constraints = constraints;
    this.query = query;
    this.storageParameters = storageParameters;
    this.tableOptions = tableOptions;
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

  /** The {@link BopColumnDefinition}s; empty for CREATE TABLE AS. */
  public SqlNodeList columns() {
    return columns;
  }

  /** The {@link BopTableConstraint}s (and MySQL indexes), in written order. */
  public SqlNodeList constraints() {
    return constraints;
  }

  /** The query of CREATE TABLE AS, or null. */
  public @Nullable SqlNode query() {
    return query;
  }

  /** PostgreSQL {@code WITH (fillfactor = 70)}: {@link BopOption}s, maybe empty. */
  public SqlNodeList storageParameters() {
    return storageParameters;
  }

  /** MySQL {@code ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 ...}: {@link BopOption}s, maybe empty. */
  public SqlNodeList tableOptions() {
    return tableOptions;
  }

  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, Operands.flag(temporary), Operands.flag(ifNotExists), columns,
        constraints, query, storageParameters, tableOptions);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(temporary ? "CREATE TEMPORARY TABLE" : "CREATE TABLE");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    if (query == null) {
      final SqlWriter.Frame frame = writer.startList("(", ")");
      for (SqlNode element : Iterables.concat(columns, constraints)) {
        writer.sep(",");
        element.unparse(writer, 0, 0);
      }
      writer.endList(frame);
    }
    if (!storageParameters.isEmpty()) {
      writer.keyword("WITH");
      Unparsing.parenthesized(writer, storageParameters);
    }
    for (SqlNode option : tableOptions) {
      option.unparse(writer, 0, 0);
    }
    if (query != null) {
      writer.keyword("AS");
      query.unparse(writer, 0, 0);
    }
  }
}
