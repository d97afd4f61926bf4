package io.bop.engine.parser.ast;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.util.Litmus;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;
import java.util.Objects;

/**
 * A PostgreSQL or MySQL type as written in a cast or a column definition; every type name parses to this.
 *
 * <p>The {@linkplain #name() name} is canonical only in its spelling, not resolved: lower case, words
 * joined by one space, {@code without time zone} dropped (it is the default) and {@code with time zone}
 * kept ({@code timestamp with time zone}); synonyms such as {@code int4}/{@code integer} or
 * {@code timestamptz} stay as written, mapping them is the translator's job. A quoted name keeps its
 * quotes, because in PostgreSQL quoting changes the type: {@code "char"} is the one-byte type while
 * {@code char} is {@code character(1)}. MySQL's cast targets {@code SIGNED [INTEGER]} and
 * {@code UNSIGNED [INTEGER]} are {@code integer}, the latter {@linkplain #unsigned() unsigned}.
 *
 * <p>Precision, length, scale and MySQL {@code enum}/{@code set} values are the
 * {@linkplain #arguments() arguments}; {@code int[]}, {@code int[3]} and {@code integer ARRAY} all count
 * one {@linkplain #arrayDimensions() array dimension}.
 */
public final class BopTypeNameSpec extends SqlTypeNameSpec {

  private static final String WITH_TIME_ZONE = " with time zone";

  private final @Nullable String schema;
  private final String name;
  private final List<SqlLiteral> arguments;
  private final int arrayDimensions;
  private final boolean unsigned;
  private final boolean zerofill;
  private final @Nullable String characterSet;
  private final @Nullable SqlIdentifier collation;

  public BopTypeNameSpec(@Nullable String schema, String name, List<SqlLiteral> arguments,
      int arrayDimensions, boolean unsigned, boolean zerofill, @Nullable String characterSet,
      @Nullable SqlIdentifier collation, SqlParserPos pos) {
    super(new SqlIdentifier(schema == null ? List.of(name) : List.of(schema, name), pos), pos);
    this.schema = schema;
    this.name = name;
    this.arguments = List.copyOf(arguments);
    this.arrayDimensions = arrayDimensions;
    this.unsigned = unsigned;
    this.zerofill = zerofill;
    this.characterSet = characterSet;
    this.collation = collation;
  }

  /** The same type with a column's {@code COLLATE} clause attached. */
  public BopTypeNameSpec withCollation(SqlIdentifier collation) {
    return new BopTypeNameSpec(schema, name, arguments, arrayDimensions, unsigned, zerofill,
        characterSet, collation, getParserPos());
  }

  /** Schema qualifier as written ({@code pg_catalog} in {@code pg_catalog.int4}), or null. */
  public @Nullable String schema() {
    return schema;
  }

  /** Canonical type name, e.g. {@code character varying}, {@code int4}, {@code "char"}. */
  public String name() {
    return name;
  }

  /** Length, precision and scale, or MySQL {@code enum}/{@code set} values; numeric or string literals. */
  public List<SqlLiteral> arguments() {
    return arguments;
  }

  /** Number of array dimensions; 0 for a scalar type. */
  public int arrayDimensions() {
    return arrayDimensions;
  }

  /** MySQL {@code UNSIGNED}. */
  public boolean unsigned() {
    return unsigned;
  }

  /** MySQL {@code ZEROFILL}. */
  public boolean zerofill() {
    return zerofill;
  }

  /** MySQL {@code CHARACTER SET x} / {@code CHARSET x}, or null. */
  public @Nullable String characterSet() {
    return characterSet;
  }

  /** {@code COLLATE x} of the column this type belongs to, or null. */
  public @Nullable SqlIdentifier collation() {
    return collation;
  }

  /** Types are resolved by the translator, which knows both dialects' type systems. */
  @Override
  public RelDataType deriveType(SqlValidator validator) {
    throw new UnsupportedOperationException("type '" + name + "' is resolved by the translator");
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    if (schema != null) {
      writer.identifier(schema, true);
      writer.setNeedWhitespace(false);
      writer.print(".");
      writer.setNeedWhitespace(false);
    }
    final boolean withTimeZone = name.endsWith(WITH_TIME_ZONE);
    final String baseName = withTimeZone ? name.substring(0, name.length() - WITH_TIME_ZONE.length()) : name;
    if (baseName.startsWith("\"")) {
      writer.identifier(baseName.substring(1, baseName.length() - 1), true);
    } else {
      writer.keyword(baseName);
    }
    if (!arguments.isEmpty()) {
      final SqlWriter.Frame frame = writer.startList("(", ")");
      for (SqlLiteral argument : arguments) {
        writer.sep(",");
        argument.unparse(writer, 0, 0);
      }
      writer.endList(frame);
    }
    if (withTimeZone) {
      writer.keyword(WITH_TIME_ZONE.trim());
    }
    for (int i = 0; i < arrayDimensions; i++) {
      writer.print("[]");
    }
    if (unsigned) {
      writer.keyword("UNSIGNED");
    }
    if (zerofill) {
      writer.keyword("ZEROFILL");
    }
    if (characterSet != null) {
      writer.keyword("CHARACTER SET");
      writer.identifier(characterSet, true);
    }
    if (collation != null) {
      writer.keyword("COLLATE");
      collation.unparse(writer, 0, 0);
    }
  }

  @Override
  public boolean equalsDeep(SqlTypeNameSpec spec, Litmus litmus) {
    if (!(spec instanceof BopTypeNameSpec)) {
      return litmus.fail("{} != {}", this, spec);
    }
    final BopTypeNameSpec that = (BopTypeNameSpec) spec;
    if (!Objects.equals(schema, that.schema) || !name.equals(that.name)
        || arrayDimensions != that.arrayDimensions || unsigned != that.unsigned
        || zerofill != that.zerofill || !Objects.equals(characterSet, that.characterSet)
        || !SqlNode.equalDeep(collation, that.collation, litmus)
        || !SqlNode.equalDeep(List.copyOf(arguments), List.copyOf(that.arguments), litmus)) {
      return litmus.fail("{} != {}", this, spec);
    }
    return litmus.succeed();
  }

  @Override
  public String toString() {
    return (schema == null ? "" : schema + ".") + name + (arguments.isEmpty() ? "" : arguments)
        + "[]".repeat(arrayDimensions);
  }
}
