package io.bop.wire.pg;

import io.bop.engine.CopyFormat;
import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the data of a {@code COPY ... FROM STDIN} in PostgreSQL's text or CSV format as it arrives in CopyData
 * messages, which may split a line anywhere, and hands over each line's fields. Only the current line is held.
 */
final class CopyDecoder {
  /** Takes one decoded line: one value per field, null for NULL. */
  @FunctionalInterface
  interface Rows {
    void row(String[] fields) throws SqlError;
  }

  private final CopyFormat format;
  private final Rows rows;
  private final byte[] nullText;
  private byte[] line = new byte[256];
  private int length;
  /** Where a field's value is decoded to; as long as the line. */
  private byte[] value = new byte[256];
  /** Inside a quoted CSV value, where line ends are data. */
  private boolean quoted;
  /** The previous byte was a backslash (text) or an escape inside quotes (CSV), so this one is data. */
  private boolean escaped;
  /** The previous line ended with a carriage return, so a line feed right after it belongs to that end. */
  private boolean afterCarriageReturn;
  private boolean headerSkipped;
  private boolean ended;

  CopyDecoder(CopyFormat format, Rows rows) {
    this.format = format;
    this.rows = rows;
    this.nullText = format.nullText().getBytes(StandardCharsets.UTF_8);
    this.headerSkipped = !format.header();
  }

  void decode(ByteBuf data) throws SqlError {
    while (data.isReadable() && !ended) {
      byte b = data.readByte();
      if (afterCarriageReturn) {
        afterCarriageReturn = false;
        if (b == '\n') {
          continue;
        }
      }
      if ((b == '\n' || b == '\r') && !quoted && !escaped) {
        afterCarriageReturn = b == '\r';
        line();
        continue;
      }
      track(b);
      if (length == line.length) {
        line = Arrays.copyOf(line, length * 2);
        value = new byte[line.length];
      }
      line[length++] = b;
    }
  }

  /** The client's CopyDone: a last line without its line end counts too. */
  void end() throws SqlError {
    if (length > 0 && !ended) {
      if (quoted) {
        throw new SqlError(Condition.BAD_COPY_FILE_FORMAT, "unterminated CSV quoted field");
      }
      line();
    }
  }

  private void track(byte b) {
    if (escaped) {
      escaped = false;
    } else if (!format.csv()) {
      escaped = b == '\\';
    } else if (quoted && b == format.escape() && format.escape() != format.quote()) {
      escaped = true;
    } else if (b == format.quote()) {
      quoted = !quoted;
    }
  }

  private void line() throws SqlError {
    int n = length;
    length = 0;
    escaped = false;
    if (n == 2 && line[0] == '\\' && line[1] == '.') {
      ended = true; // the end-of-data marker of old clients
      return;
    }
    if (!headerSkipped) {
      headerSkipped = true;
      return;
    }
    rows.row(format.csv() ? csvFields(n) : textFields(n));
  }

  // ===================================================================================== text

  private String[] textFields(int n) throws SqlError {
    List<String> fields = new ArrayList<>();
    int start = 0;
    while (true) {
      int end = start;
      while (end < n && line[end] != format.delimiter()) {
        end += line[end] == '\\' && end + 1 < n ? 2 : 1;
      }
      fields.add(isNullText(line, start, end) ? null : unescape(start, end));
      if (end >= n) {
        return fields.toArray(new String[0]);
      }
      start = end + 1;
    }
  }

  /** PostgreSQL's backslash sequences: \b \f \n \r \t \v, octal \ooo, hexadecimal \xhh, else the next byte. */
  private String unescape(int start, int end) throws SqlError {
    int v = 0;
    for (int i = start; i < end; i++) {
      byte b = line[i];
      if (b != '\\') {
        value[v++] = b;
        continue;
      }
      if (++i == end) {
        throw new SqlError(Condition.BAD_COPY_FILE_FORMAT, "end-of-copy marker corrupt");
      }
      byte c = line[i];
      switch (c) {
        case 'b' -> value[v++] = '\b';
        case 'f' -> value[v++] = '\f';
        case 'n' -> value[v++] = '\n';
        case 'r' -> value[v++] = '\r';
        case 't' -> value[v++] = '\t';
        case 'v' -> value[v++] = 0x0b;
        case 'x' -> {
          int digits = 0;
          int code = 0;
          while (digits < 2 && i + 1 < end && Character.digit(line[i + 1], 16) >= 0) {
            code = code * 16 + Character.digit(line[++i], 16);
            digits++;
          }
          value[v++] = digits == 0 ? (byte) 'x' : (byte) code;
        }
        default -> {
          if (c >= '0' && c <= '7') {
            int code = c - '0';
            for (int digits = 1; digits < 3 && i + 1 < end && line[i + 1] >= '0' && line[i + 1] <= '7'; digits++) {
              code = code * 8 + line[++i] - '0';
            }
            value[v++] = (byte) code;
          } else {
            value[v++] = c;
          }
        }
      }
    }
    return new String(value, 0, v, StandardCharsets.UTF_8);
  }

  // ===================================================================================== CSV

  private String[] csvFields(int n) {
    List<String> fields = new ArrayList<>();
    int i = 0;
    while (true) {
      int v = 0;
      boolean wasQuoted = false;
      int start = i;
      boolean inQuotes = false;
      while (i < n && (inQuotes || line[i] != format.delimiter())) {
        byte b = line[i++];
        if (inQuotes && b == format.escape() && i < n && (line[i] == format.quote() || line[i] == format.escape())
            && (format.escape() != format.quote() || line[i] == format.quote())) {
          value[v++] = line[i++];
        } else if (b == format.quote()) {
          inQuotes = !inQuotes;
          wasQuoted = true;
        } else {
          value[v++] = b;
        }
      }
      int column = fields.size();
      boolean isNull = !format.forceNotNull().contains(column)
          && (wasQuoted ? format.forceNull().contains(column) && isNullText(value, 0, v)
              : isNullText(line, start, i));
      fields.add(isNull ? null : new String(value, 0, v, StandardCharsets.UTF_8));
      if (i >= n) {
        return fields.toArray(new String[0]);
      }
      i++;
    }
  }

  /** NULL is recognised before any unescaping, as PostgreSQL does. */
  private boolean isNullText(byte[] bytes, int start, int end) {
    return Arrays.equals(bytes, start, end, nullText, 0, nullText.length);
  }
}
