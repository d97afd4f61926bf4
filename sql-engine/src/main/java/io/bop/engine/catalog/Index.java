package io.bop.engine.catalog;

import java.util.List;

/**
 * An index, or the index behind a primary key or unique constraint.
 *
 * @param name the index name (for a constraint, the constraint's name)
 * @param table the indexed table
 * @param unique whether it enforces uniqueness
 * @param primary whether it is the primary key
 * @param constraint whether it backs a PRIMARY KEY or UNIQUE constraint rather than a CREATE INDEX
 * @param columns the indexed column names, or expressions as written
 * @param descending per column, whether it sorts descending
 * @param where the partial-index predicate as written, or null
 */
public record Index(String name, String table, boolean unique, boolean primary, boolean constraint,
    List<String> columns, List<Boolean> descending, String where) {}
