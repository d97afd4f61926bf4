package io.bop.engine.functions;

import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.types.Interval;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** PostgreSQL's to_char for date/time values and numbers, with the template patterns clients commonly use. */
final class ToChar {
  private ToChar() {}

  /** Date/time patterns, longest first so that a prefix never wins over the whole pattern. */
  private static final String[] PATTERNS = {
      "HH24", "HH12", "IYYY", "YYYY", "MONTH", "Month", "month", "SSSSS", "SSSS", "A.M.", "P.M.", "a.m.", "p.m.",
      "Y,YYY", "YYY", "IYY", "MON", "Mon", "mon", "DAY", "Day", "day", "DDD", "IDDD", "TZH", "TZM", "HH", "MI",
      "SS", "MS", "US", "AM", "PM", "am", "pm", "YY", "IY", "MM", "DD", "DY", "Dy", "dy", "ID", "IW", "WW", "TZ",
      "tz", "OF", "CC", "Q", "J", "D", "W", "Y", "I"};

  static String format(Object value, String template) throws SqlError {
    if (value instanceof BigDecimal number) {
      return number(number, template);
    }
    LocalDateTime t;
    String zone = "";
    int offset = 0;
    if (value instanceof OffsetDateTime odt) {
      t = odt.toLocalDateTime();
      offset = odt.getOffset().getTotalSeconds();
      zone = offset == 0 ? "UTC" : odt.getOffset().getId();
    } else if (value instanceof LocalDateTime ldt) {
      t = ldt;
    } else if (value instanceof LocalDate d) {
      t = d.atStartOfDay();
    } else if (value instanceof Interval i) {
      t = LocalDateTime.of(0, 1, 1, 0, 0).plusMonths(i.months()).plusDays(i.days()).plusNanos(i.micros() * 1000);
    } else {
      throw new SqlError(Condition.UNDEFINED_FUNCTION, "function to_char(" + value.getClass().getSimpleName()
          + ", text) does not exist");
    }
    return dateTime(t, template, zone, offset);
  }

