package io.bop.wire.mysql.auth;

import io.bop.wire.mysql.codec.PacketWriter;
import io.bop.wire.mysql.codec.Payloads;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/** The server's first packet, Protocol::HandshakeV10. */
public final class Handshake {
  private Handshake() {}

  /**
   * @param connectionId the connection's id (the session's; what CONNECTION_ID() and KILL use)
   * @param capabilities the flags the server announces
   * @param collation the server's default collation id
   * @param status the server status flags
   * @param nonce the {@link Scrambles#NONCE_LENGTH} bytes of challenge
   * @param plugin the authentication method the server asks for first
   */
  public static void write(PacketWriter out, String serverVersion, int connectionId, int capabilities, int collation,
      int status, byte[] nonce, AuthPlugin plugin) {
    ByteBuf b = out.begin();
    b.writeByte(10);
    Payloads.writeNulTerminatedString(b, serverVersion);
    b.writeIntLE(connectionId);
    b.writeBytes(nonce, 0, 8);
    b.writeByte(0);
    b.writeShortLE(capabilities & 0xFFFF);
    b.writeByte(collation);
    b.writeShortLE(status);
    b.writeShortLE(capabilities >>> 16);
    b.writeByte(nonce.length + 1);
    b.writeZero(10);
    b.writeBytes(nonce, 8, nonce.length - 8);
    b.writeByte(0);
    b.writeCharSequence(plugin.protocolName, StandardCharsets.US_ASCII);
    b.writeByte(0);
    out.end();
  }
}
