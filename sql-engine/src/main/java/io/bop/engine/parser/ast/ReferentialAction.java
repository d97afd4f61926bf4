package io.bop.engine.parser.ast;

/** What a foreign key does when the referenced row is deleted or updated. */
public enum ReferentialAction {
  CASCADE("CASCADE"), SET_NULL("SET NULL"), SET_DEFAULT("SET DEFAULT"), RESTRICT("RESTRICT"), NO_ACTION("NO ACTION");

  /** The words as written in SQL. */
  public final String sql;

  ReferentialAction(String sql) {
    this.sql = sql;
  }
}
