package io.bop.wire.pg;

import io.netty.buffer.ByteBuf;

/**
 * One frontend message. Startup-phase packets have no type byte; they carry {@link #STARTUP} and their payload
 * begins with the request code.
 */
record Frame(byte type, ByteBuf body) {
  static final byte STARTUP = 0;
}
