package io.bop.engine.parser.ast;

/** {@code CASCADE} or {@code RESTRICT} at the end of DROP, TRUNCATE and ALTER TABLE ... DROP. */
public enum DropBehavior { CASCADE, RESTRICT }
