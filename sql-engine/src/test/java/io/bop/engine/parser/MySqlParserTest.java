package io.bop.engine.parser;

import io.bop.engine.parser.ast.BopColumnConstraint;
import io.bop.engine.parser.ast.BopColumnDefinition;
import io.bop.engine.parser.ast.BopCreateTable;
import io.bop.engine.parser.ast.BopOption;
import io.bop.engine.parser.ast.BopSessionStatement;
import io.bop.engine.parser.ast.BopTableConstraint;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.junit.jupiter.api.Test;

import static io.bop.engine.parser.ast.BopColumnConstraint.Kind.AUTO_INCREMENT;
import static io.bop.engine.parser.ast.BopColumnConstraint.Kind.COMMENT;
import static io.bop.engine.parser.ast.BopColumnConstraint.Kind.DEFAULT;
import static io.bop.engine.parser.ast.BopColumnConstraint.Kind.NOT_NULL;
import static io.bop.engine.parser.ast.BopColumnConstraint.Kind.ON_UPDATE;
import static io.bop.engine.parser.Parsing.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The MySQL dialect: backticks, case kept, ? parameters, LIMIT offset, count and MySQL DDL. */
class MySqlParserTest {

  @Test
  void backticksAndIdentifierCase() {
    final SqlSelect select = (SqlSelect) parse("SELECT `Order`.`Id`, Name FROM `Order`", Dialect.MYSQL);

    assertThat(((SqlIdentifier) select.getSelectList().get(0)).names).containsExactly("Order", "Id");
    assertThat(select.getSelectList().get(1)).hasToString("Name");
    assertThat(select.getFrom()).hasToString("Order");
  }

  @Test
  void limitOffsetCount() {
    final SqlOrderBy query = (SqlOrderBy) parse("SELECT * FROM t WHERE a = ? LIMIT 5, 10", Dialect.MYSQL);

    assertThat(query.offset).hasToString("5");
    assertThat(query.fetch).hasToString("10");
    final SqlCall where = (SqlCall) ((SqlSelect) query.query).getWhere();
    assertThat(((SqlDynamicParam) where.operand(1)).getIndex()).isZero();
  }

  @Test
  void limitOffsetCountIsNotPostgresql() {
    assertThatThrownBy(() -> BopParser.parse("SELECT * FROM t LIMIT 5, 10", Dialect.POSTGRESQL))
        .isInstanceOf(SqlParseException.class);
  }

  @Test
  void createTableWithMysqlAttributesAndOptions() {
    final BopCreateTable table = (BopCreateTable) parse("CREATE TABLE `users` ("
        + " `id` int(11) unsigned NOT NULL AUTO_INCREMENT,"
        + " `name` varchar(255) DEFAULT NULL COMMENT 'full name',"
        + " `updated` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),"
        + " PRIMARY KEY (`id`), UNIQUE KEY `uk_name` (`name`), KEY `idx_updated` (`updated`)"
        + ") ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='people'",
        Dialect.MYSQL);

    final BopColumnDefinition id = (BopColumnDefinition) table.columns().get(0);
    assertThat(id.typeName().unsigned()).isTrue();
    assertThat(id.constraint(AUTO_INCREMENT)).isPresent();
    assertThat(id.constraint(NOT_NULL)).isPresent();

    final BopColumnDefinition name = (BopColumnDefinition) table.columns().get(1);
    assertThat(name.constraint(COMMENT).orElseThrow().expression()).hasToString("'full name'");

    final BopColumnDefinition updated = (BopColumnDefinition) table.columns().get(2);
    assertThat(updated.constraint(DEFAULT).map(BopColumnConstraint::expression)).isPresent();
    assertThat(updated.constraint(ON_UPDATE).orElseThrow().expression()).hasToString("CURRENT_TIMESTAMP(6)");

    assertThat(table.constraints()).map(constraint -> ((BopTableConstraint) constraint).kind())
        .containsExactly(BopTableConstraint.Kind.PRIMARY_KEY, BopTableConstraint.Kind.UNIQUE,
            BopTableConstraint.Kind.INDEX);
    assertThat(((BopTableConstraint) table.constraints().get(1)).name()).hasToString("uk_name");
    assertThat(((BopTableConstraint) table.constraints().get(2)).name()).hasToString("idx_updated");

    assertThat(table.tableOptions()).map(option -> ((BopOption) option).name())
        .containsExactly("engine", "auto_increment", "character set", "collate", "comment");
    assertThat(table.tableOptions()).map(option -> ((BopOption) option).value()).map(SqlNode::toString)
        .containsExactly("InnoDB", "5", "utf8mb4", "utf8mb4_bin", "'people'");
  }

  @Test
  void columnsNamedKeyOrIndexAreColumns() {
    final BopCreateTable table = (BopCreateTable) parse(
        "CREATE TABLE kv (key varchar(64), index int, KEY (key))", Dialect.MYSQL);

    assertThat(table.columns()).hasSize(2);
    assertThat(table.constraints()).hasSize(1);
  }

  @Test
  void mysqlSessionStatements() {
    final BopSessionStatement set = (BopSessionStatement) parse("SET autocommit = 1", Dialect.MYSQL);
    assertThat(set.name()).hasToString("autocommit");
    assertThat(set.values()).map(SqlNode::toString).containsExactly("1");

    final BopSessionStatement names = (BopSessionStatement) parse(
        "SET NAMES utf8mb4 COLLATE utf8mb4_general_ci", Dialect.MYSQL);
    assertThat(names.name()).hasToString("names");
    assertThat(names.values()).hasSize(1);
  }
}
