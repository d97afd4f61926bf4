package io.bop.engine.parser.ast;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/**
 * INSERT of both dialects: Calcite's {@link SqlInsert} (target, columns, source) plus the table alias,
 * {@code DEFAULT VALUES}, the conflict clause, {@code RETURNING}, MySQL {@code INSERT IGNORE},
 * {@code REPLACE} and the MySQL row alias ({@code VALUES (...) AS new}).
 */
public final class BopInsert extends SqlInsert {

  /** The statement's verb: MySQL's INSERT IGNORE skips rows that fail, REPLACE replaces colliding rows. */
  public enum Verb {
    INSERT("INSERT INTO"), INSERT_IGNORE("INSERT IGNORE INTO"), REPLACE("REPLACE INTO");

    /** The words as written in SQL. */
    public final String sql;

    Verb(String sql) {
      this.sql = sql;
    }
  }

  private static final SqlOperator OPERATOR = new NodeOperator("INSERT", SqlKind.INSERT,
      (pos, operands) -> new BopInsert(pos, Operands.symbol(operands.get(4), Verb.class),
          (SqlIdentifier) operands.get(1), (SqlIdentifier) operands.get(5),
          (SqlNodeList) operands.get(3), operands.get(2), (SqlIdentifier) operands.get(6),
          (BopOnConflict) operands.get(7), (SqlNodeList) operands.get(8)));

  private final Verb verb;
  private final @Nullable SqlIdentifier alias;
  private final @Nullable SqlIdentifier rowAlias;
  private final @Nullable BopOnConflict onConflict;
  private final @Nullable SqlNodeList returning;

  /**
   * Creates an INSERT; {@code source} is a query (often VALUES), or {@link #defaultValues} for
   * {@code DEFAULT VALUES}.
   */
  public BopInsert(SqlParserPos pos, Verb verb, SqlIdentifier table, @Nullable SqlIdentifier alias,
      @Nullable SqlNodeList columns, SqlNode source, @Nullable SqlIdentifier rowAlias,
      @Nullable BopOnConflict onConflict, @Nullable SqlNodeList returning) {
    super(pos, SqlNodeList.EMPTY, table, source, columns);
    this.verb = verb;
    this.alias = alias;
    this.rowAlias = rowAlias;
    this.onConflict = onConflict;
    this.returning = returning;
  }

  /** The source that stands for {@code DEFAULT VALUES}. */
  public static SqlNode defaultValues(SqlParserPos pos) {
    return SqlStdOperatorTable.DEFAULT.createCall(pos);
  }

  public Verb verb() {
    return verb;
  }

  /** The target table name. */
  public SqlIdentifier table() {
    return (SqlIdentifier) getTargetTable();
  }

  /** PostgreSQL {@code INSERT INTO t AS alias}, or null. */
  public @Nullable SqlIdentifier alias() {
    return alias;
  }

  /** Whether the statement is {@code INSERT ... DEFAULT VALUES} (then {@link #getSource()} is no query). */
  public boolean isDefaultValues() {
    return getSource().getKind() == SqlKind.DEFAULT;
  }

  /** MySQL 8 row alias of {@code VALUES (...) AS new}, or null. */
  public @Nullable SqlIdentifier rowAlias() {
    return rowAlias;
  }

  public @Nullable BopOnConflict onConflict() {
    return onConflict;
  }

  /** The {@code RETURNING} select items, or null. */
  public @Nullable SqlNodeList returning() {
    return returning;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  /** Calcite's operands (keywords, table, source, columns) come first, so its setOperand still applies. */
  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.<@Nullable SqlNode>builder()
        .addAll(super.getOperandList())
        .add(Operands.symbol(verb), alias, rowAlias, onConflict, returning)
        .build();
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    final SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SELECT);
    writer.keyword(verb.sql);
    getTargetTable().unparse(writer, 0, 0);
    if (alias != null) {
      writer.keyword("AS");
      alias.unparse(writer, 0, 0);
    }
    if (getTargetColumnList() != null) {
      Unparsing.parenthesized(writer, getTargetColumnList());
    }
    writer.newlineAndIndent();
    if (isDefaultValues()) {
      writer.keyword("DEFAULT VALUES");
    } else {
      getSource().unparse(writer, 0, 0);
    }
    if (rowAlias != null) {
      writer.keyword("AS");
      rowAlias.unparse(writer, 0, 0);
    }
    if (onConflict != null) {
      onConflict.unparse(writer, 0, 0);
    }
    Unparsing.returning(writer, returning);
    writer.endList(frame);
  }
}
