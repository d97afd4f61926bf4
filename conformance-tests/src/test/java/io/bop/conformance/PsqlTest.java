package io.bop.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The psql command-line client against bop, as a user runs it. */
class PsqlTest {
  @RegisterExtension static final BopNode BOP = new BopNode();

  @BeforeAll
  static void psqlIsInstalled() {
    assumeTrue(Psql.installed(), "psql is not installed (.ci/run installs postgresql-client)");
  }

  private static String connection(String sslmode) {
    return "host=127.0.0.1 port=" + BOP.pgPort() + " user=bop dbname=bop sslmode=" + sslmode;
  }

  private static Command.Result psql(String... args) throws Exception {
    return Psql.run(connection("prefer"), "bop", args);
  }

  @Test
  void createInsertReturningQueryAndDescribe() throws Exception {
    Command.Result created = psql("-c", "CREATE TABLE users (id serial PRIMARY KEY, name varchar(100) NOT NULL,"
        + " email text UNIQUE, created timestamptz DEFAULT now(), score numeric(10,2) CHECK (score >= 0))");
    assertThat(created.exit()).as(created.err()).isZero();
    assertThat(created.out()).contains("CREATE TABLE");

    Command.Result inserted = psql("-c", "INSERT INTO users (name, email, score) VALUES ('ada', 'ada@example.org', 12.5),"
        + " ('grace', 'grace@example.org', 7) RETURNING id, name");
    assertThat(inserted.exit()).as(inserted.err()).isZero();
    assertThat(inserted.out()).contains(" id | name", "  1 | ada", "  2 | grace", "INSERT 0 2");

    Command.Result selected = psql("-A", "-t", "-c", "SELECT name, score FROM users ORDER BY id");
    assertThat(selected.out().lines()).containsExactly("ada|12.50", "grace|7.00");

    Command.Result described = psql("-c", "\\d users");
    assertThat(described.exit()).as(described.err()).isZero();
    assertThat(described.out()).contains(
        "Table \"public.users\"",
        " id      | integer                  |           | not null | nextval('users_id_seq'::regclass)",
        " name    | character varying(100)   |           | not null | ",
        " email   | text                     |           |          | ",
        " created | timestamp with time zone |           |          | now()",
        " score   | numeric(10,2)            |           |          | ",
        "Indexes:",
        "\"users_pkey\" PRIMARY KEY, btree (id)",
        "\"users_email_key\" UNIQUE CONSTRAINT, btree (email)",
        "Check constraints:",
        "\"users_score_check\" CHECK ((score >= 0))");

    Command.Result listed = psql("-A", "-c", "\\dt"); // unaligned: other tests' tables change the column widths
    assertThat(listed.out()).contains("public|users|table|bop");
  }

  @Test
  void describeShowsForeignKeysBothWaysAndVerboseDetails() throws Exception {
    Command.Result created = psql("-c", "CREATE TABLE authors (id bigserial PRIMARY KEY, name text NOT NULL)",
        "-c", "CREATE TABLE books (id serial PRIMARY KEY, author_id bigint REFERENCES authors (id) ON DELETE CASCADE,"
            + " title varchar(200) NOT NULL, published date)",
        "-c", "CREATE INDEX books_by_author ON books (author_id, published DESC)");
    assertThat(created.exit()).as(created.err()).isZero();

    Command.Result books = psql("-c", "\\d+ books");
    assertThat(books.exit()).as(books.err()).isZero();
    assertThat(books.out()).contains(
        "Table \"public.books\"",
        " author_id | bigint                 |           |          |                                   | plain    |",
        " title     | character varying(200) |           | not null |                                   | extended |",
        "\"books_by_author\" btree (author_id, published DESC)",
        "Foreign-key constraints:",
        "\"books_author_id_fkey\" FOREIGN KEY (author_id) REFERENCES authors(id) ON DELETE CASCADE",
        "Access method: heap");

    Command.Result authors = psql("-c", "\\d authors");
    assertThat(authors.out()).contains("Referenced by:",
        "TABLE \"books\" CONSTRAINT \"books_author_id_fkey\" FOREIGN KEY (author_id) REFERENCES authors(id)"
            + " ON DELETE CASCADE");
  }

