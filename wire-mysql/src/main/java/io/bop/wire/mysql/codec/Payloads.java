package io.bop.wire.mysql.codec;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * MySQL's basic data types inside a payload: length-encoded integers and strings, NUL-terminated strings. Reads
 * throw {@link IllegalArgumentException} (or Netty's {@link IndexOutOfBoundsException}) on malformed input.
 */
public final class Payloads {
  private Payloads() {}

  /** The NULL marker where a length-encoded string would be. */
  public static final int NULL = 0xFB;

  public static long readLengthEncodedInteger(ByteBuf b) {
    int first = b.readUnsignedByte();
    return switch (first) {
      case 0xFC -> b.readUnsignedShortLE();
      case 0xFD -> b.readUnsignedMediumLE();
      case 0xFE -> b.readLongLE();
      case 0xFB, 0xFF -> throw new IllegalArgumentException("invalid length-encoded integer 0x"
          + Integer.toHexString(first));
      default -> first;
    };
  }

  public static byte[] readLengthEncodedBytes(ByteBuf b) {
    long length = readLengthEncodedInteger(b);
    if (length < 0 || length > b.readableBytes()) {
      throw new IllegalArgumentException("length-encoded string longer than its packet");
    }
    byte[] bytes = new byte[(int) length];
    b.readBytes(bytes);
    return bytes;
  }

  public static String readLengthEncodedString(ByteBuf b) {
    return new String(readLengthEncodedBytes(b), StandardCharsets.UTF_8);
  }

  /** A string up to the next NUL (consumed), or to the end of the payload if there is none. */
  public static String readNulTerminatedString(ByteBuf b) {
    int end = b.indexOf(b.readerIndex(), b.writerIndex(), (byte) 0);
    int stop = end < 0 ? b.writerIndex() : end;
    String s = b.toString(b.readerIndex(), stop - b.readerIndex(), StandardCharsets.UTF_8);
    b.readerIndex(end < 0 ? stop : end + 1);
    return s;
  }

  public static byte[] readRest(ByteBuf b) {
    byte[] bytes = new byte[b.readableBytes()];
    b.readBytes(bytes);
    return bytes;
  }

  public static void writeLengthEncodedInteger(ByteBuf b, long value) {
    if (value >= 0 && value < 251) {
      b.writeByte((int) value);
    } else if (value >= 0 && value < (1 << 16)) {
      b.writeByte(0xFC).writeShortLE((int) value);
    } else if (value >= 0 && value < (1 << 24)) {
      b.writeByte(0xFD).writeMediumLE((int) value);
    } else {
      b.writeByte(0xFE).writeLongLE(value);
    }
  }

  public static void writeLengthEncodedBytes(ByteBuf b, byte[] bytes) {
    writeLengthEncodedInteger(b, bytes.length);
    b.writeBytes(bytes);
  }

  public static void writeLengthEncodedString(ByteBuf b, String s) {
    writeLengthEncodedBytes(b, s.getBytes(StandardCharsets.UTF_8));
  }

  public static void writeNulTerminatedString(ByteBuf b, String s) {
    b.writeCharSequence(s, StandardCharsets.UTF_8);
    b.writeByte(0);
  }
}
