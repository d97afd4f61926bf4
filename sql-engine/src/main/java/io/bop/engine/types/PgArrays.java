package io.bop.engine.types;

import java.util.ArrayList;
import java.util.List;

/** PostgreSQL's array text format: {@code {1,2,3}}, {@code {"a b",NULL}}, {@code {{1,2},{3,4}}}. */
public final class PgArrays {
  private PgArrays() {}

  /**
   * The elements of an array literal as text (nested lists for multi-dimensional arrays, null for NULL);
   * a vector ({@code int2vector}) is written space-separated without braces.
   */
  public static List<Object> parse(String text, boolean vector) {
    String t = text.strip();
    if (vector && !t.startsWith("{")) {
      List<Object> out = new ArrayList<>();
      for (String part : t.isEmpty() ? new String[0] : t.split("\\s+")) {
        out.add(part);
      }
      return out;
    }
    if (t.startsWith("[") && t.contains("]=")) {
      t = t.substring(t.indexOf('=') + 1); // explicit bounds: [0:1]={…}
    }
    if (!t.startsWith("{") || !t.endsWith("}")) {
      throw new IllegalArgumentException("malformed array literal: \"" + text + "\"");
    }
    int[] position = {0};
    return list(t, position);
  }

  private static List<Object> list(String s, int[] p) {
    List<Object> out = new ArrayList<>();
    p[0]++; // '{'
    skip(s, p);
    if (s.charAt(p[0]) == '}') {
      p[0]++;
      return out;
    }
    while (true) {
      skip(s, p);
      char c = s.charAt(p[0]);
      if (c == '{') {
        out.add(list(s, p));
      } else if (c == '"') {
        StringBuilder element = new StringBuilder();
        p[0]++;
        while (s.charAt(p[0]) != '"') {
          if (s.charAt(p[0]) == '\\') {
            p[0]++;
          }
          element.append(s.charAt(p[0]++));
        }
        p[0]++;
        out.add(element.toString());
      } else {
        int start = p[0];
        while (s.charAt(p[0]) != ',' && s.charAt(p[0]) != '}') {
          p[0]++;
        }
        String element = s.substring(start, p[0]).strip();
        out.add(element.equalsIgnoreCase("NULL") ? null : element);
      }
      skip(s, p);
      char next = s.charAt(p[0]++);
      if (next == '}') {
        return out;
      }
      if (next != ',') {
        throw new IllegalArgumentException("malformed array literal: \"" + s + "\"");
      }
    }
  }

  private static void skip(String s, int[] p) {
    while (p[0] < s.length() && Character.isWhitespace(s.charAt(p[0]))) {
      p[0]++;
    }
  }
}
