package io.bop.engine.parser;

import io.bop.engine.parser.ast.BopDelete;
import io.bop.engine.parser.ast.BopInsert;
import io.bop.engine.parser.ast.BopOnConflict;
import io.bop.engine.parser.ast.BopUpdate;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;

import static io.bop.engine.parser.Parsing.parse;
import static org.assertj.core.api.Assertions.assertThat;

/** INSERT, UPDATE and DELETE with PostgreSQL's and MySQL's extensions. */
class DmlParserTest {

  @Test
  void insertValues() {
    final BopInsert insert = parse("INSERT INTO app.users (id, name) VALUES (1, 'a'), (2, DEFAULT)",
        BopInsert.class);

    assertThat(insert.verb()).isEqualTo(BopInsert.Verb.INSERT);
    assertThat(insert.table().names).containsExactly("app", "users");
    assertThat(insert.getTargetColumnList()).map(SqlNode::toString).containsExactly("id", "name");
    assertThat(insert.getSource().getKind()).isEqualTo(SqlKind.VALUES);
    assertThat(((SqlCall) insert.getSource()).operandCount()).isEqualTo(2);
    assertThat(insert.isDefaultValues()).isFalse();
    assertThat(insert.onConflict()).isNull();
    assertThat(insert.returning()).isNull();
  }

  @Test
  void insertSelectAndDefaultValues() {
    assertThat(parse("INSERT INTO t SELECT * FROM u", BopInsert.class).getSource()).isInstanceOf(SqlSelect.class);
    assertThat(parse("INSERT INTO t (a) (SELECT 1)", BopInsert.class).getTargetColumnList()).hasSize(1);

    final BopInsert defaults = parse("INSERT INTO t DEFAULT VALUES", BopInsert.class);
    assertThat(defaults.isDefaultValues()).isTrue();
    assertThat(defaults.getTargetColumnList()).isNull();
  }

  @Test
  void insertOnConflictDoUpdate() {
    final BopInsert insert = parse("INSERT INTO users AS u (id, name) VALUES ($1, $2)"
        + " ON CONFLICT (id) WHERE active DO UPDATE SET name = excluded.name, n = u.n + 1"
        + " WHERE u.name <> excluded.name RETURNING id, name AS n, *", BopInsert.class);

    assertThat(insert.alias()).hasToString("u");
    final BopOnConflict conflict = insert.onConflict();
    assertThat(conflict.targetColumns()).map(SqlNode::toString).containsExactly("id");
    assertThat(conflict.targetWhere()).hasToString("active");
    assertThat(conflict.targetConstraint()).isNull();
    assertThat(conflict.action()).isEqualTo(BopOnConflict.Action.DO_UPDATE);
    assertThat(conflict.updateColumns()).map(SqlNode::toString).containsExactly("name", "n");
    assertThat(conflict.updateValues().get(0)).hasToString("excluded.name");
    assertThat(conflict.updateWhere().getKind()).isEqualTo(SqlKind.NOT_EQUALS);
    assertThat(insert.returning()).hasSize(3);
    assertThat(insert.returning().get(1).getKind()).isEqualTo(SqlKind.AS);
  }

  @Test
  void insertOnConflictDoNothing() {
    final BopOnConflict anyConflict = parse("INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING", BopInsert.class)
        .onConflict();
    assertThat(anyConflict.targetColumns()).isNull();
    assertThat(anyConflict.action()).isEqualTo(BopOnConflict.Action.DO_NOTHING);

    final BopOnConflict byConstraint = parse(
        "INSERT INTO t VALUES (1) ON CONFLICT ON CONSTRAINT t_pkey DO NOTHING", BopInsert.class).onConflict();
    assertThat(byConstraint.targetConstraint()).hasToString("t_pkey");

    final BopOnConflict byExpression = parse(
        "INSERT INTO t VALUES (1) ON CONFLICT (lower(email), id) DO NOTHING", BopInsert.class).onConflict();
    assertThat(byExpression.targetColumns().get(0).getKind()).isEqualTo(SqlKind.OTHER_FUNCTION);
  }

  @Test
  void updateWithFromAndReturning() {
    final BopUpdate update = parse("UPDATE users AS u SET name = 'x', score = DEFAULT FROM teams t"
        + " WHERE u.team = t.id RETURNING u.id", BopUpdate.class);

    assertThat(update.table()).hasToString("users");
    assertThat(update.getAlias()).hasToString("u");
    assertThat(update.getTargetColumnList()).map(SqlNode::toString).containsExactly("name", "score");
    assertThat(update.getSourceExpressionList().get(1).getKind()).isEqualTo(SqlKind.DEFAULT);
    assertThat(update.from().getKind()).isEqualTo(SqlKind.AS);
    assertThat(update.getCondition().getKind()).isEqualTo(SqlKind.EQUALS);
    assertThat(update.returning()).hasSize(1);
  }

  @Test
  void rowAssignmentIsSplitUnlessItsValueIsASubQuery() {
    final BopUpdate row = parse("UPDATE t SET (a, b) = (1, 2), c = 3", BopUpdate.class);
    assertThat(row.getTargetColumnList()).map(SqlNode::toString).containsExactly("a", "b", "c");
    assertThat(row.getSourceExpressionList()).map(SqlNode::toString).containsExactly("1", "2", "3");

    final BopUpdate subQuery = parse("UPDATE t SET (a, b) = (SELECT x, y FROM u)", BopUpdate.class);
    assertThat(subQuery.getTargetColumnList().get(0)).isInstanceOf(SqlNodeList.class);
    assertThat(subQuery.getSourceExpressionList().get(0)).isInstanceOf(SqlSelect.class);
  }

  @Test
  void deleteWithUsingAndReturning() {
    final BopDelete delete = parse("DELETE FROM users u USING teams t WHERE u.team = t.id RETURNING *",
        BopDelete.class);

    assertThat(delete.table()).hasToString("users");
    assertThat(delete.getAlias()).hasToString("u");
    assertThat(delete.using().getKind()).isEqualTo(SqlKind.AS);
    assertThat(delete.getCondition()).isNotNull();
    assertThat(delete.returning()).map(SqlNode::toString).containsExactly("*");
  }

  @Test
  void mysqlInsertVariants() {
    assertThat(((BopInsert) parse("INSERT IGNORE INTO t VALUES (1)", Dialect.MYSQL)).verb())
        .isEqualTo(BopInsert.Verb.INSERT_IGNORE);
    assertThat(((BopInsert) parse("REPLACE INTO t (a) VALUES (1)", Dialect.MYSQL)).verb())
        .isEqualTo(BopInsert.Verb.REPLACE);

    final BopInsert upsert = (BopInsert) parse("INSERT INTO t (a, b) VALUES (1, 2) AS new"
        + " ON DUPLICATE KEY UPDATE a = VALUES(a), b = new.b", Dialect.MYSQL);
    assertThat(upsert.rowAlias()).hasToString("new");
    final BopOnConflict conflict = upsert.onConflict();
    assertThat(conflict.targetColumns()).isNull();
    assertThat(conflict.action()).isEqualTo(BopOnConflict.Action.DO_UPDATE);
    assertThat(conflict.updateColumns()).map(SqlNode::toString).containsExactly("a", "b");
    assertThat(((SqlCall) conflict.updateValues().get(0)).getOperator().getName()).isEqualToIgnoringCase("values");
    assertThat(conflict.updateValues().get(1)).hasToString("new.b");
  }
}
