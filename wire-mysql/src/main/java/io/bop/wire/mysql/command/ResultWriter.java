package io.bop.wire.mysql.command;

import io.bop.engine.Column;
import io.bop.engine.Execution;
import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.wire.mysql.codec.PacketWriter;
import io.bop.wire.mysql.codec.Payloads;
import io.bop.wire.mysql.protocol.Capabilities;
import io.bop.wire.mysql.protocol.ColumnDefinition;
import io.bop.wire.mysql.protocol.Responses;
import io.bop.wire.mysql.protocol.Values;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * Writes result sets: the column count, a definition per column, the end of the definitions (unless the client
 * has CLIENT_DEPRECATE_EOF), then rows in the text or the binary protocol.
 */
final class ResultWriter {
  private final PacketWriter out;
  private final boolean deprecateEof;

  ResultWriter(PacketWriter out, int capabilities) {
    this.out = out;
    this.deprecateEof = (capabilities & Capabilities.DEPRECATE_EOF) != 0;
  }

  boolean deprecateEof() {
    return deprecateEof;
  }

  /** The column count and definitions; {@code status} goes into the EOF after them (a cursor's flag, say). */
  void metadata(List<Column> columns, int status) {
    ByteBuf b = out.begin();
    Payloads.writeLengthEncodedInteger(b, columns.size());
    out.end();
    definitions(columns, status);
  }

  /** Column (or parameter) definitions, followed by an EOF for clients without CLIENT_DEPRECATE_EOF. */
  void definitions(List<Column> columns, int status) {
    for (Column column : columns) {
      ColumnDefinition.write(out.begin(), column, ColumnDefinition.of(column), false, null);
      out.end();
    }
    if (!deprecateEof) {
      Responses.eof(out, status, 0);
    }
  }

  /** Sends rows until the end or {@code limit} (0: no limit); returns whether rows remain. */
  boolean rows(Execution execution, boolean binary, int[] types, long limit) throws SqlError {
    List<Column> columns = execution.columns();
    long sent = 0;
    Object[] row;
    while ((limit <= 0 || sent < limit) && (row = execution.next()) != null) {
      if (binary) {
        binaryRow(columns, types, row);
      } else {
        textRow(columns, row);
      }
      sent++;
    }
    return limit > 0 && sent == limit;
  }

  private void textRow(List<Column> columns, Object[] row) {
    ByteBuf b = out.begin();
    for (int i = 0; i < row.length; i++) {
      if (row[i] == null) {
        b.writeByte(Payloads.NULL);
      } else {
        Values.writeText(b, columns.get(i).type(), row[i]);
      }
    }
    out.end();
  }

  /** A binary row: a 0x00 header, a NULL bitmap (whose first two bits are reserved), the values that are not NULL. */
  private void binaryRow(List<Column> columns, int[] types, Object[] row) throws SqlError {
    ByteBuf b = out.begin();
    b.writeByte(0);
    int bitmapAt = b.writerIndex();
    b.writeZero((row.length + 7 + 2) / 8);
    for (int i = 0; i < row.length; i++) {
      if (row[i] == null) {
        int bit = i + 2;
        b.setByte(bitmapAt + bit / 8, b.getByte(bitmapAt + bit / 8) | (1 << (bit % 8)));
        continue;
      }
      try {
        Values.writeBinary(b, types[i], columns.get(i).type(), row[i]);
      } catch (RuntimeException e) {
        out.end();
        throw new SqlError(Condition.DATATYPE_MISMATCH, "value '" + row[i] + "' of column '" + columns.get(i).name()
            + "' is not a valid " + columns.get(i).type());
      }
    }
    out.end();
  }

  /** The binary type code of each column. */
  static int[] types(List<Column> columns) {
    int[] types = new int[columns.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = ColumnDefinition.type(columns.get(i).type());
    }
    return types;
  }

  void endOfRows(int status, int warnings) {
    Responses.endOfRows(out, deprecateEof, status, warnings);
  }
}
