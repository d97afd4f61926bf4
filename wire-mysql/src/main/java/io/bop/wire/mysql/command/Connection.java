package io.bop.wire.mysql.command;

import io.bop.engine.Session;
import io.bop.wire.mysql.auth.Authenticator;
import io.bop.wire.mysql.codec.PacketWriter;

/** What the command phase needs of its connection. */
public interface Connection {
  PacketWriter out();

  Session session();

  /** The capabilities both sides have. */
  int capabilities();

  /** An authentication exchange for COM_CHANGE_USER, against the nonce of the connection's handshake. */
  Authenticator authenticator(String user);

  /** The client's address, as errors name it ({@code 'user'@'host'}). */
  String host();

  /** Ends the connection (COM_QUIT, a malformed packet). */
  void close();
}
