/**
 * The {@code bop} command: reads settings from flags, environment and a config file ({@link
 * io.bop.server.Settings}), wires the key source, the engine and the wire servers together ({@link
 * io.bop.server.Node}), and stops cleanly on SIGTERM.
 */
package io.bop.server;
