package io.bop.wire.mysql.protocol;

import io.bop.wire.mysql.codec.PacketWriter;
import io.bop.wire.mysql.codec.Payloads;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/** The generic response packets: OK, ERR, and the EOF that ends column definitions and rows. */
public final class Responses {
  private Responses() {}

  private static final int OK = 0x00;
  private static final int EOF = 0xFE;
  private static final int ERR = 0xFF;

  public static void ok(PacketWriter out, long affectedRows, long lastInsertId, int status, int warnings) {
    ByteBuf b = out.begin();
    b.writeByte(OK);
    Payloads.writeLengthEncodedInteger(b, affectedRows);
    Payloads.writeLengthEncodedInteger(b, lastInsertId);
    b.writeShortLE(status).writeShortLE(warnings);
    out.end();
  }

  public static void error(PacketWriter out, int errno, String sqlState, String message) {
    ByteBuf b = out.begin();
    b.writeByte(ERR).writeShortLE(errno).writeByte('#');
    b.writeCharSequence(sqlState, StandardCharsets.US_ASCII);
    b.writeCharSequence(message == null ? "" : message, StandardCharsets.UTF_8);
    out.end();
  }

  /** The classic EOF packet: warnings and status. */
  public static void eof(PacketWriter out, int status, int warnings) {
    out.begin().writeByte(EOF).writeShortLE(warnings).writeShortLE(status);
    out.end();
  }

  /**
   * The end of a result set's rows: an EOF packet, or for a client with CLIENT_DEPRECATE_EOF an OK packet whose
   * header is 0xFE.
   */
  public static void endOfRows(PacketWriter out, boolean deprecateEof, int status, int warnings) {
    if (!deprecateEof) {
      eof(out, status, warnings);
      return;
    }
    ByteBuf b = out.begin();
    b.writeByte(EOF);
    Payloads.writeLengthEncodedInteger(b, 0);
    Payloads.writeLengthEncodedInteger(b, 0);
    b.writeShortLE(status).writeShortLE(warnings);
    out.end();
  }
}
