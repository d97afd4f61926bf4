package io.bop.wire.mysql;

import io.bop.wire.mysql.auth.AuthPlugin;
import io.netty.handler.ssl.SslContext;

/**
 * @param bindAddress the address to listen on
 * @param port the port, 0 for any free one
 * @param tls the server TLS context, or null to offer no TLS
 * @param auth the authentication method clients must use
 * @param maxPacketBytes the largest packet accepted (max_allowed_packet); a larger one closes the connection
 */
public record MySqlServerSettings(String bindAddress, int port, SslContext tls, AuthPlugin auth, int maxPacketBytes) {
  /** MySQL 8's default max_allowed_packet, 64 MiB. */
  public static final int DEFAULT_MAX_PACKET_BYTES = 64 * 1024 * 1024;
}