  @Test
  void describeAfterAlterTableShowsTheNewShape() throws Exception {
    Command.Result altered = psql("-c", "CREATE TABLE stock (id integer NOT NULL, name text, vendor_id integer)",
        "-c", "CREATE TABLE vendors (id integer PRIMARY KEY, label varchar(20))",
        "-c", "INSERT INTO vendors VALUES (1, 'one')",
        "-c", "INSERT INTO stock VALUES (1, 'a', 1), (2, 'b', NULL)",
        "-c", "ALTER TABLE stock ADD PRIMARY KEY (id)",
        "-c", "ALTER TABLE stock ADD CONSTRAINT stock_vendor_fkey FOREIGN KEY (vendor_id) REFERENCES vendors",
        "-c", "ALTER TABLE stock ADD COLUMN amount numeric(5,2) DEFAULT 0 NOT NULL,"
            + " ADD COLUMN added timestamptz DEFAULT now()",
        "-c", "ALTER TABLE stock RENAME COLUMN name TO title",
        "-c", "ALTER TABLE stock RENAME TO items");
    assertThat(altered.exit()).as(altered.err()).isZero();
    assertThat(altered.out()).contains("ALTER TABLE");

    // as PostgreSQL 15 prints them for the same statements
    Command.Result items = psql("-c", "\\d items");
    assertThat(items.exit()).as(items.err()).isZero();
    assertThat(items.out()).contains(
        "Table \"public.items\"",
        " id        | integer                  |           | not null | ",
        " title     | text                     |           |          | ",
        " vendor_id | integer                  |           |          | ",
        " amount    | numeric(5,2)             |           | not null | 0",
        " added     | timestamp with time zone |           |          | now()",
        "Indexes:\n    \"stock_pkey\" PRIMARY KEY, btree (id)",
        "Foreign-key constraints:\n    \"stock_vendor_fkey\" FOREIGN KEY (vendor_id) REFERENCES vendors(id)");
    Command.Result vendors = psql("-c", "\\d vendors");
    assertThat(vendors.out()).contains("Referenced by:\n"
        + "    TABLE \"items\" CONSTRAINT \"stock_vendor_fkey\" FOREIGN KEY (vendor_id) REFERENCES vendors(id)");

    Command.Result refused = psql("-c", "INSERT INTO items (id, vendor_id) VALUES (3, 7)");
    assertThat(refused.err()).contains("ERROR:  insert or update on table");
    Command.Result rows = psql("-A", "-t", "-c", "SELECT id, title, vendor_id, amount FROM items ORDER BY id");
    assertThat(rows.out().lines()).containsExactly("1|a|1|0.00", "2|b||0.00");
  }

  @Test
  void listingsOfDatabasesSchemasRolesAndIndexes() throws Exception {
    assertThat(psql("-c", "CREATE TABLE listed (id integer PRIMARY KEY)").exit()).isZero();
    assertThat(psql("-c", "\\l").out()).contains(" bop  | bop   | UTF8     |");
    assertThat(psql("-c", "\\dn").out()).contains(" public | bop");
    assertThat(psql("-c", "\\du").out()).contains(" bop       | Superuser");
    assertThat(psql("-c", "\\di").out()).contains(" public | listed_pkey ", "| index | bop   | listed");
  }

  @Test
  void sizesInTheVerboseListingsAndTheSizeFunctions() throws Exception {
    Command.Result created = psql("-c", "CREATE TABLE sized (id integer PRIMARY KEY, note text)",
        "-c", "CREATE INDEX sized_note ON sized (note)",
        "-c", "INSERT INTO sized SELECT g, repeat('x', 200) FROM generate_series(1, 2000) g");
    assertThat(created.exit()).as(created.err()).isZero();
    assertThat(psql("-c", "\\dt+ sized").out()).containsPattern(" public \\| sized \\| table \\| bop .*\\| [0-9]+ kB ");
    assertThat(psql("-c", "\\di+ sized_note").out()).containsPattern("\\| sized +\\| .*\\| [0-9]+ kB ");
    assertThat(psql("-c", "\\l+").out()).containsPattern(" bop +\\| bop .*\\| [0-9]+ kB ");
    Command.Result sizes = psql("-A", "-t", "-c", "SELECT pg_table_size('sized') > 400000,"
        + " pg_total_relation_size('sized') = pg_table_size('sized') + pg_indexes_size('sized'),"
        + " pg_indexes_size('sized') > 400000, pg_database_size(current_database()) >= pg_total_relation_size('sized'),"
        + " pg_size_pretty(0::bigint), pg_size_pretty(10239::bigint), pg_size_pretty(10240::bigint),"
        + " pg_size_pretty(1234567::bigint), pg_size_pretty(20971520::bigint), pg_size_pretty(-5000000000::bigint)");
    assertThat(sizes.out().strip()).isEqualTo("t|t|t|t|0 bytes|10239 bytes|10 kB|1206 kB|20 MB|-4768 MB");
  }

