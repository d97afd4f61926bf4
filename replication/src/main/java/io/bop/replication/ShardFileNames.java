package io.bop.replication;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Maps shard names (database names from users: any Unicode, case-sensitive) to file names and back. Bytes of the
 * UTF-8 name in {@code [a-z0-9_]} are kept; every other byte becomes {@code -xx} (lowercase hex). File names are
 * therefore portable, distinct even on case-insensitive file systems, and never contain a path separator or dot.
 * A name of up to 63 UTF-8 bytes (PostgreSQL's limit) always fits.
 */
final class ShardFileNames {
  static final String SUFFIX = ".db";
  /** The longest file of a shard is its WAL; most file systems allow 255 bytes per name. */
  private static final int MAX_FILE_NAME_BYTES = 255 - (SUFFIX + "-wal").length();
  private static final HexFormat HEX = HexFormat.of();

  private ShardFileNames() {}

  /** The database file name, {@code <escaped name>.db}. */
  static String fileName(String shardName) {
    if (shardName.isEmpty()) {
      throw new IllegalArgumentException("a shard name must not be empty");
    }
    StringBuilder escaped = new StringBuilder();
    for (byte b : shardName.getBytes(StandardCharsets.UTF_8)) {
      if (isKept(b)) {
        escaped.append((char) b);
      } else {
        escaped.append('-').append(HEX.toHexDigits(b));
      }
    }
    if (escaped.length() > MAX_FILE_NAME_BYTES) {
      throw new IllegalArgumentException("shard name is too long for a file name: " + shardName);
    }
    return escaped.append(SUFFIX).toString();
  }

  /** The shard name of a database file name, or empty if the file is not one this class named. */
  static Optional<String> shardName(String fileName) {
    if (!fileName.endsWith(SUFFIX)) {
      return Optional.empty();
    }
    String escaped = fileName.substring(0, fileName.length() - SUFFIX.length());
    ByteBuffer bytes = ByteBuffer.allocate(escaped.length());
    for (int i = 0; i < escaped.length(); i++) {
      char c = escaped.charAt(i);
      if (c == '-' && i + 3 <= escaped.length() && isHexPair(escaped, i + 1)) {
        bytes.put((byte) HexFormat.fromHexDigits(escaped, i + 1, i + 3));
        i += 2;
      } else if (c < 0x80 && isKept((byte) c)) {
        bytes.put((byte) c);
      } else {
        return Optional.empty();
      }
    }
    try {
      String name = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes.flip()).toString();
      // Only the canonical spelling counts: "-61" and "a" must not both name shard "a".
      return !name.isEmpty() && fileName(name).equals(fileName) ? Optional.of(name) : Optional.empty();
    } catch (CharacterCodingException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean isKept(byte b) {
    return (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '_';
  }

  private static boolean isHexPair(String s, int from) {
    return HexFormat.isHexDigit(s.charAt(from)) && HexFormat.isHexDigit(s.charAt(from + 1));
  }
}
