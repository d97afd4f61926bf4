package io.bop.wire.mysql.auth;

import io.bop.wire.mysql.codec.Payloads;
import io.bop.wire.mysql.protocol.Capabilities;
import io.netty.buffer.ByteBuf;

/**
 * The client's answer to the handshake, Protocol::HandshakeResponse41, or its first 32 bytes alone: the
 * SSLRequest that asks for TLS before the rest is sent.
 *
 * @param capabilities the client's flags
 * @param collation the character set the client asks for
 * @param user the user name, null in an SSLRequest
 * @param authResponse the client's answer to the nonce for {@code plugin}
 * @param database the database to start in, or null
 * @param plugin the authentication method the client answered with, or null if it did not say
 */
public record HandshakeResponse(int capabilities, int collation, String user, byte[] authResponse, String database,
    String plugin) {

  /** Whether this is an SSLRequest rather than the full response. */
  public boolean sslRequest() {
    return user == null;
  }

  /**
   * Reads the response.
   *
   * @throws IllegalArgumentException if it is malformed or from a client older than protocol 4.1
   */
  public static HandshakeResponse read(ByteBuf b) {
    int capabilities = b.readIntLE();
    if ((capabilities & Capabilities.PROTOCOL_41) == 0) {
      throw new IllegalArgumentException("clients older than protocol 4.1 are not supported");
    }
    b.readIntLE(); // the client's largest packet
    int collation = b.readUnsignedByte();
    b.skipBytes(23);
    if (!b.isReadable() && (capabilities & Capabilities.SSL) != 0) {
      return new HandshakeResponse(capabilities, collation, null, null, null, null);
    }
    String user = Payloads.readNulTerminatedString(b);
    byte[] authResponse;
    if ((capabilities & Capabilities.PLUGIN_AUTH_LENENC_CLIENT_DATA) != 0) {
      authResponse = Payloads.readLengthEncodedBytes(b);
    } else if ((capabilities & Capabilities.SECURE_CONNECTION) != 0) {
      authResponse = new byte[b.readUnsignedByte()];
      b.readBytes(authResponse);
    } else {
      authResponse = Payloads.readNulTerminatedString(b).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    String database = null;
    if ((capabilities & Capabilities.CONNECT_WITH_DB) != 0 && b.isReadable()) {
      database = Payloads.readNulTerminatedString(b);
      if (database.isEmpty()) {
        database = null;
      }
    }
    String plugin = null;
    if ((capabilities & Capabilities.PLUGIN_AUTH) != 0 && b.isReadable()) {
      plugin = Payloads.readNulTerminatedString(b);
    }
    // Connection attributes (CLIENT_CONNECT_ATTRS) follow; bop does not use them.
    return new HandshakeResponse(capabilities, collation, user, authResponse, database, plugin);
  }
}
