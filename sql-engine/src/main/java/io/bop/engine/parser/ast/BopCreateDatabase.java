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

/**
 * {@code CREATE {DATABASE | SCHEMA} [IF NOT EXISTS] name [option ...]}: MySQL's
 * {@code [DEFAULT] CHARACTER SET x}, {@code COLLATE y}, or PostgreSQL's {@code [WITH] OWNER = x ENCODING 'UTF8'}.
 */
public final class BopCreateDatabase extends SqlCreate {

  private static final SqlOperator OPERATOR = new NodeOperator("CREATE DATABASE", SqlKind.CREATE_SCHEMA,
      (pos, operands) -> new BopCreateDatabase(pos, Operands.flag(operands.get(1)), Operands.flag(operands.get(2)),
          (SqlIdentifier) operands.get(0), (SqlNodeList) operands.get(3)));

  private final boolean schema;
  private final SqlIdentifier name;
  private final SqlNodeList options;

  /** @param schema whether it was written CREATE SCHEMA (a database in MySQL, a namespace in PostgreSQL) */
  public BopCreateDatabase(SqlParserPos pos, boolean schema, boolean ifNotExists, SqlIdentifier name,
      SqlNodeList options) {
    super(OPERATOR, pos, false, ifNotExists);
    this.schema = schema;
    this.name = name;
    this.options = options;
  }

  public boolean schema() {
    return schema;
  }

  public boolean ifNotExists() {
    return ifNotExists;
  }

  public SqlIdentifier name() {
    return name;
  }

  /** The options, as {@link BopOption}s named in lower case ({@code character set}, {@code collate}, …). */
  public SqlNodeList options() {
    return options;
  }

  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, Operands.flag(schema), Operands.flag(ifNotExists), options);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(schema ? "CREATE SCHEMA" : "CREATE DATABASE");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    for (SqlNode option : options) {
      ((BopOption) option).unparse(writer, "=");
    }
  }
}
