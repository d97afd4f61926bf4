package io.bop.engine.functions;

import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.types.Interval;
import io.bop.engine.types.SqlType;
import io.bop.engine.types.TypeKind;
import io.bop.engine.types.Values;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * date_trunc, extract/date_part, to_char and interval arithmetic over stored dates and times. The translator passes
 * each value's declared type and the session's zone along, since a stored value is only text: a time stamp with
 * time zone is truncated, split into fields and printed in the session's zone, as in PostgreSQL.
 */
final class DateTimeFunctions {
  private DateTimeFunctions() {}

  private static final Map<String, SqlType> TYPES = new ConcurrentHashMap<>();

  static void install(Connection c) throws SQLException {
    // bop_date_trunc(unit, value, declaration, zone)
    Udf.register(c, "bop_date_trunc", 4, true, a -> a[1] == null || a[0] == null ? null
        : dateTrunc(a[0].toString(), a[1], type(a[2]), zone(a[3])));
    // bop_extract(field, value, declaration, zone): PostgreSQL's extract and date_part
    Udf.register(c, "bop_extract", 4, true, a -> a[1] == null || a[0] == null ? null
        : extract(a[0].toString(), a[1], type(a[2]), zone(a[3])));
    // bop_add_interval(value, declaration, interval, sign, zone): value ± interval
    Udf.register(c, "bop_add_interval", 5, true, a -> a[0] == null || a[2] == null ? null
        : addInterval(a[0], type(a[1]), Interval.parse(a[2].toString()), ((Number) a[3]).intValue(), zone(a[4])));
    // bop_subtract_times(a, b, declaration): the interval between two time stamps
    Udf.register(c, "bop_subtract_times", 3, true, a -> a[0] == null || a[1] == null ? null
        : subtract(a[0], a[1], type(a[2])));
    // bop_age(a, b, declaration): PostgreSQL's age, in years, months and days
    Udf.register(c, "bop_age", 3, true, a -> a[0] == null || a[1] == null ? null : age(a[0], a[1], type(a[2])));
    // bop_to_char(value, declaration, format, zone)
    Udf.register(c, "bop_to_char", 4, true, a -> a[0] == null || a[2] == null ? null
        : ToChar.format(value(a[0], type(a[1]), zone(a[3])), a[2].toString()));
  }

  private static SqlType type(Object declaration) {
    return TYPES.computeIfAbsent(declaration.toString(), SqlType::parse);
  }

  private static ZoneId zone(Object zone) {
    return zone == null ? java.time.ZoneOffset.UTC : ZoneId.of(zone.toString());
  }

  /** The Java value of a stored value; a date becomes midnight, as PostgreSQL's casts to a time stamp make it. */
  private static Object value(Object stored, SqlType type, ZoneId zone) throws SqlError {
    if (type.kind() == TypeKind.NUMERIC || type.kind().isInteger() || type.kind() == TypeKind.DOUBLE
        || type.kind() == TypeKind.REAL) {
      return stored instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(stored.toString().strip());
    }
    if (type.kind() == TypeKind.INTERVAL) {
      return Interval.parse(stored.toString());
    }
    return Values.fromStorage(type, stored, zone);
  }

  /** A date, time stamp or time stamp with time zone as a zoned date-time in the session's zone. */
  private static ZonedDateTime zoned(Object stored, SqlType type, ZoneId zone) throws SqlError {
    Object v = Values.fromStorage(type, stored, zone);
    if (v instanceof OffsetDateTime odt) {
      return odt.atZoneSameInstant(zone);
    }
    if (v instanceof LocalDateTime ldt) {
      return ldt.atZone(zone);
    }
    if (v instanceof LocalDate date) {
      return date.atStartOfDay(zone);
    }
    throw new SqlError(Condition.DATATYPE_MISMATCH, "a date or time stamp is expected, not " + type.pgFormat());
  }

  // ===================================================================================== date_trunc

