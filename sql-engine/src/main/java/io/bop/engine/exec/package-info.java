/**
 * Executing translated statements: {@link io.bop.engine.exec.Plan}s run against the SQLite connections a
 * session's {@link io.bop.engine.exec.Context} hands out, and produce {@link io.bop.engine.Execution}s. Internal
 * to the engine; the wire modules use only {@code io.bop.engine}.
 */
package io.bop.engine.exec;
