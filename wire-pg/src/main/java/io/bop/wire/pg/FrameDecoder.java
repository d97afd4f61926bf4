package io.bop.wire.pg;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import java.util.List;

/**
 * Splits the byte stream into {@link Frame}s. Before the StartupMessage, packets are {@code int32 length}
 * followed by a request code; after it, {@code byte type, int32 length}. Lengths are checked before anything
 * is buffered, so a hostile length cannot make the server allocate.
 */
final class FrameDecoder extends ByteToMessageDecoder {
  static final int SSL_REQUEST = 80877103;
  static final int GSSENC_REQUEST = 80877104;
  static final int CANCEL_REQUEST = 80877102;
  /** PostgreSQL's own limit for startup packets. */
  private static final int MAX_STARTUP_LENGTH = 10_000;

  private final int maxMessageLength;
  private boolean startupPhase = true;

  FrameDecoder(int maxMessageLength) {
    this.maxMessageLength = maxMessageLength;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (startupPhase) {
      decodeStartup(in, out);
    } else {
      decodeMessage(in, out);
    }
  }

  private void decodeStartup(ByteBuf in, List<Object> out) {
    if (in.readableBytes() < 4) {
      return;
    }
    int length = in.getInt(in.readerIndex());
    if (length < 8 || length > MAX_STARTUP_LENGTH) {
      throw new CorruptedFrameException("invalid length of startup packet");
    }
    if (in.readableBytes() < length) {
      return;
    }
    in.skipBytes(4);
    ByteBuf body = in.readRetainedSlice(length - 4);
    int code = body.getInt(body.readerIndex());
    if (code == SSL_REQUEST && in.isReadable()) {
      // Bytes sent after the SSLRequest but before the handshake would be spliced into the TLS session
      // (CVE-2021-23222); a real client waits for our answer first.
      body.release();
      throw new CorruptedFrameException("received unencrypted data after SSL request");
    }
    if (code != SSL_REQUEST && code != GSSENC_REQUEST && code != CANCEL_REQUEST) {
      startupPhase = false;
    }
    out.add(new Frame(Frame.STARTUP, body));
  }

  private void decodeMessage(ByteBuf in, List<Object> out) {
    while (in.readableBytes() >= 5) {
      int start = in.readerIndex();
      byte type = in.getByte(start);
      int length = in.getInt(start + 1);
      if (length < 4) {
        throw new CorruptedFrameException("invalid message length " + length + " for message type '"
            + printable(type) + "'");
      }
      if (length > maxMessageLength) {
        throw new TooLongFrameException("message of type '" + printable(type) + "' is " + length
            + " bytes, over the limit of " + maxMessageLength);
      }
      if (in.readableBytes() < length + 1) {
        return;
      }
      in.skipBytes(5);
      out.add(new Frame(type, in.readRetainedSlice(length - 4)));
    }
  }

  static String printable(byte type) {
    return type >= 32 && type < 127 ? String.valueOf((char) type) : String.format("0x%02x", type & 0xff);
  }
}
