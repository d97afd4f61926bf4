package io.bop.engine.functions;

import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.time.temporal.WeekFields;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** MySQL functions SQLite has no equivalent of; the translator calls them as {@code bop_...}. */
final class MySqlUdfs {
  private MySqlUdfs() {}

  static void install(Connection c) throws SQLException {
    Udf.register(c, "bop_date_format", 2, true, a -> a[0] == null || a[1] == null ? null
        : dateFormat(Functions.text(a[0]), Functions.text(a[1])));
    Udf.register(c, "bop_substring_index", 3, true, a -> a[0] == null || a[1] == null || a[2] == null ? null
        : substringIndex(Functions.text(a[0]), Functions.text(a[1]), ((Number) a[2]).intValue()));
    Udf.register(c, "bop_convert_tz", 3, true, a -> a[0] == null || a[1] == null || a[2] == null ? null
        : convertTz(Functions.text(a[0]), Functions.text(a[1]), Functions.text(a[2])));
    Udf.register(c, "bop_sha1", 1, true, a -> a[0] == null ? null : digest("SHA-1", a[0]));
    Udf.register(c, "bop_sha2", 2, true, a -> a[0] == null || a[1] == null ? null
        : sha2(a[0], ((Number) a[1]).intValue()));
  }

  /** A stored date or time stamp ({@code 2024-05-01}, {@code 2024-05-01 13:45:00.5}), or null if not one. */
  private static LocalDateTime time(String stored) {
    String s = stored.strip();
    try {
      return s.length() <= 10 ? java.time.LocalDate.parse(s).atStartOfDay()
          : LocalDateTime.parse(s.replace(' ', 'T'));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** DATE_FORMAT's specifiers, as MySQL defines them. */
  static String dateFormat(String stored, String format) {
    LocalDateTime t = time(stored);
    if (t == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%' || i + 1 == format.length()) {
        out.append(c);
        continue;
      }
      char spec = format.charAt(++i);
      switch (spec) {
        case 'Y' -> out.append(String.format("%04d", t.getYear()));
        case 'y' -> out.append(String.format("%02d", t.getYear() % 100));
        case 'm' -> out.append(String.format("%02d", t.getMonthValue()));
        case 'c' -> out.append(t.getMonthValue());
        case 'M' -> out.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        case 'b' -> out.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        case 'd' -> out.append(String.format("%02d", t.getDayOfMonth()));
        case 'e' -> out.append(t.getDayOfMonth());
        case 'D' -> out.append(t.getDayOfMonth()).append(ordinalSuffix(t.getDayOfMonth()));
        case 'j' -> out.append(String.format("%03d", t.getDayOfYear()));
        case 'H' -> out.append(String.format("%02d", t.getHour()));
        case 'k' -> out.append(t.getHour());
        case 'h', 'I' -> out.append(String.format("%02d", hour12(t)));
        case 'l' -> out.append(hour12(t));
        case 'i' -> out.append(String.format("%02d", t.getMinute()));
        case 's', 'S' -> out.append(String.format("%02d", t.getSecond()));
        case 'f' -> out.append(String.format("%06d", t.get(ChronoField.MICRO_OF_SECOND)));
        case 'p' -> out.append(t.getHour() < 12 ? "AM" : "PM");
        case 'r' -> out.append(String.format("%02d:%02d:%02d %s", hour12(t), t.getMinute(), t.getSecond(),
            t.getHour() < 12 ? "AM" : "PM"));
        case 'T' -> out.append(t.format(DateTimeFormatter.ofPattern("HH:mm:ss")));
        case 'W' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        case 'a' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        case 'w' -> out.append(t.getDayOfWeek().getValue() % 7);
        case 'u' -> out.append(String.format("%02d", t.get(WeekFields.ISO.weekOfYear())));
        case 'U' -> out.append(String.format("%02d", t.get(WeekFields.of(DayOfWeek.SUNDAY, 7).weekOfYear())));
        case 'v' -> out.append(String.format("%02d", t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        case 'x' -> out.append(String.format("%04d", t.get(IsoFields.WEEK_BASED_YEAR)));
        default -> out.append(spec); // %% and unknown specifiers print the character itself
      }
    }
    return out.toString();
  }

  private static int hour12(LocalDateTime t) {
    int h = t.getHour() % 12;
    return h == 0 ? 12 : h;
  }

  private static String ordinalSuffix(int day) {
    if (day >= 11 && day <= 13) {
      return "th";
    }
    return switch (day % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
  }

  /** SUBSTRING_INDEX(text, delimiter, n): the text before the n-th delimiter (after the n-th from the end if n < 0). */
  static String substringIndex(String text, String delimiter, int count) {
    if (delimiter.isEmpty() || count == 0) {
      return "";
    }
    String[] parts = text.split(Pattern.quote(delimiter), -1);
    if (Math.abs(count) >= parts.length) {
      return text;
    }
    return count > 0 ? String.join(delimiter, java.util.Arrays.copyOfRange(parts, 0, count))
        : String.join(delimiter, java.util.Arrays.copyOfRange(parts, parts.length + count, parts.length));
  }

  /** CONVERT_TZ(time, from, to); NULL for an unknown zone, as in MySQL. */
  static String convertTz(String stored, String from, String to) {
    LocalDateTime t = time(stored);
    try {
      ZoneId source = zone(from);
      ZoneId target = zone(to);
      return t == null ? null : t.atZone(source).withZoneSameInstant(target).toLocalDateTime()
          .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static ZoneId zone(String name) {
    return name.equalsIgnoreCase("SYSTEM") ? ZoneId.of("UTC") : ZoneId.of(name.strip());
  }

  private static String digest(String algorithm, Object value) throws SqlError {
    try {
      byte[] bytes = value instanceof byte[] b ? b : Functions.text(value).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new SqlError(Condition.INTERNAL_ERROR, algorithm + " is not available");
    }
  }

  /** SHA2(text, bits) for 224, 256 (also 0), 384 and 512 bits; NULL otherwise, as in MySQL. */
  private static String sha2(Object value, int bits) throws SqlError {
    return switch (bits) {
      case 0, 256 -> digest("SHA-256", value);
      case 224 -> digest("SHA-224", value);
      case 384 -> digest("SHA-384", value);
      case 512 -> digest("SHA-512", value);
      default -> null;
    };
  }
}