  private static Object dateTrunc(String unit, Object stored, SqlType type, ZoneId zone) throws SqlError {
    ZonedDateTime t = zoned(stored, type, zone);
    LocalDateTime l = t.toLocalDateTime();
    LocalDateTime truncated = switch (unit.toLowerCase(Locale.ROOT)) {
      case "microseconds" -> l.truncatedTo(ChronoUnit.MICROS);
      case "milliseconds" -> l.truncatedTo(ChronoUnit.MILLIS);
      case "second" -> l.truncatedTo(ChronoUnit.SECONDS);
      case "minute" -> l.truncatedTo(ChronoUnit.MINUTES);
      case "hour" -> l.truncatedTo(ChronoUnit.HOURS);
      case "day" -> l.truncatedTo(ChronoUnit.DAYS);
      case "week" -> l.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay();
      case "month" -> l.toLocalDate().withDayOfMonth(1).atStartOfDay();
      case "quarter" -> LocalDate.of(l.getYear(), (l.getMonthValue() - 1) / 3 * 3 + 1, 1).atStartOfDay();
      case "year" -> LocalDate.of(l.getYear(), 1, 1).atStartOfDay();
      case "decade" -> LocalDate.of(Math.floorDiv(l.getYear(), 10) * 10, 1, 1).atStartOfDay();
      case "century" -> LocalDate.of((l.getYear() - 1) / 100 * 100 + 1, 1, 1).atStartOfDay();
      case "millennium" -> LocalDate.of((l.getYear() - 1) / 1000 * 1000 + 1, 1, 1).atStartOfDay();
      default -> throw new SqlError(Condition.FEATURE_NOT_SUPPORTED, "unit \"" + unit + "\" not recognized for type "
          + type.pgFormat());
    };
    if (type.kind() == TypeKind.TIMESTAMP) {
      return Values.toStorage(SqlType.TIMESTAMP, truncated, zone);
    }
    return Values.toStorage(SqlType.TIMESTAMPTZ, truncated.atZone(zone).toOffsetDateTime(), zone);
  }

  // ===================================================================================== extract

  private static Object extract(String field, Object stored, SqlType type, ZoneId zone) throws SqlError {
    String f = fieldName(field);
    if (type.kind() == TypeKind.INTERVAL) {
      return extractInterval(f, Interval.parse(stored.toString()));
    }
    if (type.kind() == TypeKind.TIME) {
      LocalTime time = (LocalTime) Values.fromStorage(type, stored, zone);
      return extractTime(f, time.toNanoOfDay() / 1000, field);
    }
    ZonedDateTime t = zoned(stored, type, zone);
    LocalDate d = t.toLocalDate();
    return switch (f) {
      case "epoch" -> {
        long seconds = type.kind() == TypeKind.TIMESTAMPTZ ? t.toEpochSecond()
            : t.toLocalDateTime().toEpochSecond(java.time.ZoneOffset.UTC);
        yield t.getNano() == 0 ? (Object) seconds : seconds + t.getNano() / 1e9;
      }
      case "year" -> (long) d.getYear();
      case "month" -> (long) d.getMonthValue();
      case "day" -> (long) d.getDayOfMonth();
      case "dow" -> (long) (d.getDayOfWeek().getValue() % 7);
      case "isodow" -> (long) d.getDayOfWeek().getValue();
      case "doy" -> (long) d.getDayOfYear();
      case "week" -> (long) d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      case "isoyear" -> (long) d.get(IsoFields.WEEK_BASED_YEAR);
      case "quarter" -> (long) ((d.getMonthValue() - 1) / 3 + 1);
      case "decade" -> (long) Math.floorDiv(d.getYear(), 10);
      case "century" -> (long) ((d.getYear() - 1) / 100 + 1);
      case "millennium" -> (long) ((d.getYear() - 1) / 1000 + 1);
      case "julian" -> d.toEpochDay() + 2440588L;
      case "timezone" -> (long) t.getOffset().getTotalSeconds();
      case "timezone_hour" -> (long) (t.getOffset().getTotalSeconds() / 3600);
      case "timezone_minute" -> (long) (t.getOffset().getTotalSeconds() / 60 % 60);
      default -> extractTime(f, t.toLocalTime().toNanoOfDay() / 1000, field);
    };
  }

  /** The field's canonical name among the spellings PostgreSQL accepts (years, mon, secs, ms, ...). */
  private static String fieldName(String field) {
    String f = field.strip().toLowerCase(Locale.ROOT);
    return switch (f) {
      case "years", "y", "yr", "yrs" -> "year";
      case "months", "mon", "mons" -> "month";
      case "days", "d" -> "day";
      case "hours", "h", "hr", "hrs" -> "hour";
      case "minutes", "m", "min", "mins" -> "minute";
      case "seconds", "s", "sec", "secs" -> "second";
      case "millisecond", "ms", "msec", "msecs", "mseconds" -> "milliseconds";
      case "microsecond", "us", "usec", "usecs", "useconds" -> "microseconds";
      case "weeks", "w" -> "week";
      case "decades" -> "decade";
      case "centuries" -> "century";
      case "millennia", "millenniums" -> "millennium";
      default -> f;
    };
  }

