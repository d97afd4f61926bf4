package io.bop.wire.pg;

import io.bop.engine.Column;
import io.bop.engine.CopyFormat;
import java.util.List;

/**
 * Writes rows as lines of PostgreSQL's COPY text or CSV format, values in their text output form, as
 * {@code COPY ... TO STDOUT} sends them.
 */
final class CopyEncoder {
  private final CopyFormat format;
  private final StringBuilder line = new StringBuilder();

  CopyEncoder(CopyFormat format) {
    this.format = format;
  }

  /** The header line: the column names. */
  String header(List<String> names) {
    line.setLength(0);
    for (int i = 0; i < names.size(); i++) {
      field(i, names.get(i), names.size());
    }
    return line.append('\n').toString();
  }

  String row(List<Column> columns, Object[] row) {
    line.setLength(0);
    for (int i = 0; i < row.length; i++) {
      if (row[i] == null) {
        if (i > 0) {
          line.append(format.delimiter());
        }
        line.append(format.nullText());
      } else {
        field(i, PgValues.text(columns.get(i).type(), row[i]), row.length);
      }
    }
    return line.append('\n').toString();
  }

  private void field(int column, String value, int columns) {
    if (column > 0) {
      line.append(format.delimiter());
    }
    if (format.csv()) {
      csv(value, format.forceQuote().contains(column) || value.equals(format.nullText())
          // alone on its line, \. would read as the end of the data
          || columns == 1 && value.equals("\\."));
    } else {
      text(value);
    }
  }

  /** Backslash escapes for the characters that end lines and fields. */
  private void text(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> line.append("\\\\");
        case '\b' -> line.append("\\b");
        case '\f' -> line.append("\\f");
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        case '\t' -> line.append("\\t");
        case 0x0b -> line.append("\\v");
        default -> {
          if (c == format.delimiter()) {
            line.append('\\');
          }
          line.append(c);
        }
      }
    }
  }

  /** Quoted where the value holds a delimiter, quote or line end (or must be quoted anyway). */
  private void csv(String value, boolean quote) {
    for (int i = 0; i < value.length() && !quote; i++) {
      char c = value.charAt(i);
      quote = c == format.delimiter() || c == format.quote() || c == '\n' || c == '\r';
    }
    if (!quote) {
      line.append(value);
      return;
    }
    line.append(format.quote());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == format.quote() || c == format.escape()) {
        line.append(format.escape());
      }
      line.append(c);
    }
    line.append(format.quote());
  }
}
