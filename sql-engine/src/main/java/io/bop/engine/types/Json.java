package io.bop.engine.types;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON arrays arrays are stored as, written exactly as SQLite's json functions write them (no spaces), so
 * stored arrays compare equal as text and SQLite's {@code json_each} and {@code json_extract} read them.
 * Elements are numbers (Long, Double), strings, booleans, null and nested arrays (List).
 */
public final class Json {
  private Json() {}

  public static String array(List<?> elements) {
    StringBuilder out = new StringBuilder();
    write(out, elements);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(out, list.get(i));
      }
      out.append(']');
    } else if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Double d) {
      out.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(java.util.Locale.ROOT, "%.1f", d) : Double.toString(d));
    } else {
      String s = value.toString();
      out.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          default -> {
            if (c < 0x20) {
              out.append(String.format("\\u%04x", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      out.append('"');
    }
  }

  /** Reads a JSON array; throws IllegalArgumentException if the text is not one. */
  public static List<Object> parseArray(String text) {
    Reader reader = new Reader(text);
    reader.skipSpace();
    Object value = reader.value();
    if (!(value instanceof List<?>)) {
      throw new IllegalArgumentException("not a JSON array: " + text);
    }
    @SuppressWarnings("unchecked")
    List<Object> list = (List<Object>) value;
    return list;
  }

  private static final class Reader {
    private final String s;
    private int i;

    Reader(String s) {
      this.s = s;
    }

    void skipSpace() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    Object value() {
      skipSpace();
      if (i >= s.length()) {
        throw new IllegalArgumentException("unexpected end of JSON");
      }
      char c = s.charAt(i);
      if (c == '[') {
        i++;
        List<Object> list = new ArrayList<>();
        skipSpace();
        if (s.charAt(i) == ']') {
          i++;
          return list;
        }
        while (true) {
          list.add(value());
          skipSpace();
          char next = s.charAt(i++);
          if (next == ']') {
            return list;
          }
          if (next != ',') {
            throw new IllegalArgumentException("malformed JSON array");
          }
        }
      }
      if (c == '"') {
        return string();
      }
      if (s.startsWith("null", i)) {
        i += 4;
        return null;
      }
      if (s.startsWith("true", i)) {
        i += 4;
        return Boolean.TRUE;
      }
      if (s.startsWith("false", i)) {
        i += 5;
        return Boolean.FALSE;
      }
      int start = i;
      while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
      String number = s.substring(start, i);
      if (number.isEmpty()) {
        throw new IllegalArgumentException("malformed JSON value at " + start);
      }
      return number.contains(".") || number.contains("e") || number.contains("E")
          ? (Object) Double.parseDouble(number) : (Object) Long.parseLong(number);
    }

    private String string() {
      StringBuilder out = new StringBuilder();
      i++;
      while (true) {
        char c = s.charAt(i++);
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = s.charAt(i++);
        switch (e) {
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> out.append(e);
        }
      }
    }
  }
}
