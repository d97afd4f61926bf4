package io.bop.engine.parser.ast;

import org.apache.calcite.sql.SqlCall;
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
 * A named option: a PostgreSQL storage parameter ({@code fillfactor = 70}), a MySQL table option
 * ({@code engine = InnoDB}), a sequence option ({@code increment 5}) or a COPY option ({@code format csv}).
 * The name is lower case with words joined by one space; synonyms are merged where the dialect defines them
 * as such ({@code CHARSET}, {@code DEFAULT CHARSET} are {@code character set}).
 */
public final class BopOption extends SqlCall {

  private static final SqlOperator OPERATOR = new NodeOperator("OPTION", SqlKind.OTHER,
      (pos, operands) -> new BopOption(pos, Operands.text(operands.get(0)), operands.get(1)));

  private final String name;
  private final @Nullable SqlNode value;

  public BopOption(SqlParserPos pos, String name, @Nullable SqlNode value) {
    super(pos);
    this.name = name;
    this.value = value;
  }

  public String name() {
    return name;
  }

  /** A literal, identifier or data type; null for options that are only a word, like {@code cycle}. */
  public @Nullable SqlNode value() {
    return value;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(Operands.text(name), value);
  }

  /** Unparses as {@code name = value}; sequence options are written without {@code =}. */
  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    unparse(writer, "=");
  }

  void unparse(SqlWriter writer, @Nullable String separator) {
    writer.keyword(name);
    if (value != null) {
      if (separator != null) {
        writer.keyword(separator);
      }
      if (value instanceof SqlNodeList list) {
        Unparsing.parenthesized(writer, list);
      } else {
        value.unparse(writer, 0, 0);
      }
    }
  }
}
