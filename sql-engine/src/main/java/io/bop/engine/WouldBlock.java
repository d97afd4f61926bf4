package io.bop.engine;

/**
 * Thrown, before anything happened, by a session {@linkplain Session#runOnIoThread running on an I/O thread} when
 * the work asked for might wait: the caller hands it to a thread of its own and asks again there.
 */
public final class WouldBlock extends RuntimeException {
  static final WouldBlock INSTANCE = new WouldBlock();

  private WouldBlock() {
    super("the work would block an I/O thread", null, false, false);
  }
}