  @Test
  void functionsSequencesViewsTypesAndExtensions() throws Exception {
    Command.Result created = psql("-c", "CREATE TABLE tickets (id bigserial PRIMARY KEY, code varchar(10))",
        "-c", "CREATE TABLE seats (no integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, label text)",
        "-c", "CREATE VIEW open_tickets AS SELECT id, code FROM tickets");
    assertThat(created.exit()).as(created.err()).isZero();

    Command.Result functions = psql("-c", "\\df");
    assertThat(functions.exit()).as(functions.err()).isZero();
    assertThat(functions.out()).contains("List of functions",
        " Schema | Name | Result data type | Argument data types | Type ", "(0 rows)");
    Command.Result verbose = psql("-c", "\\df+");
    assertThat(verbose.exit()).as(verbose.err()).isZero();
    assertThat(verbose.out()).contains(" Schema | Name | Result data type | Argument data types | Type | Volatility"
        + " | Parallel | Owner | Security | Access privileges | Language | Source code | Description ");
    Command.Result named = psql("-c", "\\df now", "-c", "\\dfS");
    assertThat(named.exit()).as(named.err()).isZero();
    assertThat(named.out()).contains("List of functions");

    assertThat(psql("-A", "-c", "\\ds").out()).contains("public|tickets_id_seq|sequence|bop",
        "public|seats_no_seq|sequence|bop");
    assertThat(psql("-A", "-c", "\\dv").out()).contains("public|open_tickets|view|bop");
    assertThat(psql("-A", "-c", "\\d").out()).contains("List of relations", "public|open_tickets|view|bop",
        "public|tickets|table|bop", "public|tickets_id_seq|sequence|bop");
    assertThat(psql("-A", "-c", "\\dT").out()).contains("List of data types", "(0 rows)");
    assertThat(psql("-A", "-c", "\\dx").out()).contains("List of installed extensions", "(0 rows)");

    Command.Result serial = psql("-c", "\\d tickets_id_seq");
    assertThat(serial.exit()).as(serial.err()).isZero();
    assertThat(serial.out()).contains("Sequence \"public.tickets_id_seq\"",
        "  Type  | Start | Minimum |       Maximum       | Increment | Cycles? | Cache ",
        " bigint |     1 |       1 | 9223372036854775807 |         1 | no      |     1",
        "Owned by: public.tickets.id");
    assertThat(psql("-c", "\\d seats_no_seq").out()).contains(" integer |     1 |       1 | 2147483647 |",
        "Sequence for identity column: public.seats.no");
  }

  @Test
  void everyOtherListingRunsAndIsEmptyWhereBopHasNoSuchObjects() throws Exception {
    for (String command : new String[] {"\\dd", "\\dc", "\\dC", "\\dL", "\\des", "\\dew", "\\dl", "\\db", "\\dO",
        "\\drds", "\\dF", "\\dFd", "\\dFp", "\\dFt", "\\dD", "\\do", "\\dy", "\\dRp", "\\da", "\\dA", "\\z"}) {
      Command.Result listed = psql("-c", command);
      assertThat(listed.exit()).as(command + ": " + listed.err()).isZero();
      assertThat(listed.err()).as(command).doesNotContain("ERROR");
    }
    assertThat(psql("-A", "-c", "\\dC").out()).contains("List of casts", "(0 rows)");
    assertThat(psql("-A", "-c", "\\db").out()).contains("pg_default|bop|", "pg_global|bop|");
  }

  @Test
  void errorsReachPsqlAsPostgresqlErrors() throws Exception {
    Command.Result result = psql("-c", "SELECT * FROM missing_table");
    assertThat(result.exit()).isNotZero();
    assertThat(result.err()).contains("ERROR:  relation \"missing_table\" does not exist");
  }

  @Test
  void noticesReachPsql() throws Exception {
    Command.Result result = psql("-c", "DROP TABLE IF EXISTS never_created", "-c",
        "CREATE TABLE noticed (id integer)", "-c", "CREATE TABLE IF NOT EXISTS noticed (id integer)");
    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.err()).contains("NOTICE:  table \"never_created\" does not exist, skipping",
        "NOTICE:  relation \"noticed\" already exists, skipping");
  }

  @Test
  void tlsWithSslmodeRequire() throws Exception {
    Command.Result result = Psql.run(connection("require"), "bop", "-A", "-t", "-c", "SELECT 'over tls'");
    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.out().strip()).isEqualTo("over tls");
  }

  @Test
  void wrongPasswordIsRefused() throws Exception {
    Command.Result result = Psql.run(connection("prefer"), "wrong", "-c", "SELECT 1");
    assertThat(result.exit()).isNotZero();
    assertThat(result.err()).contains("password authentication failed for user \"bop\"");
  }
}
