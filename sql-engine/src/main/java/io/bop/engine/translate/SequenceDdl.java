package io.bop.engine.translate;

import io.bop.engine.catalog.CatalogLoader;
import io.bop.engine.catalog.Metadata;
import io.bop.engine.catalog.Sequence;
import io.bop.engine.catalog.SequenceValues;
import io.bop.engine.catalog.Table;
import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.exec.DdlPlan;
import io.bop.engine.exec.Plan;
import io.bop.engine.parser.ast.BopAlterSequence;
import io.bop.engine.parser.ast.BopCreateSequence;
import io.bop.engine.parser.ast.BopOption;
import io.bop.engine.types.SqlType;
import io.bop.engine.types.TypeKind;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * CREATE, ALTER and DROP SEQUENCE. A CREATE SEQUENCE sequence is a row of {@code _bop_sequences}; the sequence
 * of a serial or identity column can only be restarted, as it is the column's AUTOINCREMENT counter.
 */
final class SequenceDdl {
  private final Rewriter r;

  SequenceDdl(Rewriter r) {
    this.r = r;
  }

  Plan create(BopCreateSequence create) throws SqlError {
    if (create.temporary()) {
      throw Expressions.unsupported("CREATE TEMPORARY SEQUENCE");
    }
    String name = Ddl.checkedName(create.name());
    Sequence q = options(create.options()).applyTo(name, null);
    boolean ifNotExists = create.ifNotExists();
    return new DdlPlan("CREATE SEQUENCE", steps -> {
      if (relationExists(steps, name)) {
        if (ifNotExists) {
          steps.notice("relation \"" + name + "\" already exists, skipping");
          return;
        }
        throw new SqlError(Condition.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
      }
      Metadata.putSequence(steps.connection(), q);
    });
  }

  Plan alter(BopAlterSequence alter) throws SqlError {
    String name = Ddl.checkedName(alter.name());
    Options options = options(alter.options());
    String newName = alter.newName() == null ? null : Ddl.checkedName(alter.newName());
    Optional<Sequence> serial = r.catalog.sequence(name).filter(q -> q.kind() != Sequence.Kind.STANDALONE);
    if (serial.isPresent() && (newName != null || alter.options().size() != 1 || options.restart == null)) {
      throw Expressions.unsupported("ALTER SEQUENCE on the sequence of a serial or identity column, but for RESTART");
    }
    return new DdlPlan("ALTER SEQUENCE", steps -> {
      Optional<Sequence> found = CatalogLoader.sequence(steps.connection(), name).or(() -> serial);
      if (found.isEmpty()) {
        if (alter.ifExists()) {
          steps.notice("relation \"" + name + "\" does not exist, skipping");
          return;
        }
        throw new SqlError(Condition.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist");
      }
      Sequence q = found.get();
      if (newName != null) {
        if (relationExists(steps, newName)) {
          throw new SqlError(Condition.DUPLICATE_TABLE, "relation \"" + newName + "\" already exists");
        }
        Metadata.renameSequence(steps.connection(), q.name(), newName);
        return;
      }
      Sequence changed = q.kind() == Sequence.Kind.STANDALONE ? options.applyTo(q.name(), q) : q;
      if (q.kind() == Sequence.Kind.STANDALONE) {
        Metadata.putSequence(steps.connection(), changed);
      }
      if (options.restart != null) {
        long value = options.restart.orElse(changed.start());
        check(value >= changed.minimum(), "RESTART value (" + value + ") cannot be less than MINVALUE ("
            + changed.minimum() + ")");
        check(value <= changed.maximum(), "RESTART value (" + value + ") cannot be greater than MAXVALUE ("
            + changed.maximum() + ")");
        SequenceValues.write(steps.connection(), changed, SequenceValues.Value.set(value, false));
      }
    });
  }

  /** DROP SEQUENCE: the sequences of serial and identity columns go only with their columns. */
  Plan drop(List<String> names, boolean ifExists) {
    return new DdlPlan("DROP SEQUENCE", steps -> {
      for (String name : names) {
        Optional<Sequence> serial = r.catalog.sequence(name).filter(q -> q.kind() != Sequence.Kind.STANDALONE);
        if (serial.isPresent()) {
          Sequence q = serial.get();
          throw new SqlError(Condition.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop sequence " + q.name()
              + " because column " + q.ownerColumn() + " of table " + q.ownerTable() + " requires it", null,
              "You can drop column " + q.ownerColumn() + " of table " + q.ownerTable() + " instead.", 0, null);
        }
        if (CatalogLoader.sequence(steps.connection(), name).isEmpty()) {
          if (ifExists) {
            steps.notice("sequence \"" + name + "\" does not exist, skipping");
            continue;
          }
          throw new SqlError(Condition.UNDEFINED_TABLE, "sequence \"" + name + "\" does not exist");
        }
        Metadata.dropSequence(steps.connection(), name);
      }
    });
  }

  private boolean relationExists(DdlPlan.Steps steps, String name) throws SQLException {
    return steps.exists("table", name) || steps.exists("view", name) || steps.exists("index", name)
        || CatalogLoader.sequence(steps.connection(), name).isPresent() || r.catalog.sequence(name).isPresent();
  }

  private static void check(boolean condition, String message) throws SqlError {
    if (!condition) {
      throw new SqlError(Condition.INVALID_PARAMETER_VALUE, message);
    }
  }

  /** The options of CREATE or ALTER SEQUENCE, as written; null where not given. */
  private static final class Options {
    SqlType type;
    Long increment;
    Long minimum;
    Long maximum;
    Long start;
    Long cache;
    Boolean cycle;
    boolean noMinimum;
    boolean noMaximum;
    /** OWNED BY: absent if not given, else the table and column, or nulls for NONE. */
    Optional<String[]> owner = Optional.empty();
    /** RESTART: null if not given, else the value or empty for the start value. */
    Optional<Long> restart;

    /** The sequence these options make of {@code base} (null for a new one), as PostgreSQL applies them. */
    Sequence applyTo(String name, Sequence base) throws SqlError {
      SqlType t = type != null ? type : base != null ? base.type() : SqlType.BIGINT;
      long inc = increment != null ? increment : base != null ? base.increment() : 1;
      check(inc != 0, "INCREMENT must not be zero");
      boolean retyped = base != null && type != null && !type.equals(base.type());
      long min = minimum != null ? minimum : base == null || noMinimum
          || retyped && base.minimum() == Sequence.minimum(base.type()) ? (inc > 0 ? 1 : Sequence.minimum(t))
          : base.minimum();
      long max = maximum != null ? maximum : base == null || noMaximum
          || retyped && base.maximum() == Sequence.maximum(base.type()) ? (inc > 0 ? Sequence.maximum(t) : -1)
          : base.maximum();
      check(min >= Sequence.minimum(t), "MINVALUE (" + min + ") is out of range for sequence data type "
          + t.declaration());
      check(max <= Sequence.maximum(t), "MAXVALUE (" + max + ") is out of range for sequence data type "
          + t.declaration());
      check(min < max, "MINVALUE (" + min + ") must be less than MAXVALUE (" + max + ")");
      long first = start != null ? start : base != null ? base.start() : inc > 0 ? min : max;
      check(first >= min, "START value (" + first + ") cannot be less than MINVALUE (" + min + ")");
      check(first <= max, "START value (" + first + ") cannot be greater than MAXVALUE (" + max + ")");
      long c = cache != null ? cache : base != null ? base.cache() : 1;
      check(c > 0, "CACHE (" + c + ") must be greater than zero");
      String[] owned = owner.orElse(base == null ? new String[2] : new String[] {base.ownerTable(), base.ownerColumn()});
      return new Sequence(name, t, first, inc, min, max, c, cycle != null ? cycle : base != null && base.cycle(),
          owned[0], owned[1], Sequence.Kind.STANDALONE);
    }
  }

  private Options options(SqlNodeList list) throws SqlError {
    Options o = new Options();
    for (SqlNode node : list) {
      BopOption option = (BopOption) node;
      SqlNode value = option.value();
      switch (option.name()) {
        case "as" -> {
          o.type = Expressions.type((SqlDataTypeSpec) value);
          if (!List.of(TypeKind.SMALLINT, TypeKind.INTEGER, TypeKind.BIGINT).contains(o.type.kind())) {
            throw new SqlError(Condition.INVALID_PARAMETER_VALUE, "sequence type must be smallint, integer, or bigint");
          }
        }
        case "increment" -> o.increment = number(value);
        case "minvalue" -> o.minimum = number(value);
        case "maxvalue" -> o.maximum = number(value);
        case "no minvalue" -> o.noMinimum = true;
        case "no maxvalue" -> o.noMaximum = true;
        case "start" -> o.start = number(value);
        case "cache" -> o.cache = number(value);
        case "cycle" -> o.cycle = true;
        case "no cycle" -> o.cycle = false;
        case "restart" -> o.restart = value == null ? Optional.empty() : Optional.of(number(value));
        case "owned by" -> o.owner = Optional.of(value == null ? new String[2] : owner((SqlIdentifier) value));
        default -> throw Expressions.unsupported("the sequence option " + option.name().toUpperCase(java.util.Locale.ROOT));
      }
    }
    return o;
  }

  private static long number(SqlNode value) throws SqlError {
    try {
      return ((SqlLiteral) value).getValueAs(java.math.BigDecimal.class).longValueExact();
    } catch (ArithmeticException e) {
      throw new SqlError(Condition.NUMERIC_VALUE_OUT_OF_RANGE, "value \"" + value + "\" is out of range for type bigint");
    }
  }

  /** OWNED BY table.column: the column must exist. */
  private String[] owner(SqlIdentifier id) throws SqlError {
    if (id.names.size() < 2) {
      throw new SqlError(Condition.SYNTAX_ERROR, "invalid OWNED BY option", null,
          "Specify OWNED BY table.column or OWNED BY NONE.", 0, null);
    }
    String tableName = id.names.get(id.names.size() - 2);
    String columnName = id.names.get(id.names.size() - 1);
    Table table = r.catalog.table(tableName).orElseThrow(() -> new SqlError(Condition.UNDEFINED_TABLE,
        "relation \"" + tableName + "\" does not exist"));
    return new String[] {table.name(), table.column(columnName).orElseThrow(() -> new SqlError(
        Condition.UNDEFINED_COLUMN, "column \"" + columnName + "\" of relation \"" + tableName + "\" does not exist"))
        .name()};
  }
}
