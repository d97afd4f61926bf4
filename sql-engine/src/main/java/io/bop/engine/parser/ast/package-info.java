/**
 * The tree nodes our grammar adds to Calcite's, and how PostgreSQL and MySQL syntax is represented.
 *
 * <p>Queries and expressions are Calcite's own nodes. Where the dialects add syntax, it maps to them so:
 * <ul>
 * <li>Every type name, after {@code ::}, in {@code CAST} and in column definitions, is a
 *     {@link org.apache.calcite.sql.SqlDataTypeSpec} around a {@link io.bop.engine.parser.ast.BopTypeNameSpec}
 *     (canonical name, schema, arguments, array dimensions, MySQL modifiers).
 * <li>{@code expr::type} is a standard {@link org.apache.calcite.sql.fun.SqlStdOperatorTable#CAST} call, as is
 *     PostgreSQL's {@code interval '1 day'}; {@code INTERVAL '1' DAY} stays Calcite's interval literal.
 * <li>{@code $n} is a {@link org.apache.calcite.sql.SqlDynamicParam} with index n - 1, wherever it appears and
 *     however often; {@code ?} markers are numbered in order of appearance.
 * <li>{@code expr COLLATE name} is a call of {@link io.bop.engine.parser.ast.BopOperators#COLLATE}, except in a
 *     column definition, where the collation belongs to the column's type.
 * <li>{@code ~ ~* !~ !~*} and {@code OPERATOR(pg_catalog.op)} are calls of Calcite's operators: the POSIX regex
 *     operators, {@code =}, {@code LIKE}, {@code ILIKE}, and so on (see {@link io.bop.engine.parser.ast.BopOperators}).
 * <li>{@code x = ANY (array)} and {@code x <> ALL (array)} are Calcite's quantified comparisons
 *     ({@code SqlStdOperatorTable.some(kind)}, {@code all(kind)}); the right operand is a query, or a
 *     one-element {@link org.apache.calcite.sql.SqlNodeList} holding the array expression.
 * <li>{@code E'...'} is a character literal without character set; {@code unnest(...)} in an expression and
 *     MySQL's {@code VALUES(col)} are calls of functions named {@code unnest} and {@code values}
 *     (in the dialect's case).
 * <li>Niladic {@code current_timestamp}, {@code current_user}, ... are identifiers, as in Calcite.
 * <li>{@code a ^ b} is Calcite's {@code BITXOR_OPERATOR}, which is its MySQL meaning; in PostgreSQL it is a
 *     power, so the translator maps it by dialect.
 * </ul>
 *
 * <p>Statement nodes keep their whole state in their operand list, so
 * {@link org.apache.calcite.sql.SqlNode#equalsDeep} compares them and
 * {@link org.apache.calcite.sql.util.SqlShuttle}s can rebuild them.
 */
package io.bop.engine.parser.ast;