  private static String dateTime(LocalDateTime t, String template, String zone, int offset) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      boolean fill = true;
      if (template.startsWith("FM", i)) {
        fill = false;
        i += 2;
      }
      if (template.charAt(i) == '"') {
        int end = template.indexOf('"', i + 1);
        end = end < 0 ? template.length() : end;
        out.append(template, i + 1, end);
        i = end + 1;
        continue;
      }
      if (template.charAt(i) == '\\' && i + 1 < template.length()) {
        out.append(template.charAt(i + 1));
        i += 2;
        continue;
      }
      String pattern = null;
      for (String p : PATTERNS) {
        if (template.startsWith(p, i)) {
          pattern = p;
          break;
        }
      }
      if (pattern == null) {
        out.append(template.charAt(i++));
        continue;
      }
      i += pattern.length();
      if (template.startsWith("TH", i) || template.startsWith("th", i)) {
        String field = field(t, pattern, fill, zone, offset);
        out.append(field).append(ordinal(field, template.startsWith("TH", i)));
        i += 2;
      } else {
        out.append(field(t, pattern, fill, zone, offset));
      }
    }
    return out.toString();
  }

  private static String field(LocalDateTime t, String p, boolean fill, String zone, int offset) {
    int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
    boolean pm = t.getHour() >= 12;
    return switch (p) {
      case "YYYY" -> pad(t.getYear(), 4, fill);
      case "Y,YYY" -> String.format(Locale.ROOT, "%d,%03d", t.getYear() / 1000, t.getYear() % 1000);
      case "YYY" -> pad(t.getYear() % 1000, 3, fill);
      case "YY" -> pad(t.getYear() % 100, 2, fill);
      case "Y" -> Integer.toString(t.getYear() % 10);
      case "IYYY" -> pad(t.get(IsoFields.WEEK_BASED_YEAR), 4, fill);
      case "IYY" -> pad(t.get(IsoFields.WEEK_BASED_YEAR) % 1000, 3, fill);
      case "IY" -> pad(t.get(IsoFields.WEEK_BASED_YEAR) % 100, 2, fill);
      case "I" -> Integer.toString(t.get(IsoFields.WEEK_BASED_YEAR) % 10);
      case "MM" -> pad(t.getMonthValue(), 2, fill);
      case "MONTH" -> name(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH).toUpperCase(Locale.ROOT), fill);
      case "Month" -> name(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH), fill);
      case "month" -> name(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT), fill);
      case "MON" -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toUpperCase(Locale.ROOT);
      case "Mon" -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case "mon" -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT);
      case "DAY" -> name(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH).toUpperCase(Locale.ROOT), fill);
      case "Day" -> name(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH), fill);
      case "day" -> name(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT), fill);
      case "DY" -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toUpperCase(Locale.ROOT);
      case "Dy" -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case "dy" -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT);
      case "DDD" -> pad(t.getDayOfYear(), 3, fill);
      case "IDDD" -> pad((t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) - 1) * 7 + t.getDayOfWeek().getValue(), 3, fill);
      case "DD" -> pad(t.getDayOfMonth(), 2, fill);
      case "D" -> Integer.toString(t.getDayOfWeek().getValue() % 7 + 1);
      case "ID" -> Integer.toString(t.getDayOfWeek().getValue());
      case "W" -> Integer.toString((t.getDayOfMonth() - 1) / 7 + 1);
      case "WW" -> pad((t.getDayOfYear() - 1) / 7 + 1, 2, fill);
      case "IW" -> pad(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, fill);
      case "Q" -> Integer.toString((t.getMonthValue() - 1) / 3 + 1);
      case "CC" -> pad((t.getYear() - 1) / 100 + 1, 2, fill);
      case "J" -> Long.toString(t.toLocalDate().toEpochDay() + 2440588L);
      case "HH", "HH12" -> pad(hour12, 2, fill);
      case "HH24" -> pad(t.getHour(), 2, fill);
      case "MI" -> pad(t.getMinute(), 2, fill);
      case "SS" -> pad(t.getSecond(), 2, fill);
      case "SSSS", "SSSSS" -> Integer.toString(t.get(ChronoField.SECOND_OF_DAY));
      case "MS" -> pad(t.getNano() / 1_000_000, 3, fill);
      case "US" -> pad(t.getNano() / 1_000, 6, fill);
      case "AM", "PM" -> pm ? "PM" : "AM";
      case "am", "pm" -> pm ? "pm" : "am";
      case "A.M.", "P.M." -> pm ? "P.M." : "A.M.";
      case "a.m.", "p.m." -> pm ? "p.m." : "a.m.";
      case "TZ" -> zone;
      case "tz" -> zone.toLowerCase(Locale.ROOT);
      case "TZH" -> (offset < 0 ? "-" : "+") + pad(Math.abs(offset) / 3600, 2, true);
      case "TZM" -> pad(Math.abs(offset) / 60 % 60, 2, true);
      case "OF" -> (offset < 0 ? "-" : "+") + pad(Math.abs(offset) / 3600, 2, true)
          + (offset % 3600 == 0 ? "" : ":" + pad(Math.abs(offset) / 60 % 60, 2, true));
      default -> p;
    };
  }

  private static String pad(int value, int width, boolean fill) {
    String digits = Integer.toString(Math.abs(value));
    if (fill && digits.length() < width) {
      digits = "0".repeat(width - digits.length()) + digits;
    }
    return value < 0 ? "-" + digits : digits;
  }

  /** Month and day names are blank-padded to nine characters unless FM is given. */
  private static String name(String name, boolean fill) {
    return fill ? String.format(Locale.ROOT, "%-9s", name) : name;
  }

  private static String ordinal(String number, boolean upper) {
    String digits = number.strip();
    int n = digits.isEmpty() ? 0 : Math.abs(Integer.parseInt(digits.replaceAll("[^0-9]", "")));
    String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th"
        : switch (n % 10) {
          case 1 -> "st";
          case 2 -> "nd";
          case 3 -> "rd";
          default -> "th";
        };
    return upper ? suffix.toUpperCase(Locale.ROOT) : suffix;
  }

  // ===================================================================================== numbers

  /**
   * Numeric templates: 9 (digit, blank if leading zero), 0 (digit), . or D (decimal point), , or G (group
   * separator), S / MI / PL / SG (sign), FM (no padding). Without an explicit sign a leading blank holds its place.
   */
  private static String number(BigDecimal value, String template) {
    boolean fill = !template.contains("FM");
    String t = template.replace("FM", "");
    int point = indexOfPoint(t);
    String integerPart = point < 0 ? t : t.substring(0, point);
    String fractionPart = point < 0 ? "" : t.substring(point + 1);
    int fractionDigits = count(fractionPart, "90");
    int integerDigits = count(integerPart, "90");
    BigDecimal rounded = value.abs().setScale(fractionDigits, RoundingMode.HALF_UP);
    String plain = rounded.toPlainString();
    String whole = plain.contains(".") ? plain.substring(0, plain.indexOf('.')) : plain;
    String fraction = plain.contains(".") ? plain.substring(plain.indexOf('.') + 1) : "";
    if (whole.equals("0") && integerPart.indexOf('0') < 0) {
      whole = "";
    }
    boolean overflow = whole.length() > integerDigits;
    boolean negative = value.signum() < 0;
    boolean explicitSign = t.contains("S") || t.contains("MI") || t.contains("PL") || t.contains("SG");

    StringBuilder digits = new StringBuilder();
    int wholeIndex = whole.length() - 1;
    boolean started = false;
    int firstZero = integerPart.indexOf('0');
    for (int k = integerPart.length() - 1; k >= 0; k--) {
      char c = integerPart.charAt(k);
      if (c == '9' || c == '0') {
        if (overflow) {
          digits.append('#');
        } else if (wholeIndex >= 0) {
          digits.append(whole.charAt(wholeIndex--));
        } else if (c == '0' || firstZero >= 0 && k >= firstZero) {
          digits.append('0');
        } else if (fill) {
          digits.append(' ');
        }
      } else if (c == ',' || c == 'G') {
        boolean moreDigits = wholeIndex >= 0 || firstZero >= 0 && k > firstZero;
        digits.append(moreDigits || overflow ? ',' : fill ? " " : "");
      }
      started = true;
    }
    String integerText = digits.reverse().toString();
    StringBuilder out = new StringBuilder();
    if (!explicitSign) {
      // the sign goes right before the first digit, its place held by a blank when positive
      int firstDigit = 0;
      while (firstDigit < integerText.length() && integerText.charAt(firstDigit) == ' ') {
        firstDigit++;
      }
      out.append(integerText, 0, firstDigit).append(negative ? "-" : fill ? " " : "")
          .append(integerText.substring(firstDigit));
    } else {
      out.append(integerText);
    }
    if (point >= 0) {
      out.append('.');
      for (int k = 0; k < fractionPart.length(); k++) {
        char c = fractionPart.charAt(k);
        if (c == '9' || c == '0') {
          int index = count(fractionPart.substring(0, k), "90");
          out.append(overflow ? '#' : index < fraction.length() ? fraction.charAt(index) : '0');
        }
      }
      if (!fill) {
        // FM drops trailing zeros that 9s stand for
        while (out.length() > 0 && out.charAt(out.length() - 1) == '0' && fractionPart.lastIndexOf('0') < 0) {
          out.setLength(out.length() - 1);
        }
      }
    }
    String text = out.toString();
    if (explicitSign) {
      String sign = negative ? "-" : t.contains("MI") ? (fill ? " " : "") : "+";
      if (t.startsWith("S") || t.startsWith("MI") || t.startsWith("PL") || t.startsWith("SG")) {
        int firstDigit = text.length() - text.stripLeading().length();
        text = text.substring(0, firstDigit) + sign + text.substring(firstDigit);
      } else {
        text = text + sign;
      }
    }
    return started || point >= 0 ? text : value.toPlainString();
  }

  private static int indexOfPoint(String template) {
    int dot = template.indexOf('.');
    return dot >= 0 ? dot : template.indexOf('D');
  }

  private static int count(String text, String chars) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        n++;
      }
    }
    return n;
  }
}
