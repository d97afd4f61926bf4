package io.bop.engine.parser.ast;

import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code DROP {TABLE | VIEW | INDEX | SEQUENCE | DATABASE} [CONCURRENTLY] [IF EXISTS] name, ...
 * [CASCADE | RESTRICT]}, and MySQL's {@code DROP INDEX name ON table} and {@code DROP SCHEMA name} (a database).
 */
public final class BopDrop extends SqlDrop {

  /** What is dropped. */
  public enum ObjectType {
    TABLE(SqlKind.DROP_TABLE), VIEW(SqlKind.DROP_VIEW), INDEX(SqlKind.DROP_INDEX), SEQUENCE(SqlKind.DROP_SEQUENCE),
    DATABASE(SqlKind.DROP_SCHEMA),
    /** A database in MySQL, a namespace in PostgreSQL. */
    SCHEMA(SqlKind.DROP_SCHEMA);

    final SqlKind kind;

    ObjectType(SqlKind kind) {
      this.kind = kind;
    }
  }

  private static final Map<ObjectType, SqlOperator> OPERATORS = new EnumMap<>(ObjectType.class);

  static {
    for (ObjectType type : ObjectType.values()) {
      OPERATORS.put(type, new NodeOperator("DROP " + type, type.kind,
          (pos, operands) -> new BopDrop(pos, type, Operands.flag(operands.get(1)),
              Operands.flag(operands.get(2)), (SqlNodeList) operands.get(0),
              (SqlIdentifier) operands.get(3), Operands.symbol(operands.get(4), DropBehavior.class))));
    }
  }

  private final ObjectType objectType;
  private final boolean concurrently;
  private final SqlNodeList names;
  private final @Nullable SqlIdentifier table;
  private final @Nullable DropBehavior behavior;

  public BopDrop(SqlParserPos pos, ObjectType objectType, boolean concurrently, boolean ifExists,
      SqlNodeList names, @Nullable SqlIdentifier table, @Nullable DropBehavior behavior) {
    super(OPERATORS.get(objectType), pos, ifExists);
    this.objectType = objectType;
    this.concurrently = concurrently;
    this.names = names;
    this.table = table;
    this.behavior = behavior;
  }

  public ObjectType objectType() {
    return objectType;
  }

  /** PostgreSQL {@code DROP INDEX CONCURRENTLY}. */
  public boolean concurrently() {
    return concurrently;
  }

  public boolean ifExists() {
    return ifExists;
  }

  /** The dropped objects' names. */
  public SqlNodeList names() {
    return names;
  }

  /** The table of MySQL {@code DROP INDEX name ON table}, or null. */
  public @Nullable SqlIdentifier table() {
    return table;
  }

  /** {@code CASCADE} or {@code RESTRICT}, or null if not written. */
  public @Nullable DropBehavior behavior() {
    return behavior;
  }

  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(names, Operands.flag(concurrently), Operands.flag(ifExists), table,
        Operands.symbol(behavior));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DROP " + objectType);
    if (concurrently) {
      writer.keyword("CONCURRENTLY");
    }
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    Unparsing.commaList(writer, names);
    if (table != null) {
      writer.keyword("ON");
      table.unparse(writer, 0, 0);
    }
    if (behavior != null) {
      writer.keyword(behavior.name());
    }
  }
}
