package io.bop.engine.parser.ast;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

/** {@code COMMENT ON {TABLE | VIEW | COLUMN | SEQUENCE | INDEX} name IS {'text' | NULL}}. */
public final class BopComment extends SqlCall {

  private static final SqlOperator OPERATOR = new NodeOperator("COMMENT", SqlKind.OTHER_DDL,
      (pos, operands) -> new BopComment(pos, Operands.text(operands.get(0)), (SqlIdentifier) operands.get(1),
          operands.get(2)));

  private final String kind;
  private final SqlIdentifier name;
  private final @Nullable SqlNode text;

  public BopComment(SqlParserPos pos, String kind, SqlIdentifier name, @Nullable SqlNode text) {
    super(pos);
    this.kind = kind;
    this.name = name;
    this.text = text;
  }

  /** What is commented on: {@code table}, {@code view}, {@code column}, {@code sequence} or {@code index}. */
  public String kind() {
    return kind;
  }

  /** The object; for a column, {@code [table.]column} with its table. */
  public SqlIdentifier name() {
    return name;
  }

  /** The comment, or null for IS NULL (which removes it). */
  public @Nullable String text() {
    return text == null ? null : ((SqlLiteral) text).getValueAs(String.class);
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(Operands.text(kind), name, text);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("COMMENT ON " + kind.toUpperCase(java.util.Locale.ROOT));
    name.unparse(writer, 0, 0);
    writer.keyword("IS");
    if (text == null) {
      writer.keyword("NULL");
    } else {
      text.unparse(writer, 0, 0);
    }
  }
}
