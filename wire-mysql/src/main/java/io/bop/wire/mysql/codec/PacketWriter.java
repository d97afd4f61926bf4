package io.bop.wire.mysql.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

/**
 * Writes server packets, numbering them: the packets of a response continue the sequence of the client packet
 * they answer. Packets are gathered into one buffer and written when the response is flushed or the buffer grows
 * past {@link #SPILL_BYTES}; while the channel is not writable the writing thread waits, so a large result never
 * piles up in memory. A payload of 16 MiB or more goes out split into fragments, as the protocol requires.
 */
public final class PacketWriter {
  private static final int SPILL_BYTES = 64 * 1024;

  /** Lets a writer on another thread wait until the channel drains. */
  public interface Writability {
    void awaitWritable();
  }

  private final Channel channel;
  private final Writability writability;
  private ByteBuf buf;
  private int packetStart = -1;
  private int sequenceId;

  public PacketWriter(Channel channel, Writability writability) {
    this.channel = channel;
    this.writability = writability;
  }

  /** The next packets answer the client packet that had this sequence id. */
  public void answer(int clientSequenceId) {
    sequenceId = (clientSequenceId + 1) & 0xFF;
  }

  /** The sequence id the client's next packet of this exchange must have. */
  public int expectedClientSequenceId() {
    return sequenceId;
  }

  /** Starts a packet; its payload is written into the returned buffer until {@link #end()}. */
  public ByteBuf begin() {
    if (buf == null) {
      buf = channel.alloc().buffer(4096);
    }
    packetStart = buf.writerIndex();
    buf.writeMediumLE(0).writeByte(0);
    return buf;
  }

  /** Ends the packet begun last: gives it its length and sequence id. */
  public void end() {
    int length = buf.writerIndex() - packetStart - 4;
    if (length >= PacketDecoder.MAX_FRAGMENT) {
      fragment(length);
    } else {
      buf.setMediumLE(packetStart, length);
      buf.setByte(packetStart + 3, nextSequenceId());
    }
    packetStart = -1;
    if (buf.readableBytes() >= SPILL_BYTES) {
      spill();
    }
  }

  /** Rewrites a payload too long for one packet as fragments of 0xFFFFFF bytes, the last one shorter. */
  private void fragment(int length) {
    ByteBuf payload = buf.copy(packetStart + 4, length);
    buf.writerIndex(packetStart);
    int offset = 0;
    while (true) {
      int size = Math.min(PacketDecoder.MAX_FRAGMENT, length - offset);
      buf.writeMediumLE(size).writeByte(nextSequenceId());
      buf.writeBytes(payload, offset, size);
      offset += size;
      if (size < PacketDecoder.MAX_FRAGMENT) {
        break;
      }
    }
    payload.release();
  }

  private int nextSequenceId() {
    int id = sequenceId;
    sequenceId = (sequenceId + 1) & 0xFF;
    return id;
  }

  /** Writes what is buffered and waits for the channel to accept more; the response goes on. */
  private void spill() {
    ByteBuf out = buf;
    buf = null;
    channel.writeAndFlush(out);
    writability.awaitWritable();
  }

  /** Writes what is buffered. */
  public void flush() {
    if (buf != null && buf.isReadable()) {
      ByteBuf out = buf;
      buf = null;
      channel.writeAndFlush(out);
    }
  }

  /** Drops anything buffered, for a connection that is closing. */
  public void discard() {
    if (buf != null) {
      buf.release();
      buf = null;
    }
  }
}
