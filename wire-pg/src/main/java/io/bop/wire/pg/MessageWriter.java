package io.bop.wire.pg;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Encodes backend messages into one buffer per batch. Messages are written to the channel when the batch is
 * flushed (at ReadyForQuery, Flush, or when it grows past {@link #SPILL_BYTES}); while the channel is not
 * writable the writing thread waits, so a large result never piles up in memory.
 */
final class MessageWriter {
  private static final int SPILL_BYTES = 64 * 1024;

  private final Channel channel;
  private final Writability writability;
  private ByteBuf buf;
  private int messageStart = -1;

  /** Lets a writer on another thread wait until the channel drains. */
  interface Writability {
    void awaitWritable();
  }

  MessageWriter(Channel channel, Writability writability) {
    this.channel = channel;
    this.writability = writability;
  }

  private ByteBuf buf() {
    if (buf == null) {
      buf = channel.alloc().buffer(4096);
    }
    return buf;
  }

  ByteBuf begin(char type) {
    ByteBuf b = buf();
    b.writeByte(type);
    messageStart = b.writerIndex();
    b.writeInt(0);
    return b;
  }

  void end() {
    buf.setInt(messageStart, buf.writerIndex() - messageStart);
    messageStart = -1;
    if (buf.readableBytes() >= SPILL_BYTES) {
      spill();
    }
  }

  /** Writes what is buffered and waits for the channel to accept more; does not end a batch. */
  private void spill() {
    ByteBuf out = buf;
    buf = null;
    channel.writeAndFlush(out);
    writability.awaitWritable();
  }

  void flush() {
    if (buf != null && buf.isReadable()) {
      ByteBuf out = buf;
      buf = null;
      channel.writeAndFlush(out);
    }
  }

  /** Drops anything buffered, for a connection that is closing. */
  void discard() {
    if (buf != null) {
      buf.release();
      buf = null;
    }
  }

  static void cstring(ByteBuf b, String s) {
    b.writeCharSequence(s, StandardCharsets.UTF_8);
    b.writeByte(0);
  }

  // ------------------------------------------------------------------ authentication

  void authentication(int code, byte[] data) {
    ByteBuf b = begin('R');
    b.writeInt(code);
    if (data != null) {
      b.writeBytes(data);
    }
    end();
  }

  void authenticationSasl(List<String> mechanisms) {
    ByteBuf b = begin('R');
    b.writeInt(10);
    for (String m : mechanisms) {
      cstring(b, m);
    }
    b.writeByte(0);
    end();
  }

  void parameterStatus(String name, String value) {
    ByteBuf b = begin('S');
    cstring(b, name);
    cstring(b, value);
    end();
  }

  void backendKeyData(int processId, int secret) {
    ByteBuf b = begin('K');
    b.writeInt(processId);
    b.writeInt(secret);
    end();
  }

  void negotiateProtocolVersion(int newestMinor, List<String> unrecognizedOptions) {
    ByteBuf b = begin('v');
    b.writeInt(newestMinor);
    b.writeInt(unrecognizedOptions.size());
    for (String option : unrecognizedOptions) {
      cstring(b, option);
    }
    end();
  }

  // ------------------------------------------------------------------ query cycle

  void readyForQuery(char status) {
    buf().writeByte('Z').writeInt(5).writeByte(status);
  }

  void commandComplete(String tag) {
    cstring(begin('C'), tag);
    end();
  }

  void emptyQueryResponse() {
    buf().writeByte('I').writeInt(4);
  }

  void parseComplete() {
    buf().writeByte('1').writeInt(4);
  }

  void bindComplete() {
    buf().writeByte('2').writeInt(4);
  }

  void closeComplete() {
    buf().writeByte('3').writeInt(4);
  }

  void noData() {
    buf().writeByte('n').writeInt(4);
  }

  void portalSuspended() {
    buf().writeByte('s').writeInt(4);
  }

  /** CopyInResponse ('G') or CopyOutResponse ('H') for text data (PostgreSQL's format 0) of {@code columns}. */
  void copyResponse(char type, int columns) {
    ByteBuf b = begin(type);
    b.writeByte(0);
    b.writeShort(columns);
    for (int i = 0; i < columns; i++) {
      b.writeShort(0);
    }
    end();
  }

  void copyData(String data) {
    ByteBuf b = begin('d');
    b.writeCharSequence(data, StandardCharsets.UTF_8);
    end();
  }

  void copyDone() {
    buf().writeByte('c').writeInt(4);
  }

  void parameterDescription(int[] oids) {
    ByteBuf b = begin('t');
    b.writeShort(oids.length);
    for (int oid : oids) {
      b.writeInt(oid);
    }
    end();
  }

  /**
   * An ErrorResponse ('E') or NoticeResponse ('N'): severity, SQLSTATE and message, then the optional fields given
   * by their one-letter codes (D detail, H hint, P position, W context, s schema, t table, c column, n constraint).
   */
  void errorOrNotice(char type, String severity, String sqlState, String message, Map<Character, String> fields) {
    ByteBuf b = begin(type);
    b.writeByte('S');
    cstring(b, severity);
    b.writeByte('V');
    cstring(b, severity);
    b.writeByte('C');
    cstring(b, sqlState);
    b.writeByte('M');
    cstring(b, message == null ? "" : message);
    fields.forEach((code, value) -> {
      b.writeByte(code);
      cstring(b, value);
    });
    b.writeByte(0);
    end();
  }
}
