package io.bop.wire.mysql.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.util.List;

/**
 * Splits the byte stream into {@link Packet}s: a 3-byte little-endian payload length, a sequence id, the payload.
 * A payload of exactly 0xFFFFFF bytes continues in the next packet (until one shorter than that), and the pieces
 * are joined. A payload whose total would exceed the limit is refused before it is buffered.
 */
public final class PacketDecoder extends ByteToMessageDecoder {
  /** The largest payload one packet carries; a payload this long continues in the next packet. */
  public static final int MAX_FRAGMENT = 0xFFFFFF;

  private final int maxPayload;
  private CompositeByteBuf fragments;

  /** @param maxPayload the largest payload accepted (MySQL's max_allowed_packet) */
  public PacketDecoder(int maxPayload) {
    this.maxPayload = maxPayload;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (in.readableBytes() >= 4) {
      int length = in.getUnsignedMediumLE(in.readerIndex());
      int sequenceId = in.getUnsignedByte(in.readerIndex() + 3);
      long total = (fragments == null ? 0 : fragments.readableBytes()) + (long) length;
      if (total > maxPayload) {
        throw new TooLongFrameException("Got a packet bigger than 'max_allowed_packet' bytes");
      }
      if (in.readableBytes() < 4 + length) {
        return;
      }
      in.skipBytes(4);
      ByteBuf payload = in.readRetainedSlice(length);
      if (length == MAX_FRAGMENT) {
        if (fragments == null) {
          fragments = ctx.alloc().compositeBuffer(Integer.MAX_VALUE);
        }
        fragments.addComponent(true, payload);
        continue;
      }
      if (fragments != null) {
        fragments.addComponent(true, payload);
        payload = fragments;
        fragments = null;
      }
      // One packet at a time: the next bytes may not be packets at all, but the TLS handshake that an
      // SSLRequest packet announces, which the handler of that packet must route to TLS first.
      out.add(new Packet(sequenceId, payload));
      return;
    }
  }

  @Override
  protected void handlerRemoved0(ChannelHandlerContext ctx) {
    if (fragments != null) {
      fragments.release();
      fragments = null;
    }
  }
}
