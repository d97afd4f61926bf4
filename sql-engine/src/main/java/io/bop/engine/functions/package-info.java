/**
 * Functions registered on every SQLite connection of a database: value conversions the translator emits
 * ({@code bop_cast}), functions SQLite lacks in the form PostgreSQL and MySQL define them, and PostgreSQL's
 * catalog functions ({@code format_type}, {@code pg_get_indexdef}, …) answered from the catalog snapshot. A
 * failure is raised as {@code bop:SQLSTATE:message}, which the engine reports as that condition.
 */
package io.bop.engine.functions;
