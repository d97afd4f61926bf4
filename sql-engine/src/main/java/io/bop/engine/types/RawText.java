package io.bop.engine.types;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Statement text that may carry raw bytes. A MySQL client sends a statement as bytes, and a binary string in it
 * ({@code _binary'...'}) holds bytes that need not be UTF-8. {@link #decode} reads such text without losing them:
 * each byte that is not part of a valid UTF-8 sequence becomes the lone surrogate {@code U+DC00 + byte} (as
 * Python's surrogateescape does), and {@link #bytes} turns a string back into exactly the bytes it came from.
 */
public final class RawText {
  private RawText() {}

  private static final int ESCAPE_BASE = 0xDC00;

  /** The text of UTF-8 bytes, with the bytes of invalid sequences escaped. */
  public static String decode(byte[] bytes, int offset, int length) {
    StringBuilder text = new StringBuilder(length);
    int i = offset;
    int end = offset + length;
    while (i < end) {
      int b = bytes[i] & 0xff;
      if (b < 0x80) {
        text.append((char) b);
        i++;
        continue;
      }
      int size = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 0;
      int codePoint = size == 0 || i + size > end ? -1 : sequence(bytes, i, size);
      if (codePoint < 0) {
        text.append((char) (ESCAPE_BASE + b));
        i++;
      } else {
        text.appendCodePoint(codePoint);
        i += size;
      }
    }
    return text.toString();
  }

  /** The code point of a well-formed UTF-8 sequence of {@code size} bytes, or -1. */
  private static int sequence(byte[] bytes, int start, int size) {
    int codePoint = bytes[start] & (0xFF >> (size + 1));
    for (int k = 1; k < size; k++) {
      int b = bytes[start + k] & 0xff;
      if ((b & 0xC0) != 0x80) {
        return -1;
      }
      codePoint = (codePoint << 6) | (b & 0x3F);
    }
    boolean overlong = size == 3 && codePoint < 0x800 || size == 4 && codePoint < 0x10000;
    boolean surrogate = codePoint >= 0xD800 && codePoint <= 0xDFFF;
    return overlong || surrogate || codePoint > 0x10FFFF ? -1 : codePoint;
  }

  /** Whether a string decoded by {@link #decode} holds bytes that were not UTF-8. */
  public static boolean hasEscapedBytes(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= ESCAPE_BASE + 0x80 && c <= ESCAPE_BASE + 0xFF) {
        return true;
      }
    }
    return false;
  }

  /** The bytes a string decoded by {@link #decode} came from: UTF-8, with escaped bytes restored. */
  public static byte[] bytes(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= ESCAPE_BASE + 0x80 && c <= ESCAPE_BASE + 0xFF) {
        out.writeBytes(text.substring(start, i).getBytes(StandardCharsets.UTF_8));
        out.write(c - ESCAPE_BASE);
        start = i + 1;
      }
    }
    out.writeBytes(text.substring(start).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** {@link #bytes} as hexadecimal digits. */
  public static String hex(String text) {
    return HexFormat.of().formatHex(bytes(text));
  }
}
