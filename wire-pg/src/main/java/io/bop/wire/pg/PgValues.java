package io.bop.wire.pg;

import io.bop.engine.types.SqlType;
import io.bop.engine.types.TypeKind;
import io.netty.buffer.ByteBuf;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * PostgreSQL's text and binary wire formats for the engine's Java values (see
 * {@link io.bop.engine.types.Values}), as {@code DateStyle=ISO} prints them and as pgjdbc's binary transfer
 * reads and writes them.
 */
final class PgValues {
  private PgValues() {}

  private static final LocalDate PG_EPOCH_DATE = LocalDate.of(2000, 1, 1);
  private static final LocalDateTime PG_EPOCH = PG_EPOCH_DATE.atStartOfDay();
  private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
      .appendPattern("HH:mm:ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 6, true)
      .optionalEnd().toFormatter(Locale.ROOT);
  private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
      .appendPattern("uuuu-MM-dd ").append(TIME).toFormatter(Locale.ROOT);

  /** The kinds whose binary format this module reads and writes. */
  static boolean hasBinary(TypeKind kind) {
    return switch (kind) {
      case BOOLEAN, SMALLINT, INTEGER, BIGINT, OID, REAL, DOUBLE, NUMERIC, TEXT, VARCHAR, CHAR, NAME, BYTEA, DATE,
          TIME, TIMESTAMP, TIMESTAMPTZ, UUID, JSON, ARRAY, UNKNOWN -> true;
      default -> false;
    };
  }

  // ------------------------------------------------------------------------------------------- text

  static String text(SqlType type, Object value) {
    if (value instanceof List<?> elements) {
      return arrayText(type, elements);
    }
    if (value instanceof Boolean b) {
      return b ? "t" : "f";
    }
    if (value instanceof Double d) {
      return type.kind() == TypeKind.REAL ? floatText(d.floatValue()) : doubleText(d);
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof byte[] bytes) {
      return "\\x" + HexFormat.of().formatHex(bytes);
    }
    if (value instanceof LocalDateTime t) {
      return TIMESTAMP.format(t);
    }
    if (value instanceof LocalTime t) {
      return TIME.format(t);
    }
    if (value instanceof OffsetDateTime t) {
      return TIMESTAMP.format(t) + offsetText(t.getOffset());
    }
    return value.toString();
  }

  /** {@code {1,2}}, {@code {"a b",NULL}}; a vector ({@code int2vector}) space-separated. */
  private static String arrayText(SqlType type, List<?> elements) {
    SqlType element = type.kind() == TypeKind.ARRAY ? type.element() : type;
    StringBuilder out = new StringBuilder(type.isVector() ? "" : "{");
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        out.append(type.isVector() ? " " : ",");
      }
      Object e = elements.get(i);
      if (e == null) {
        out.append("NULL");
      } else if (e instanceof List<?> nested) {
        out.append(arrayText(type, nested));
      } else {
        String text = text(element, e);
        boolean quote = text.isEmpty() || text.equalsIgnoreCase("NULL")
            || text.chars().anyMatch(c -> c == '{' || c == '}' || c == ',' || c == '"' || c == '\\'
                || Character.isWhitespace(c));
        out.append(quote ? '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"' : text);
      }
    }
    return out.append(type.isVector() ? "" : "}").toString();
  }

  /** {@code +02}, {@code -08}, {@code +05:30}, as PostgreSQL prints a time zone offset. */
  private static String offsetText(ZoneOffset offset) {
    int total = offset.getTotalSeconds();
    int abs = Math.abs(total);
    StringBuilder s = new StringBuilder(total < 0 ? "-" : "+");
    s.append(String.format(Locale.ROOT, "%02d", abs / 3600));
    if (abs % 3600 != 0) {
      s.append(String.format(Locale.ROOT, ":%02d", abs % 3600 / 60));
      if (abs % 60 != 0) {
        s.append(String.format(Locale.ROOT, ":%02d", abs % 60));
      }
    }
    return s.toString();
  }

  /** float8 output with {@code extra_float_digits=1}: shortest exact digits, exponent outside 1e-4..1e15. */
  static String doubleText(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    return shortest(Double.toString(d), d == 0 ? 0 : Math.floor(Math.log10(Math.abs(d))), 15);
  }

  static String floatText(float f) {
    if (Float.isNaN(f)) {
      return "NaN";
    }
    if (Float.isInfinite(f)) {
      return f > 0 ? "Infinity" : "-Infinity";
    }
    return shortest(Float.toString(f), f == 0 ? 0 : Math.floor(Math.log10(Math.abs(f))), 6);
  }

  private static String shortest(String javaText, double exponent, int maxPlainExponent) {
    BigDecimal exact = new BigDecimal(javaText).stripTrailingZeros();
    if (exact.signum() == 0) {
      return javaText.startsWith("-") ? "-0" : "0";
    }
    int exp = (int) exponent;
    if (exp < -4 || exp >= maxPlainExponent) {
      BigDecimal mantissa = exact.movePointLeft(exp).stripTrailingZeros();
      return mantissa.toPlainString() + "e" + (exp < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exp));
    }
    return exact.toPlainString();
  }

  // ------------------------------------------------------------------------------------------- binary

  static void writeBinary(ByteBuf out, SqlType type, Object value) {
    switch (type.pgKind()) {
      case ARRAY -> writeArray(out, type, (List<?>) value);
      case BOOLEAN -> out.writeByte(Boolean.TRUE.equals(value) ? 1 : 0);
      case SMALLINT -> out.writeShort((int) asLong(value));
      case INTEGER, OID -> out.writeInt((int) asLong(value));
      case BIGINT -> out.writeLong(asLong(value));
      case REAL -> out.writeFloat(((Number) value).floatValue());
      case DOUBLE -> out.writeDouble(((Number) value).doubleValue());
      case NUMERIC -> writeNumeric(out, (BigDecimal) value);
      case BYTEA -> out.writeBytes((byte[]) value);
      case DATE -> out.writeInt((int) ChronoUnit.DAYS.between(PG_EPOCH_DATE, (LocalDate) value));
      case TIME -> out.writeLong(((LocalTime) value).toNanoOfDay() / 1000);
      case TIMESTAMP -> out.writeLong(ChronoUnit.MICROS.between(PG_EPOCH, (LocalDateTime) value));
      case TIMESTAMPTZ -> out.writeLong(ChronoUnit.MICROS.between(PG_EPOCH,
          ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()));
      case UUID -> {
        UUID u = (UUID) value;
        out.writeLong(u.getMostSignificantBits());
        out.writeLong(u.getLeastSignificantBits());
      }
      default -> out.writeCharSequence(text(type, value), StandardCharsets.UTF_8);
    }
  }

  /** ndim, has-nulls flag, element OID, (length, lower bound) per dimension, then each element length-prefixed. */
  private static void writeArray(ByteBuf out, SqlType type, List<?> value) {
    List<Integer> dimensions = new ArrayList<>();
    for (Object level = value; level instanceof List<?> list && !list.isEmpty(); level = list.get(0)) {
      dimensions.add(list.size());
    }
    List<Object> flat = new ArrayList<>();
    flatten(value, flat);
    out.writeInt(dimensions.size());
    out.writeInt(flat.contains(null) ? 1 : 0);
    out.writeInt(type.element().pgOid());
    for (int length : dimensions) {
      out.writeInt(length);
      out.writeInt(type.isVector() ? 0 : 1);
    }
    for (Object element : flat) {
      if (element == null) {
        out.writeInt(-1);
        continue;
      }
      int lengthAt = out.writerIndex();
      out.writeInt(0);
      writeBinary(out, type.element(), element);
      out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
    }
  }

  private static void flatten(List<?> value, List<Object> into) {
    for (Object e : value) {
      if (e instanceof List<?> nested) {
        flatten(nested, into);
      } else {
        into.add(e);
      }
    }
  }

  private static long asLong(Object value) {
    return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
  }

  /** Reads a parameter sent in binary format as declared by {@code type}. */
  static Object readBinary(ByteBuf in, SqlType type) {
    int n = in.readableBytes();
    return switch (type.kind()) {
      case ARRAY -> readArray(in, type);
      case BOOLEAN -> in.readByte() != 0;
      case SMALLINT -> (long) in.readShort();
      case INTEGER, OID -> (long) in.readInt();
      case BIGINT -> in.readLong();
      case REAL -> (double) in.readFloat();
      case DOUBLE -> in.readDouble();
      case NUMERIC -> readNumeric(in);
      case BYTEA -> {
        byte[] bytes = new byte[n];
        in.readBytes(bytes);
        yield bytes;
      }
      case DATE -> PG_EPOCH_DATE.plusDays(in.readInt());
      case TIME -> LocalTime.ofNanoOfDay(in.readLong() * 1000);
      case TIMESTAMP -> PG_EPOCH.plus(in.readLong(), ChronoUnit.MICROS);
      case TIMESTAMPTZ -> PG_EPOCH.plus(in.readLong(), ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
      case UUID -> new UUID(in.readLong(), in.readLong());
      default -> in.readCharSequence(n, StandardCharsets.UTF_8).toString();
    };
  }

  private static List<Object> readArray(ByteBuf in, SqlType type) {
    int dimensions = in.readInt();
    in.readInt(); // has-nulls flag
    in.readInt(); // element OID: the statement's type decides
    int[] lengths = new int[dimensions];
    for (int d = 0; d < dimensions; d++) {
      lengths[d] = in.readInt();
      in.readInt(); // lower bound
    }
    return dimensions == 0 ? new ArrayList<>() : readLevel(in, type.element(), lengths, 0);
  }

  private static List<Object> readLevel(ByteBuf in, SqlType element, int[] lengths, int level) {
    List<Object> out = new ArrayList<>(lengths[level]);
    for (int i = 0; i < lengths[level]; i++) {
      if (level + 1 < lengths.length) {
        out.add(readLevel(in, element, lengths, level + 1));
        continue;
      }
      int length = in.readInt();
      out.add(length < 0 ? null : readBinary(in.readSlice(length), element));
    }
    return out;
  }

  private static final short NUMERIC_POS = 0x0000;
  private static final short NUMERIC_NEG = 0x4000;
  private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10000);

  /** numeric: ndigits, weight, sign, dscale, then base-10000 digits, most significant first. */
  private static void writeNumeric(ByteBuf out, BigDecimal value) {
    int dscale = Math.max(value.scale(), 0);
    BigDecimal abs = value.abs();
    // Align the fraction to a multiple of 4 decimal digits so it splits into whole base-10000 digits.
    int fractionGroups = (dscale + 3) / 4;
    BigInteger unscaled = abs.setScale(fractionGroups * 4).unscaledValue();
    List<Short> digits = new ArrayList<>();
    while (unscaled.signum() > 0) {
      BigInteger[] qr = unscaled.divideAndRemainder(TEN_THOUSAND);
      digits.add(0, qr[1].shortValue());
      unscaled = qr[0];
    }
    int weight = digits.size() - fractionGroups - 1;
    while (!digits.isEmpty() && digits.get(digits.size() - 1) == 0) {
      digits.remove(digits.size() - 1);
    }
    while (!digits.isEmpty() && digits.get(0) == 0) {
      digits.remove(0);
      weight--;
    }
    if (digits.isEmpty()) {
      weight = 0;
    }
    out.writeShort(digits.size());
    out.writeShort(weight);
    out.writeShort(value.signum() < 0 ? NUMERIC_NEG : NUMERIC_POS);
    out.writeShort(dscale);
    for (short d : digits) {
      out.writeShort(d);
    }
  }

  private static BigDecimal readNumeric(ByteBuf in) {
    int ndigits = in.readShort();
    int weight = in.readShort();
    int sign = in.readShort() & 0xffff;
    int dscale = in.readShort();
    if (sign == 0xC000) {
      throw new NumberFormatException("NaN is not a supported numeric value");
    }
    BigInteger unscaled = BigInteger.ZERO;
    for (int i = 0; i < ndigits; i++) {
      unscaled = unscaled.multiply(TEN_THOUSAND).add(BigInteger.valueOf(in.readShort()));
    }
    BigDecimal value = new BigDecimal(unscaled).scaleByPowerOfTen(4 * (weight - ndigits + 1));
    value = value.setScale(dscale, java.math.RoundingMode.UNNECESSARY);
    return sign == (NUMERIC_NEG & 0xffff) ? value.negate() : value;
  }
}
