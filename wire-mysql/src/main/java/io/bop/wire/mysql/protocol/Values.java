package io.bop.wire.mysql.protocol;

import io.bop.engine.mysql.MySqlTypes;
import io.bop.engine.types.Json;
import io.bop.engine.types.SqlType;
import io.bop.wire.mysql.codec.Payloads;
import io.netty.buffer.ByteBuf;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/**
 * Values in MySQL's two row formats: the text protocol (COM_QUERY), where every value is a string, and the
 * binary protocol (COM_STMT_EXECUTE), where numbers and times have fixed binary forms; and the parameters of
 * COM_STMT_EXECUTE. Engine values arrive as the Java types {@link io.bop.engine.types.Values} documents.
 */
public final class Values {
  private Values() {}

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  // ===================================================================================== text protocol

  /** A value as the text protocol sends it, as a length-encoded string. */
  public static void writeText(ByteBuf b, SqlType type, Object value) {
    if (value instanceof byte[] bytes) {
      Payloads.writeLengthEncodedBytes(b, bytes);
    } else {
      Payloads.writeLengthEncodedString(b, text(type, value));
    }
  }

  /** A value written as MySQL writes it: times with the type's fractional digits, CHAR without its padding. */
  static String text(SqlType type, Object value) {
    int digits = MySqlTypes.fractionDigits(type);
    if (value instanceof Boolean b) {
      return b ? "1" : "0";
    }
    if (value instanceof Double d) {
      return doubleText(d);
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof LocalDate d) {
      return d.format(DATE);
    }
    if (value instanceof LocalDateTime t) {
      return t.format(DATE) + " " + t.format(TIME) + fraction(t.getNano(), digits);
    }
    if (value instanceof OffsetDateTime t) {
      return text(type, t.toLocalDateTime());
    }
    if (value instanceof LocalTime t) {
      return t.format(TIME) + fraction(t.getNano(), digits);
    }
    if (value instanceof List<?> list) {
      return Json.array(list);
    }
    if (value instanceof String s && type.kind() == io.bop.engine.types.TypeKind.CHAR) {
      return stripTrailingSpaces(s);
    }
    return value.toString();
  }

  /** Doubles as MySQL prints them: integers without a point, no exponent for ordinary magnitudes. */
  private static String doubleText(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return Double.toString(d).replace("E", "e");
  }

  private static String fraction(int nanos, int digits) {
    if (digits <= 0) {
      return "";
    }
    String micros = String.format("%06d", nanos / 1000);
    return "." + micros.substring(0, digits);
  }

  private static String stripTrailingSpaces(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(0, end);
  }

  // ===================================================================================== binary protocol

  /**
   * A value as the binary protocol sends it for a column of {@code type} (a {@link ColumnType} code).
   *
   * @throws IllegalArgumentException if the value has no form of that type (a text where a number belongs)
   */
  public static void writeBinary(ByteBuf b, int type, SqlType sqlType, Object value) {
    switch (type) {
      case ColumnType.TINY -> b.writeByte((int) integer(value));
      case ColumnType.SHORT, ColumnType.YEAR -> b.writeShortLE((int) integer(value));
      case ColumnType.LONG, ColumnType.INT24 -> b.writeIntLE((int) integer(value));
      case ColumnType.LONGLONG -> b.writeLongLE(integer(value));
      case ColumnType.FLOAT -> b.writeFloatLE((float) floating(value));
      case ColumnType.DOUBLE -> b.writeDoubleLE(floating(value));
      case ColumnType.DATE -> writeDateTime(b, dateTime(value), false);
      case ColumnType.DATETIME, ColumnType.TIMESTAMP -> writeDateTime(b, dateTime(value), true);
      case ColumnType.TIME -> writeTime(b, value instanceof LocalTime t ? t : LocalTime.parse(value.toString()));
      default -> writeText(b, sqlType, value);
    }
  }

