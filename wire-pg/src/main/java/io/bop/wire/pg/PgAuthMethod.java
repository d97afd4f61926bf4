package io.bop.wire.pg;

/** How PostgreSQL clients prove their password. */
public enum PgAuthMethod {
  /** SCRAM-SHA-256; the password never crosses the wire. The default, as in PostgreSQL 14 and later. */
  SCRAM_SHA_256,
  /** MD5 challenge-response, for old clients. */
  MD5,
  /** The password in clear, accepted only over TLS. */
  PASSWORD
}
