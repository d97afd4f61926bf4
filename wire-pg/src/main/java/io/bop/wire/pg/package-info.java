/**
 * The PostgreSQL v3 frontend/backend protocol on Netty. {@link io.bop.wire.pg.PgServer} accepts connections;
 * each one is framed by {@code FrameDecoder}, authenticated (SCRAM-SHA-256, MD5, or cleartext over TLS) and
 * then driven by {@code PgConnection}, which turns simple and extended query messages into calls on an engine
 * {@link io.bop.engine.Session} and encodes what comes back. Blocking engine work runs on the session's ordered
 * executor, never on the event loop. This package knows the protocol and PostgreSQL's value formats, not SQL.
 */
package io.bop.wire.pg;
