package io.bop.engine.types;

import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's interval: months, days and microseconds kept apart, because a month and a day have no fixed length.
 * Stored as PostgreSQL's output text ({@code 1 year 2 mons 3 days 04:05:06}).
 */
public record Interval(int months, int days, long micros) {
  public static final long MICROS_PER_SECOND = 1_000_000L;
  public static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

  private static final Pattern ISO = Pattern.compile(
      "P(?:(-?[\\d.]+)Y)?(?:(-?[\\d.]+)M)?(?:(-?[\\d.]+)W)?(?:(-?[\\d.]+)D)?"
      + "(?:T(?:(-?[\\d.]+)H)?(?:(-?[\\d.]+)M)?(?:(-?[\\d.]+)S)?)?");
  private static final Pattern TIME = Pattern.compile("([+-]?)(\\d+):(\\d+)(?::(\\d+(?:\\.\\d*)?))?");
  private static final Pattern QUANTITY = Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))\\s*([a-z]*)");

  public Interval negated() {
    return new Interval(-months, -days, -micros);
  }

  /** Reads PostgreSQL's input forms: {@code 1 day 2 hours}, {@code 1 year 2 mons 03:04:05}, {@code @ 1 day ago}, ISO. */
  public static Interval parse(String text) throws SqlError {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Matcher iso = ISO.matcher(t.toUpperCase(Locale.ROOT));
    if (t.startsWith("p") && iso.matches()) {
      Builder b = new Builder();
      String[] units = {"year", "month", "week", "day", "hour", "minute", "second"};
      for (int i = 0; i < units.length; i++) {
        if (iso.group(i + 1) != null) {
          b.add(Double.parseDouble(iso.group(i + 1)), units[i], text);
        }
      }
      return b.build();
    }
    boolean ago = false;
    if (t.startsWith("@")) {
      t = t.substring(1).strip();
    }
    if (t.endsWith(" ago")) {
      ago = true;
      t = t.substring(0, t.length() - 4).strip();
    }
    Builder b = new Builder();
    int at = 0;
    boolean any = false;
    while (at < t.length()) {
      if (Character.isWhitespace(t.charAt(at)) || t.charAt(at) == ',') {
        at++;
        continue;
      }
      Matcher time = TIME.matcher(t).region(at, t.length());
      if (time.lookingAt()) {
        long sign = time.group(1).equals("-") ? -1 : 1;
        double seconds = time.group(4) == null ? 0 : Double.parseDouble(time.group(4));
        b.micros += sign * (Long.parseLong(time.group(2)) * 3600 * MICROS_PER_SECOND
            + Long.parseLong(time.group(3)) * 60 * MICROS_PER_SECOND + Math.round(seconds * MICROS_PER_SECOND));
        at = time.end();
        any = true;
        continue;
      }
      Matcher quantity = QUANTITY.matcher(t).region(at, t.length());
      if (!quantity.lookingAt()) {
        throw invalid(text);
      }
      b.add(Double.parseDouble(quantity.group(1)), quantity.group(2).isEmpty() ? "second" : quantity.group(2), text);
      at = quantity.end();
      any = true;
    }
    if (!any) {
      throw invalid(text);
    }
    Interval interval = b.build();
    return ago ? interval.negated() : interval;
  }

  private static SqlError invalid(String text) {
    return new SqlError(Condition.INVALID_DATETIME_FORMAT, "invalid input syntax for type interval: \"" + text + "\"");
  }

  /** Sums the parts of an interval as PostgreSQL does: fractions of a unit go down to the next smaller one. */
  private static final class Builder {
    double months;
    double days;
    long micros;

    void add(double amount, String unit, String text) throws SqlError {
      switch (unit) {
        case "millennium", "millennia", "millenniums", "mil", "mils" -> months += amount * 12000;
        case "century", "centuries", "cent", "c" -> months += amount * 1200;
        case "decade", "decades", "dec", "decs" -> months += amount * 120;
        case "year", "years", "yr", "yrs", "y" -> months += amount * 12;
        case "month", "months", "mon", "mons" -> months += amount;
        case "week", "weeks", "w" -> days += amount * 7;
        case "day", "days", "d" -> days += amount;
        case "hour", "hours", "hr", "hrs", "h" -> micros += Math.round(amount * 3600 * MICROS_PER_SECOND);
        case "minute", "minutes", "min", "mins", "m" -> micros += Math.round(amount * 60 * MICROS_PER_SECOND);
        case "second", "seconds", "sec", "secs", "s" -> micros += Math.round(amount * MICROS_PER_SECOND);
        case "millisecond", "milliseconds", "msec", "msecs", "ms" -> micros += Math.round(amount * 1000);
        case "microsecond", "microseconds", "usec", "usecs", "us" -> micros += Math.round(amount);
        default -> throw invalid(text);
      }
    }

    Interval build() {
      int wholeMonths = (int) months;
      double dayFraction = (months - wholeMonths) * 30 + days;
      int wholeDays = (int) dayFraction;
      long extra = Math.round((dayFraction - wholeDays) * MICROS_PER_DAY);
      return new Interval(wholeMonths, wholeDays, micros + extra);
    }
  }

  /** PostgreSQL's output (IntervalStyle postgres). */
  @Override public String toString() {
    StringBuilder out = new StringBuilder();
    int years = months / 12;
    int mons = months % 12;
    part(out, years, "year");
    part(out, mons, "mon");
    part(out, days, "day");
    if (micros != 0 || out.length() == 0) {
      if (out.length() > 0) {
        out.append(' ');
      }
      long m = Math.abs(micros);
      if (micros < 0) {
        out.append('-');
      } else if (months < 0 || days < 0) {
        out.append('+');
      }
      long seconds = m / MICROS_PER_SECOND;
      out.append(String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60));
      long fraction = m % MICROS_PER_SECOND;
      if (fraction != 0) {
        out.append(String.format(Locale.ROOT, ".%06d", fraction).replaceAll("0+$", ""));
      }
    }
    return out.toString();
  }

  private static void part(StringBuilder out, int value, String unit) {
    if (value != 0) {
      out.append(out.length() > 0 ? " " : "").append(value).append(' ').append(unit)
          .append(value == 1 ? "" : "s");
    }
  }
}
