package io.bop.engine.types;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date or timestamp written as text: ISO dates with an optional time ({@code T} or a space between), an
 * optional fraction, and an optional zone ({@code Z}, {@code UTC}, {@code +02}, {@code +0530}, {@code -08:00},
 * or a region such as {@code Europe/Berlin}).
 */
record DateTimeText(LocalDateTime local, ZoneId zone) {
  private static final Pattern FORM = Pattern.compile(
      "(\\d{4,})-(\\d{1,2})-(\\d{1,2})"
          + "(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?"
          + "\\s*(Z|UTC|GMT|[+-]\\d{1,2}(?::?\\d{2})?(?::?\\d{2})?|[A-Za-z]+/[A-Za-z_/+-]+)?",
      Pattern.CASE_INSENSITIVE);

  /** The parsed text, or null if it is not of this form or names an impossible date. */
  static DateTimeText parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    try {
      int nanos = 0;
      if (m.group(7) != null) {
        String fraction = (m.group(7) + "000000000").substring(0, 9);
        nanos = Integer.parseInt(fraction);
      }
      LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)), m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
          m.group(5) == null ? 0 : Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
          nanos);
      return new DateTimeText(local, zone(m.group(8)));
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static ZoneId zone(String text) {
    if (text == null) {
      return null;
    }
    String z = text.toUpperCase(java.util.Locale.ROOT);
    if (z.equals("Z") || z.equals("UTC") || z.equals("GMT")) {
      return ZoneOffset.UTC;
    }
    if (z.charAt(0) == '+' || z.charAt(0) == '-') {
      String[] parts = offsetParts(z.substring(1));
      int sign = z.charAt(0) == '-' ? -1 : 1;
      return ZoneOffset.ofHoursMinutesSeconds(sign * Integer.parseInt(parts[0]), sign * Integer.parseInt(parts[1]),
          sign * Integer.parseInt(parts[2]));
    }
    return ZoneId.of(text);
  }

  /** Hours, minutes and seconds of an offset written {@code 5}, {@code 05}, {@code 0530}, {@code 05:30:00}. */
  private static String[] offsetParts(String digits) {
    if (digits.contains(":")) {
      String[] p = digits.split(":");
      return new String[] {p[0], p.length > 1 ? p[1] : "0", p.length > 2 ? p[2] : "0"};
    }
    int n = digits.length();
    if (n <= 2) {
      return new String[] {digits, "0", "0"};
    }
    if (n <= 4) {
      return new String[] {digits.substring(0, n - 2), digits.substring(n - 2), "0"};
    }
    return new String[] {digits.substring(0, n - 4), digits.substring(n - 4, n - 2), digits.substring(n - 2)};
  }
}
