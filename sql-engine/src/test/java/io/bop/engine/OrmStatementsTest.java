package io.bop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bop.engine.errors.SqlError;
import io.bop.engine.parser.Dialect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Statements Hibernate and SQLAlchemy send that clients typing SQL rarely do. */
class OrmStatementsTest extends EngineFixture {
  private Session mysql() throws SqlError {
    return engine.connect(Dialect.MYSQL, "bop", "bop", Map.of());
  }

  @Test
  void lockingClausesRunOnTheWriter() throws SqlError {
    Session pg = session();
    run(pg, "CREATE TABLE ids (name text PRIMARY KEY, next_val bigint)");
    run(pg, "INSERT INTO ids VALUES ('book', 1)");
    for (String locking : List.of("FOR UPDATE", "FOR NO KEY UPDATE OF ids", "FOR SHARE", "FOR KEY SHARE")) {
      assertThat(value(pg, "SELECT next_val FROM ids WHERE name = 'book' " + locking)).isEqualTo(1L);
    }
    Session my = mysql();
    run(my, "BEGIN");
    assertThat(value(my, "select tbl.next_val from ids tbl where tbl.name = ? for update", "book")).isEqualTo(1L);
    assertThat(my.transactionState()).isEqualTo(TransactionState.ACTIVE);
    run(my, "update ids set next_val = 21 where name = 'book'");
    run(my, "COMMIT");
    assertThat(value(my, "SELECT next_val FROM ids FOR SHARE")).isEqualTo(21L);
    assertThatThrownBy(() -> run(pg, "SELECT * FROM ids FOR UPDATE NOWAIT")).isInstanceOf(SqlError.class);
  }

  @Test
  void mysqlTableOptionsInAlterTable() throws SqlError {
    Session my = mysql();
    run(my, "create table author (id bigint not null auto_increment, name varchar(100), primary key (id))"
        + " engine=InnoDB");
    run(my, "INSERT INTO author (name) VALUES ('a')");
    run(my, "ALTER TABLE author AUTO_INCREMENT = 1000, COMMENT = 'people', ENGINE = InnoDB");
    run(my, "INSERT INTO author (name) VALUES ('b')");
    assertThat(value(my, "SELECT LAST_INSERT_ID()")).isEqualTo(1000L);
    assertThat((String) run(my, "SHOW CREATE TABLE author").get(0).get(1))
        .endsWith(" AUTO_INCREMENT=1001 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='people'");
    assertThatThrownBy(() -> run(my, "ALTER TABLE author KEY_BLOCK_SIZE = 8")).isInstanceOf(SqlError.class)
        .hasMessageContaining("KEY_BLOCK_SIZE");
  }

  @Test
  void mysqlBitColumnsHoldTruthValues() throws SqlError {
    Session my = mysql();
    run(my, "create table book (inPrint bit not null, id bigint not null, primary key (id))");
    run(my, "insert into book (inPrint, id) values (?, 1), (false, 2)", true);
    assertThat(run(my, "SELECT id FROM book WHERE inPrint")).containsExactly(List.of(1L));
    assertThat(value(my, "SELECT column_type FROM information_schema.columns WHERE table_name = 'book'"
        + " AND column_name = 'inPrint'")).isEqualTo("bit(1)");
    assertThatThrownBy(() -> run(my, "create table flags (f bit(8))")).isInstanceOf(SqlError.class)
        .hasMessageContaining("bit(8)");
  }

  @Test
  void mysqlLikeWithEmptyEscapeAndReservedWords() throws SqlError {
    Session my = mysql();
    assertThat(value(my, "SELECT 'a\\\\b' LIKE 'a\\\\%' ESCAPE ''")).isEqualTo(true);
    assertThat(value(my, "SELECT 'a%b' LIKE 'a\\\\%b'")).isEqualTo(true);
    assertThat(run(my, "SELECT WORD FROM INFORMATION_SCHEMA.KEYWORDS WHERE RESERVED=1 ORDER BY WORD"))
        .contains(List.of("SELECT"), List.of("ACCESSIBLE"), List.of("ZEROFILL")).hasSizeGreaterThan(200);
  }
}
