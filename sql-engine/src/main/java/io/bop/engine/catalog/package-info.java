/**
 * The schema of a database as clients see it. SQLite's own schema holds tables, columns, indexes and foreign
 * keys; the {@link io.bop.engine.catalog.Metadata} tables inside the same file hold what SQLite cannot: declared
 * types exactly as written, defaults as written, identity columns, constraint names and comments. A
 * {@link io.bop.engine.catalog.Catalog} is an immutable snapshot of both, from which the PostgreSQL catalog
 * ({@code pg_catalog}, {@code information_schema}) and MySQL's SHOW answers are built.
 */
package io.bop.engine.catalog;
