/**
 * From a client's SQL text to {@link io.bop.engine.exec.Plan}s: the generated parser reads the dialect, then
 * each statement is rewritten into a Calcite tree that means the same thing in SQLite (functions, casts, value
 * formats, parameters, catalog relations) and unparsed with {@link io.bop.engine.translate.SqliteDialect}.
 * While rewriting, every expression's type is derived from the catalog, so result columns and parameters are
 * described with exact types before anything runs.
 */
package io.bop.engine.translate;