  private static long integer(Object value) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value instanceof Boolean bool) {
      return bool ? 1 : 0;
    }
    return Long.parseLong(value.toString().strip());
  }

  private static double floating(Object value) {
    return value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().strip());
  }

  private static LocalDateTime dateTime(Object value) {
    if (value instanceof LocalDateTime t) {
      return t;
    }
    if (value instanceof LocalDate d) {
      return d.atStartOfDay();
    }
    if (value instanceof OffsetDateTime t) {
      return t.toLocalDateTime();
    }
    return LocalDateTime.parse(value.toString().strip().replace(' ', 'T'));
  }

  /** DATE, DATETIME, TIMESTAMP: a length byte (4, 7 or 11), then only the fields that are not zero. */
  private static void writeDateTime(ByteBuf b, LocalDateTime t, boolean withTime) {
    int micros = t.get(ChronoField.MICRO_OF_SECOND);
    int length = !withTime || t.toLocalTime().equals(LocalTime.MIDNIGHT) ? 4 : micros == 0 ? 7 : 11;
    b.writeByte(length);
    b.writeShortLE(t.getYear()).writeByte(t.getMonthValue()).writeByte(t.getDayOfMonth());
    if (length >= 7) {
      b.writeByte(t.getHour()).writeByte(t.getMinute()).writeByte(t.getSecond());
    }
    if (length == 11) {
      b.writeIntLE(micros);
    }
  }

  /** TIME: a length byte (0, 8 or 12), the sign, days, hours, minutes, seconds and microseconds. */
  private static void writeTime(ByteBuf b, LocalTime t) {
    int micros = t.get(ChronoField.MICRO_OF_SECOND);
    if (t.equals(LocalTime.MIDNIGHT)) {
      b.writeByte(0);
      return;
    }
    b.writeByte(micros == 0 ? 8 : 12);
    b.writeByte(0).writeIntLE(0).writeByte(t.getHour()).writeByte(t.getMinute()).writeByte(t.getSecond());
    if (micros != 0) {
      b.writeIntLE(micros);
    }
  }

  // ===================================================================================== parameters

  /**
   * Reads a COM_STMT_EXECUTE parameter value of {@code type}: integers as Long, floating point as Double, times as
   * their text ({@code 2024-05-01 13:45:00.5}), everything else (strings, byte strings, decimals) as its bytes,
   * since only the parameter's use tells text from bytes.
   */
  public static Object readParameter(ByteBuf b, int type, boolean unsigned) {
    return switch (type) {
      case ColumnType.TINY -> unsigned ? (long) b.readUnsignedByte() : (long) b.readByte();
      case ColumnType.SHORT, ColumnType.YEAR -> unsigned ? (long) b.readUnsignedShortLE() : (long) b.readShortLE();
      case ColumnType.LONG, ColumnType.INT24 -> unsigned ? b.readUnsignedIntLE() : (long) b.readIntLE();
      case ColumnType.LONGLONG -> unsignedLong(b.readLongLE(), unsigned);
      case ColumnType.FLOAT -> (double) b.readFloatLE();
      case ColumnType.DOUBLE -> b.readDoubleLE();
      case ColumnType.DATE, ColumnType.DATETIME, ColumnType.TIMESTAMP -> readDateTime(b, type == ColumnType.DATE);
      case ColumnType.TIME -> readTime(b);
      case ColumnType.NULL -> null;
      default -> Payloads.readLengthEncodedBytes(b);
    };
  }

  private static Object unsignedLong(long value, boolean unsigned) {
    return unsigned && value < 0 ? new BigDecimal(Long.toUnsignedString(value)) : (Object) value;
  }

  private static String readDateTime(ByteBuf b, boolean dateOnly) {
    int length = b.readUnsignedByte();
    if (length == 0) {
      return dateOnly ? "0000-00-00" : "0000-00-00 00:00:00";
    }
    int year = b.readUnsignedShortLE();
    int month = b.readUnsignedByte();
    int day = b.readUnsignedByte();
    String date = String.format("%04d-%02d-%02d", year, month, day);
    if (length < 7) {
      return date;
    }
    String time = String.format(" %02d:%02d:%02d", b.readUnsignedByte(), b.readUnsignedByte(), b.readUnsignedByte());
    String micros = length >= 11 ? String.format(".%06d", b.readUnsignedIntLE()) : "";
    return dateOnly ? date : date + time + micros;
  }

  private static String readTime(ByteBuf b) {
    int length = b.readUnsignedByte();
    if (length == 0) {
      return "00:00:00";
    }
    boolean negative = b.readByte() != 0;
    long days = b.readUnsignedIntLE();
    long hours = days * 24 + b.readUnsignedByte();
    String time = String.format("%s%02d:%02d:%02d", negative ? "-" : "", hours, b.readUnsignedByte(),
        b.readUnsignedByte());
    return length >= 12 ? time + String.format(".%06d", b.readUnsignedIntLE()) : time;
  }
}
