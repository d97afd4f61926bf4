package io.bop.engine.catalog;

/** A CHECK constraint with its condition as written. */
public record Check(String name, String table, String expression) {}