  private static Object extractTime(String f, long micros, String field) throws SqlError {
    long secondMicros = micros % (60 * Interval.MICROS_PER_SECOND);
    return switch (f) {
      case "hour" -> micros / (3600 * Interval.MICROS_PER_SECOND);
      case "minute" -> micros / (60 * Interval.MICROS_PER_SECOND) % 60;
      case "second" -> secondMicros % Interval.MICROS_PER_SECOND == 0 ? (Object) (secondMicros / 1_000_000)
          : secondMicros / 1e6;
      case "milliseconds" -> secondMicros % 1000 == 0 ? (Object) (secondMicros / 1000) : secondMicros / 1e3;
      case "microseconds" -> secondMicros;
      case "epoch" -> micros % Interval.MICROS_PER_SECOND == 0 ? (Object) (micros / 1_000_000) : micros / 1e6;
      default -> throw new SqlError(Condition.INVALID_PARAMETER_VALUE, "unit \"" + field + "\" not recognized");
    };
  }

  private static Object extractInterval(String f, Interval i) throws SqlError {
    return switch (f) {
      case "year" -> (long) (i.months() / 12);
      case "month" -> (long) (i.months() % 12);
      case "day" -> (long) i.days();
      case "epoch" -> {
        double seconds = i.months() / 12 * 365.25 * 86400 + i.months() % 12 * 30 * 86400.0 + i.days() * 86400.0
            + i.micros() / 1e6;
        yield seconds == Math.rint(seconds) ? (Object) (long) seconds : seconds;
      }
      default -> extractTime(f, i.micros(), f);
    };
  }

  // ===================================================================================== arithmetic

  private static Object addInterval(Object stored, SqlType type, Interval interval, int sign, ZoneId zone)
      throws SqlError {
    Interval i = sign < 0 ? interval.negated() : interval;
    if (type.kind() == TypeKind.TIMESTAMPTZ) {
      // Months and days move the wall clock in the session's zone; the time part is elapsed time.
      ZonedDateTime t = zoned(stored, type, zone).plusMonths(i.months()).plusDays(i.days())
          .plus(i.micros(), ChronoUnit.MICROS);
      return Values.toStorage(SqlType.TIMESTAMPTZ, t.toOffsetDateTime(), zone);
    }
    if (type.kind() == TypeKind.TIME) {
      LocalTime time = (LocalTime) Values.fromStorage(type, stored, zone);
      return Values.toStorage(SqlType.TIME, time.plus(i.micros(), ChronoUnit.MICROS), zone);
    }
    LocalDateTime t = zoned(stored, type, zone).toLocalDateTime().plusMonths(i.months()).plusDays(i.days())
        .plus(i.micros(), ChronoUnit.MICROS);
    return Values.toStorage(SqlType.TIMESTAMP, t, zone);
  }

  /**
   * PostgreSQL's age: a - b field by field (years, months, days, time), negative fields borrowing from the next
   * larger one; a month borrowed is as long as the month of the earlier value.
   */
  private static String age(Object a, Object b, SqlType type) throws SqlError {
    ZoneId utc = java.time.ZoneOffset.UTC;
    LocalDateTime x = zoned(a, type, utc).toLocalDateTime();
    LocalDateTime y = zoned(b, type, utc).toLocalDateTime();
    int sign = x.isBefore(y) ? -1 : 1;
    long micros = sign * ChronoUnit.MICROS.between(y.toLocalTime(), x.toLocalTime());
    int days = sign * (x.getDayOfMonth() - y.getDayOfMonth());
    int months = sign * (x.getMonthValue() - y.getMonthValue());
    int years = sign * (x.getYear() - y.getYear());
    if (micros < 0) {
      micros += Interval.MICROS_PER_DAY;
      days--;
    }
    LocalDate earlier = (sign < 0 ? x : y).toLocalDate();
    while (days < 0) {
      days += earlier.lengthOfMonth();
      months--;
    }
    while (months < 0) {
      months += 12;
      years--;
    }
    return new Interval(sign * (years * 12 + months), sign * days, sign * micros).toString();
  }

  /** a - b as PostgreSQL prints it: whole days, then the rest as time. */
  private static String subtract(Object a, Object b, SqlType type) throws SqlError {
    ZoneId utc = java.time.ZoneOffset.UTC;
    long micros = Duration.between(zoned(b, type, utc), zoned(a, type, utc)).toNanos() / 1000;
    long days = micros / Interval.MICROS_PER_DAY;
    return new Interval(0, (int) days, micros - days * Interval.MICROS_PER_DAY).toString();
  }
}
