package io.bop.engine.parser;

import io.bop.engine.parser.ast.BopColumnDefinition;
import io.bop.engine.parser.ast.BopCreateTable;
import io.bop.engine.parser.ast.BopTypeNameSpec;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.bop.engine.parser.Parsing.parse;
import static org.assertj.core.api.Assertions.assertThat;

/** Every type name of both dialects becomes one BopTypeNameSpec with a canonical name. */
class TypeNameTest {

  /** Type as written | canonical name | arguments | array dimensions. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "int                              | int                      |           | 0",
    "INT2                             | int2                     |           | 0",
    "int4                             | int4                     |           | 0",
    "int8                             | int8                     |           | 0",
    "smallint                         | smallint                 |           | 0",
    "integer                          | integer                  |           | 0",
    "bigint                           | bigint                   |           | 0",
    "serial                           | serial                   |           | 0",
    "bigserial                        | bigserial                |           | 0",
    "smallserial                      | smallserial              |           | 0",
    "real                             | real                     |           | 0",
    "float                            | float                    |           | 0",
    "float(53)                        | float                    | 53        | 0",
    "float4                           | float4                   |           | 0",
    "float8                           | float8                   |           | 0",
    "double precision                 | double precision         |           | 0",
    "numeric(10, 2)                   | numeric                  | 10,2      | 0",
    "decimal                          | decimal                  |           | 0",
    "boolean                          | boolean                  |           | 0",
    "bool                             | bool                     |           | 0",
    "text                             | text                     |           | 0",
    "varchar(255)                     | varchar                  | 255       | 0",
    "character varying(255)           | character varying        | 255       | 0",
    "char(3)                          | char                     | 3         | 0",
    "character(3)                     | character                | 3         | 0",
    "\"char\"                         | \"char\"                 |           | 0",
    "name                             | name                     |           | 0",
    "bytea                            | bytea                    |           | 0",
    "date                             | date                     |           | 0",
    "time                             | time                     |           | 0",
    "time(3)                          | time                     | 3         | 0",
    "time with time zone              | time with time zone      |           | 0",
    "time without time zone           | time                     |           | 0",
    "timestamp                        | timestamp                |           | 0",
    "timestamp(6) with time zone      | timestamp with time zone | 6         | 0",
    "timestamp(3) without time zone   | timestamp                | 3         | 0",
    "timestamptz                      | timestamptz              |           | 0",
    "interval                         | interval                 |           | 0",
    "interval day to second           | interval day to second   |           | 0",
    "uuid                             | uuid                     |           | 0",
    "json                             | json                     |           | 0",
    "jsonb                            | jsonb                    |           | 0",
    "oid                              | oid                      |           | 0",
    "regclass                         | regclass                 |           | 0",
    "regtype                          | regtype                  |           | 0",
    "regproc                          | regproc                  |           | 0",
    "int2vector                       | int2vector               |           | 0",
    "bit varying(8)                   | bit varying              | 8         | 0",
    "int[]                            | int                      |           | 1",
    "text[3][]                        | text                     |           | 2",
    "integer ARRAY                    | integer                  |           | 1",
    "integer ARRAY[4]                 | integer                  |           | 1",
    "tinyint(1)                       | tinyint                  | 1         | 0",
    "mediumint                        | mediumint                |           | 0",
    "datetime(6)                      | datetime                 | 6         | 0",
    "year                             | year                     |           | 0",
    "tinytext                         | tinytext                 |           | 0",
    "mediumtext                       | mediumtext               |           | 0",
    "longtext                         | longtext                 |           | 0",
    "blob                             | blob                     |           | 0",
    "longblob                         | longblob                 |           | 0",
    "binary(16)                       | binary                   | 16        | 0",
    "varbinary(10)                    | varbinary                | 10        | 0",
    "bit(1)                           | bit                      | 1         | 0",
    "enum('a', 'b')                   | enum                     | a,b       | 0",
    "set('x', 'y')                    | set                      | x,y       | 0",
  })
  void typeNameIsCanonical(String written, String name, String arguments, int arrayDimensions) {
    for (BopTypeNameSpec type : new BopTypeNameSpec[] {columnType(written), castType(written)}) {
      assertThat(type.name()).isEqualTo(name);
      assertThat(type.arguments()).map(SqlLiteral::toValue)
          .containsExactly(arguments == null ? new String[0] : arguments.split(","));
      assertThat(type.arrayDimensions()).isEqualTo(arrayDimensions);
    }
  }

  @Test
  void schemaQualifier() {
    final BopTypeNameSpec type = castType("pg_catalog.int4");

    assertThat(type.schema()).isEqualTo("pg_catalog");
    assertThat(type.name()).isEqualTo("int4");
  }

  @Test
  void mysqlModifiersAndColumnCollation() {
    final BopCreateTable table = (BopCreateTable) parse("CREATE TABLE t (a int(11) unsigned zerofill,"
        + " b varchar(10) CHARACTER SET utf8mb4 NOT NULL COLLATE utf8mb4_bin)", Dialect.MYSQL);

    final BopTypeNameSpec a = ((BopColumnDefinition) table.columns().get(0)).typeName();
    assertThat(a.name()).isEqualTo("int");
    assertThat(a.arguments()).map(SqlLiteral::toValue).containsExactly("11");
    assertThat(a.unsigned()).isTrue();
    assertThat(a.zerofill()).isTrue();

    final BopTypeNameSpec b = ((BopColumnDefinition) table.columns().get(1)).typeName();
    assertThat(b.name()).isEqualTo("varchar");
    assertThat(b.characterSet()).isEqualTo("utf8mb4");
    assertThat(b.collation()).hasToString("utf8mb4_bin");
  }

  @Test
  void mysqlCastTargets() {
    final BopTypeNameSpec unsigned = castType("CAST(x AS UNSIGNED)", Dialect.MYSQL);
    assertThat(unsigned.name()).isEqualTo("integer");
    assertThat(unsigned.unsigned()).isTrue();

    final BopTypeNameSpec signed = castType("CAST(x AS SIGNED INTEGER)", Dialect.MYSQL);
    assertThat(signed.name()).isEqualTo("integer");
    assertThat(signed.unsigned()).isFalse();

    assertThat(castType("CAST(x AS CHAR CHARACTER SET utf8mb4)", Dialect.MYSQL).characterSet())
        .isEqualTo("utf8mb4");
  }

  private static BopTypeNameSpec columnType(String type) {
    final BopCreateTable table = parse("CREATE TABLE t (c " + type + ")", BopCreateTable.class);
    return ((BopColumnDefinition) table.columns().get(0)).typeName();
  }

  private static BopTypeNameSpec castType(String type) {
    return castType("x::" + type, Dialect.POSTGRESQL);
  }

  private static BopTypeNameSpec castType(String expression, Dialect dialect) {
    final SqlSelect select = (SqlSelect) parse("SELECT " + expression, dialect);
    final SqlCall cast = (SqlCall) select.getSelectList().get(0);
    assertThat(cast.getKind()).isEqualTo(SqlKind.CAST);
    return (BopTypeNameSpec) ((SqlDataTypeSpec) cast.operand(1)).getTypeNameSpec();
  }
}
