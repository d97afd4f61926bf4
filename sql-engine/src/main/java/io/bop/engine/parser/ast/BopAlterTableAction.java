package io.bop.engine.parser.ast;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/** One action of ALTER TABLE; the kind says which of the fields are set. */
public final class BopAlterTableAction extends SqlCall {

  /** The action, with the fields it sets. */
  public enum Kind {
    /** {@code ADD [COLUMN] [IF NOT EXISTS] definition}: column, ifExists (meaning IF NOT EXISTS). */
    ADD_COLUMN,
    /** {@code ADD table_constraint}: constraint. */
    ADD_CONSTRAINT,
    /** {@code DROP [COLUMN] [IF EXISTS] name [CASCADE | RESTRICT]}: name, ifExists, behavior. */
    DROP_COLUMN,
    /** {@code DROP CONSTRAINT [IF EXISTS] name [CASCADE | RESTRICT]}: name, ifExists, behavior. */
    DROP_CONSTRAINT,
    /** {@code ALTER [COLUMN] name [SET DATA] TYPE type [USING expression]}: name, type, expression. */
    ALTER_COLUMN_TYPE,
    /** {@code ALTER [COLUMN] name SET DEFAULT expression}: name, expression. */
    SET_DEFAULT,
    /** {@code ALTER [COLUMN] name DROP DEFAULT}: name. */
    DROP_DEFAULT,
    /** {@code ALTER [COLUMN] name SET NOT NULL}: name. */
    SET_NOT_NULL,
    /** {@code ALTER [COLUMN] name DROP NOT NULL}: name. */
    DROP_NOT_NULL,
    /** {@code RENAME [COLUMN] name TO new_name}: name, newName. */
    RENAME_COLUMN,
    /** {@code RENAME CONSTRAINT name TO new_name}: name, newName. */
    RENAME_CONSTRAINT,
    /** {@code RENAME TO new_name}: newName. */
    RENAME_TABLE,
    /** MySQL's {@code MODIFY [COLUMN] definition}: column, the column's new definition. */
    MODIFY_COLUMN,
    /** MySQL's {@code CHANGE [COLUMN] name definition}: name, column (its new name and definition). */
    CHANGE_COLUMN,
    /** MySQL's {@code DROP {INDEX | KEY} name}: name. */
    DROP_INDEX,
    /** MySQL's {@code DROP PRIMARY KEY}. */
    DROP_PRIMARY_KEY,
    /** MySQL's {@code DROP FOREIGN KEY name}: name. */
    DROP_FOREIGN_KEY,
    /** MySQL's {@code DISABLE KEYS} (mysqldump writes it around its INSERTs). */
    DISABLE_KEYS,
    /** MySQL's {@code ENABLE KEYS}. */
    ENABLE_KEYS
  }

  private static final SqlOperator OPERATOR = new NodeOperator("ALTER TABLE ACTION", SqlKind.OTHER,
      (pos, operands) -> new BopAlterTableAction(pos, Operands.symbol(operands.get(0), Kind.class),
          (SqlIdentifier) operands.get(1), (SqlIdentifier) operands.get(2),
          (BopColumnDefinition) operands.get(3), (BopTableConstraint) operands.get(4),
          (SqlDataTypeSpec) operands.get(5), operands.get(6), Operands.flag(operands.get(7)),
          Operands.symbol(operands.get(8), DropBehavior.class)));

  private final Kind kind;
  private final @Nullable SqlIdentifier name;
  private final @Nullable SqlIdentifier newName;
  private final @Nullable BopColumnDefinition column;
  private final @Nullable BopTableConstraint constraint;
  private final @Nullable SqlDataTypeSpec type;
  private final @Nullable SqlNode expression;
  private final boolean ifExists;
  private final @Nullable DropBehavior behavior;

  public BopAlterTableAction(SqlParserPos pos, Kind kind, @Nullable SqlIdentifier name,
      @Nullable SqlIdentifier newName, @Nullable BopColumnDefinition column,
      @Nullable BopTableConstraint constraint, @Nullable SqlDataTypeSpec type, @Nullable SqlNode expression,
      boolean ifExists, @Nullable DropBehavior behavior) {
    super(pos);
    this.kind = kind;
    this.name = name;
    this.newName = newName;
    this.column = column;
    this.constraint = constraint;
    this.type = type;
    this.expression = expression;
    this.ifExists = ifExists;
    this.behavior = behavior;
  }

