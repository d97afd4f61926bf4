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
import java.util.Locale;

/**
 * A MySQL variable: a user variable {@code @name} or a system variable {@code @@[global. | session.]name}. As an
 * expression it is the variable's value, named in a select list as written; as the target of
 * {@link BopSetVariables} it is what is assigned.
 */
public final class BopVariable extends SqlCall {

  /** User variables belong to the session and hold any value; system variables are the server's settings. */
  public enum Kind { USER, SYSTEM }

  private static final SqlOperator OPERATOR = new NodeOperator("VARIABLE", SqlKind.OTHER,
      (pos, operands) -> new BopVariable(pos, Operands.symbol(operands.get(0), Kind.class),
          Operands.symbol(operands.get(1), BopSessionStatement.Scope.class), Operands.text(operands.get(2))));

  private final Kind kind;
  private final BopSessionStatement.@Nullable Scope scope;
  private final String name;

  public BopVariable(SqlParserPos pos, Kind kind, BopSessionStatement.@Nullable Scope scope, String name) {
    super(pos);
    this.kind = kind;
    this.scope = scope;
    this.name = name;
  }

  /**
   * Reads a variable token: {@code @name}, {@code @'name'}, {@code @`name`}, {@code @@name},
   * {@code @@global.name}, {@code @@session.name} or {@code @@local.name}.
   */
  public static BopVariable of(String image, SqlParserPos pos) {
    if (!image.startsWith("@@")) {
      String name = image.substring(1);
      boolean quoted = name.length() >= 2 && "'\"`".indexOf(name.charAt(0)) >= 0;
      return new BopVariable(pos, Kind.USER, null, quoted ? unquote(name) : name);
    }
    String name = image.substring(2);
    int dot = name.indexOf('.');
    if (dot > 0) {
      String prefix = name.substring(0, dot).toUpperCase(Locale.ROOT);
      BopSessionStatement.Scope scope = switch (prefix) {
        case "GLOBAL" -> BopSessionStatement.Scope.GLOBAL;
        case "SESSION", "LOCAL" -> BopSessionStatement.Scope.SESSION;
        default -> null;
      };
      if (scope != null) {
        return new BopVariable(pos, Kind.SYSTEM, scope, name.substring(dot + 1));
      }
    }
    return new BopVariable(pos, Kind.SYSTEM, null, name);
  }

  private static String unquote(String quoted) {
    char quote = quoted.charAt(0);
    String inner = quoted.substring(1, quoted.length() - 1);
    return inner.replace(String.valueOf(quote) + quote, String.valueOf(quote));
  }

  public Kind kind() {
    return kind;
  }

  /** GLOBAL or SESSION ({@code @@local.x} is SESSION) when written, else null. */
  public BopSessionStatement.@Nullable Scope scope() {
    return scope;
  }

  /** The name as written, without {@code @}, scope or quotes. */
  public String name() {
    return name;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(Operands.symbol(kind), Operands.symbol(scope), Operands.text(name));
  }

  /** {@code @name}, {@code @@name} or {@code @@scope.name}: the column name MySQL gives the variable's value. */
  @Override
  public String toString() {
    if (kind == Kind.USER) {
      return "@" + (name.matches("[A-Za-z0-9_.$]+") ? name : "`" + name.replace("`", "``") + "`");
    }
    return "@@" + (scope == null ? "" : scope.name().toLowerCase(Locale.ROOT) + ".") + name;
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.print(toString());
    writer.print(" ");
  }
}
