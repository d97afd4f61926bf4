package io.bop.engine.parser;

import io.bop.engine.parser.ast.BopSessionStatement;
import io.bop.engine.parser.ast.BopSetVariables;
import io.bop.engine.parser.ast.BopTransaction;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.bop.engine.parser.ast.BopTransaction.Mode.READ_COMMITTED;
import static io.bop.engine.parser.ast.BopTransaction.Mode.READ_ONLY;
import static io.bop.engine.parser.ast.BopTransaction.Mode.SERIALIZABLE;
import static io.bop.engine.parser.Parsing.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Transaction control and session variables. */
class SessionParserTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "BEGIN                          | BEGIN",
    "BEGIN WORK                     | BEGIN",
    "BEGIN TRANSACTION              | BEGIN",
    "START TRANSACTION              | BEGIN",
    "COMMIT                         | COMMIT",
    "COMMIT WORK                    | COMMIT",
    "END                            | COMMIT",
    "END TRANSACTION                | COMMIT",
    "ROLLBACK                       | ROLLBACK",
    "ROLLBACK WORK                  | ROLLBACK",
    "ABORT                          | ROLLBACK",
    "SAVEPOINT sp                   | SAVEPOINT",
    "RELEASE SAVEPOINT sp           | RELEASE_SAVEPOINT",
    "RELEASE sp                     | RELEASE_SAVEPOINT",
    "ROLLBACK TO SAVEPOINT sp       | ROLLBACK_TO_SAVEPOINT",
    "ROLLBACK WORK TO sp            | ROLLBACK_TO_SAVEPOINT",
  })
  void transactionKinds(String sql, BopTransaction.Kind kind) {
    final BopTransaction transaction = parse(sql, BopTransaction.class);

    assertThat(transaction.kind()).isEqualTo(kind);
    if (sql.contains("sp")) {
      assertThat(transaction.savepoint()).hasToString("sp");
    }
  }

  @Test
  void transactionModes() {
    final BopTransaction begin = parse("BEGIN ISOLATION LEVEL SERIALIZABLE, READ ONLY", BopTransaction.class);
    assertThat(begin.modes()).containsExactly(SERIALIZABLE, READ_ONLY);
    assertThat(begin.isolationLevel()).isEqualTo(SERIALIZABLE);

    final BopTransaction start = parse("START TRANSACTION READ ONLY", BopTransaction.class);
    assertThat(start.modes()).containsExactly(READ_ONLY);
    assertThat(start.isolationLevel()).isNull();

    assertThat(parse("COMMIT AND CHAIN", BopTransaction.class).chain()).isTrue();
    assertThat(parse("ROLLBACK AND NO CHAIN", BopTransaction.class).chain()).isFalse();
  }

  @Test
  void setTransaction() {
    final BopTransaction current = parse("SET TRANSACTION ISOLATION LEVEL READ COMMITTED", BopTransaction.class);
    assertThat(current.kind()).isEqualTo(BopTransaction.Kind.SET_TRANSACTION);
    assertThat(current.isolationLevel()).isEqualTo(READ_COMMITTED);

    for (String sql : new String[] {
      "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED",
      "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED"}) {
      final BopTransaction session = parse(sql, BopTransaction.class);
      assertThat(session.kind()).isEqualTo(BopTransaction.Kind.SET_SESSION_CHARACTERISTICS);
      assertThat(session.isolationLevel()).isEqualTo(READ_COMMITTED);
    }
  }

  @Test
  void setVariable() {
    final BopSessionStatement set = parse("SET search_path TO public, \"$user\"", BopSessionStatement.class);
    assertThat(set.kind()).isEqualTo(BopSessionStatement.Kind.SET);
    assertThat(set.scope()).isNull();
    assertThat(set.name()).hasToString("search_path");
    assertThat(set.values()).map(SqlNode::toString).containsExactly("public", "$user");

    final BopSessionStatement local = parse("SET LOCAL statement_timeout = '5s'", BopSessionStatement.class);
    assertThat(local.scope()).isEqualTo(BopSessionStatement.Scope.LOCAL);
    assertThat(local.values()).map(SqlNode::toString).containsExactly("'5s'");

    assertThat(parse("SET standard_conforming_strings = on", BopSessionStatement.class).values())
        .map(SqlNode::toString).containsExactly("on");
    assertThat(parse("SET search_path TO DEFAULT", BopSessionStatement.class).isSetDefault()).isTrue();
  }

  @Test
  void severalAssignmentsAreNotReadAsOneVariable() {
    final BopSetVariables set = (BopSetVariables) Parsing.parse("SET a = 1, b = 2", Dialect.MYSQL);
    assertThat(set.targets()).map(SqlNode::toString).containsExactly("@@a", "@@b");
    assertThat(set.values()).map(SqlNode::toString).containsExactly("1", "2");
  }

  @Test
  void spelledOutVariablesUseTheVariableName() {
    final BopSessionStatement timeZone = parse("SET TIME ZONE 'UTC'", BopSessionStatement.class);
    assertThat(timeZone.name()).hasToString("timezone");
    assertThat(timeZone.values()).map(SqlNode::toString).containsExactly("'UTC'");
    assertThat(parse("SET TIME ZONE LOCAL", BopSessionStatement.class).isSetDefault()).isTrue();
    assertThat(parse("SET NAMES 'UTF8'", BopSessionStatement.class).name()).hasToString("names");
    assertThat(parse("SHOW TIME ZONE", BopSessionStatement.class).name()).hasToString("timezone");
    assertThat(parse("SHOW TRANSACTION ISOLATION LEVEL", BopSessionStatement.class).name())
        .hasToString("transaction_isolation");
  }

  @Test
  void showResetDiscard() {
    final BopSessionStatement show = parse("SHOW server_version", BopSessionStatement.class);
    assertThat(show.kind()).isEqualTo(BopSessionStatement.Kind.SHOW);
    assertThat(show.name()).hasToString("server_version");

    assertThat(parse("SHOW ALL", BopSessionStatement.class).name()).isNull();
    assertThat(parse("RESET ALL", BopSessionStatement.class).kind()).isEqualTo(BopSessionStatement.Kind.RESET);
    assertThat(parse("RESET search_path", BopSessionStatement.class).name()).hasToString("search_path");

    final BopSessionStatement discard = parse("DISCARD ALL", BopSessionStatement.class);
    assertThat(discard.kind()).isEqualTo(BopSessionStatement.Kind.DISCARD);
    assertThat(discard.name()).isNull();
  }
}