  /** An action on a named column or constraint that needs nothing else, e.g. DROP_DEFAULT. */
  public static BopAlterTableAction on(SqlParserPos pos, Kind kind, SqlIdentifier name) {
    return new BopAlterTableAction(pos, kind, name, null, null, null, null, null, false, null);
  }

  public Kind kind() {
    return kind;
  }

  /** The column or constraint acted on. */
  public @Nullable SqlIdentifier name() {
    return name;
  }

  /** The new name of a RENAME. */
  public @Nullable SqlIdentifier newName() {
    return newName;
  }

  /** The added column of ADD_COLUMN. */
  public @Nullable BopColumnDefinition column() {
    return column;
  }

  /** The added constraint (or MySQL index) of ADD_CONSTRAINT. */
  public @Nullable BopTableConstraint constraint() {
    return constraint;
  }

  /** The new type of ALTER_COLUMN_TYPE. */
  public @Nullable SqlDataTypeSpec type() {
    return type;
  }

  /** The default of SET_DEFAULT, or the USING conversion of ALTER_COLUMN_TYPE. */
  public @Nullable SqlNode expression() {
    return expression;
  }

  /** IF EXISTS of the DROP kinds; IF NOT EXISTS of ADD_COLUMN. */
  public boolean ifExists() {
    return ifExists;
  }

  public @Nullable DropBehavior behavior() {
    return behavior;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(Operands.symbol(kind), name, newName, column, constraint, type,
        expression, Operands.flag(ifExists), Operands.symbol(behavior));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    switch (kind) {
    case ADD_COLUMN:
      writer.keyword(ifExists ? "ADD COLUMN IF NOT EXISTS" : "ADD COLUMN");
      column.unparse(writer, 0, 0);
      break;
    case ADD_CONSTRAINT:
      writer.keyword("ADD");
      constraint.unparse(writer, 0, 0);
      break;
    case DROP_COLUMN:
    case DROP_CONSTRAINT:
      writer.keyword(kind == Kind.DROP_COLUMN ? "DROP COLUMN" : "DROP CONSTRAINT");
      if (ifExists) {
        writer.keyword("IF EXISTS");
      }
      name.unparse(writer, 0, 0);
      if (behavior != null) {
        writer.keyword(behavior.name());
      }
      break;
    case RENAME_COLUMN:
    case RENAME_CONSTRAINT:
      writer.keyword(kind == Kind.RENAME_COLUMN ? "RENAME COLUMN" : "RENAME CONSTRAINT");
      name.unparse(writer, 0, 0);
      writer.keyword("TO");
      newName.unparse(writer, 0, 0);
      break;
    case RENAME_TABLE:
      writer.keyword("RENAME TO");
      newName.unparse(writer, 0, 0);
      break;
    case MODIFY_COLUMN:
      writer.keyword("MODIFY COLUMN");
      column.unparse(writer, 0, 0);
      break;
    case CHANGE_COLUMN:
      writer.keyword("CHANGE COLUMN");
      name.unparse(writer, 0, 0);
      column.unparse(writer, 0, 0);
      break;
    case DROP_INDEX:
    case DROP_FOREIGN_KEY:
      writer.keyword(kind == Kind.DROP_INDEX ? "DROP INDEX" : "DROP FOREIGN KEY");
      name.unparse(writer, 0, 0);
      break;
    case DROP_PRIMARY_KEY:
    case DISABLE_KEYS:
    case ENABLE_KEYS:
      writer.keyword(kind.name().replace('_', ' '));
      break;
    default:
      writer.keyword("ALTER COLUMN");
      name.unparse(writer, 0, 0);
      unparseColumnChange(writer);
    }
  }

  private void unparseColumnChange(SqlWriter writer) {
    switch (kind) {
    case ALTER_COLUMN_TYPE:
      writer.keyword("TYPE");
      type.unparse(writer, 0, 0);
      if (expression != null) {
        writer.keyword("USING");
        expression.unparse(writer, 0, 0);
      }
      break;
    case SET_DEFAULT:
      writer.keyword("SET DEFAULT");
      expression.unparse(writer, 0, 0);
      break;
    default:
      writer.keyword(kind.name().replace('_', ' '));
    }
  }
}
