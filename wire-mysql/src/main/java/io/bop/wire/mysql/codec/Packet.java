package io.bop.wire.mysql.codec;

import io.netty.buffer.ByteBuf;

/**
 * One client packet, reassembled if the client split it: its sequence id (of its last fragment) and payload.
 * The receiver releases the payload.
 */
public record Packet(int sequenceId, ByteBuf payload) {}
