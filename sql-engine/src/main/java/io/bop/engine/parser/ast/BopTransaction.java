package io.bop.engine.parser.ast;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/**
 * Transaction control of both dialects: BEGIN / START TRANSACTION, COMMIT / END, ROLLBACK / ABORT,
 * savepoints, and SET [SESSION CHARACTERISTICS AS] TRANSACTION.
 */
public final class BopTransaction extends SqlCall {

  /** The statement; synonyms share a kind ({@code END} is COMMIT, {@code ABORT} is ROLLBACK). */
  public enum Kind {
    BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE_SAVEPOINT, ROLLBACK_TO_SAVEPOINT,
    /** Modes of the current transaction (PostgreSQL) or the next one (MySQL {@code SET TRANSACTION}). */
    SET_TRANSACTION,
    /** Session defaults: PostgreSQL {@code SET SESSION CHARACTERISTICS AS TRANSACTION}, MySQL
     *  {@code SET SESSION TRANSACTION}. */
    SET_SESSION_CHARACTERISTICS,
    /** Server defaults for new sessions: MySQL {@code SET GLOBAL TRANSACTION}. */
    SET_GLOBAL_TRANSACTION
  }

  /** A transaction mode of BEGIN or SET TRANSACTION. */
  public enum Mode {
    SERIALIZABLE("ISOLATION LEVEL SERIALIZABLE"),
    REPEATABLE_READ("ISOLATION LEVEL REPEATABLE READ"),
    READ_COMMITTED("ISOLATION LEVEL READ COMMITTED"),
    READ_UNCOMMITTED("ISOLATION LEVEL READ UNCOMMITTED"),
    READ_ONLY("READ ONLY"),
    READ_WRITE("READ WRITE"),
    DEFERRABLE("DEFERRABLE"),
    NOT_DEFERRABLE("NOT DEFERRABLE");

    /** The words as written in SQL. */
    public final String sql;

    Mode(String sql) {
      this.sql = sql;
    }

    public boolean isIsolationLevel() {
      return sql.startsWith("ISOLATION");
    }
  }

  private static final SqlOperator OPERATOR = new NodeOperator("TRANSACTION", SqlKind.OTHER,
      (pos, operands) -> new BopTransaction(pos, Operands.symbol(operands.get(0), Kind.class),
          (SqlNodeList) operands.get(1), (SqlIdentifier) operands.get(2), Operands.flag(operands.get(3))));

  private final Kind kind;
  private final SqlNodeList modes;
  private final @Nullable SqlIdentifier savepoint;
  private final boolean chain;

  /** Creates a statement; {@code modes} holds {@link Mode} symbols, see {@link #mode}. */
  public BopTransaction(SqlParserPos pos, Kind kind, SqlNodeList modes, @Nullable SqlIdentifier savepoint,
      boolean chain) {
    super(pos);
    this.kind = kind;
    this.modes = modes;
    this.savepoint = savepoint;
    this.chain = chain;
  }

  /** A mode as an element of the {@code modes} list. */
  public static SqlLiteral mode(Mode mode, SqlParserPos pos) {
    return SqlLiteral.createSymbol(mode, pos);
  }

  public Kind kind() {
    return kind;
  }

  /** Transaction modes in written order. */
  public List<Mode> modes() {
    return modes.stream().map(mode -> ((SqlLiteral) mode).symbolValue(Mode.class)).toList();
  }

  /** The isolation level among the modes, or null. */
  public @Nullable Mode isolationLevel() {
    return modes().stream().filter(Mode::isIsolationLevel).findFirst().orElse(null);
  }

  /** Savepoint name of SAVEPOINT, RELEASE_SAVEPOINT and ROLLBACK_TO_SAVEPOINT. */
  public @Nullable SqlIdentifier savepoint() {
    return savepoint;
  }

  /** {@code COMMIT AND CHAIN} / {@code ROLLBACK AND CHAIN}: a new transaction starts at once. */
  public boolean chain() {
    return chain;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(Operands.symbol(kind), modes, savepoint, Operands.flag(chain));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    switch (kind) {
    case SAVEPOINT:
    case RELEASE_SAVEPOINT:
    case ROLLBACK_TO_SAVEPOINT:
      writer.keyword(kind.name().replace('_', ' '));
      savepoint.unparse(writer, 0, 0);
      return;
    case SET_TRANSACTION:
      writer.keyword("SET TRANSACTION");
      break;
    case SET_SESSION_CHARACTERISTICS:
      writer.keyword("SET SESSION CHARACTERISTICS AS TRANSACTION");
      break;
    case SET_GLOBAL_TRANSACTION:
      writer.keyword("SET GLOBAL TRANSACTION");
      break;
    default:
      writer.keyword(kind.name());
    }
    final SqlWriter.Frame frame = writer.startList("", "");
    for (Mode mode : modes()) {
      writer.sep(",");
      writer.keyword(mode.sql);
    }
    writer.endList(frame);
    if (chain) {
      writer.keyword("AND CHAIN");
    }
  }
}
