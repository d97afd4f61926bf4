package io.bop.wire.pg;

import io.netty.handler.ssl.SslContext;

/**
 * @param bindAddress the address to listen on
 * @param port the port, 0 for any free one
 * @param tls the server TLS context, or null to answer SSLRequest with 'N'
 * @param auth how clients authenticate
 * @param maxMessageBytes the largest frontend message accepted; a larger one closes the connection
 */
public record PgServerSettings(String bindAddress, int port, SslContext tls, PgAuthMethod auth, int maxMessageBytes) {
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
}
