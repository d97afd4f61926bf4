/**
 * The SQL parser: {@link io.bop.engine.parser.BopParser} turns the text a PostgreSQL or MySQL client sends
 * into Calcite trees, one grammar for both {@linkplain io.bop.engine.parser.Dialect dialects}.
 *
 * <p>The grammar is calcite-core's {@code codegen/templates/Parser.jj} filled with
 * {@code src/main/codegen/config.fmpp} and {@code includes/*.ftl} at build time (fmpp, then javacc); the
 * generated parser is {@code io.bop.engine.parser.impl.BopParserImpl}. What the trees look like is described
 * in {@link io.bop.engine.parser.ast}.
 */
package io.bop.engine.parser;
