package io.bop.conformance;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/** A bare PostgreSQL protocol client for sending what real drivers never would. */
final class RawPg implements AutoCloseable {
  /** One backend message. */
  record Message(char type, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The SQLSTATE of an ErrorResponse. */
    String sqlState() {
      String s = text();
      int at = s.indexOf("\0C");
      return at < 0 ? null : s.substring(at + 2, s.indexOf('\0', at + 2));
    }
  }

  private final Socket socket;
  private final OutputStream out;
  private final DataInputStream in;

  RawPg(int port) throws IOException {
    this(port, 10_000);
  }

  /** @param timeoutMillis how long a read waits before the server counts as still waiting for more input */
  RawPg(int port, int timeoutMillis) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(timeoutMillis);
    out = socket.getOutputStream();
    in = new DataInputStream(socket.getInputStream());
  }

  void sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  void send(char type, byte[] body) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(5 + body.length);
    b.put((byte) type).putInt(4 + body.length).put(body);
    sendRaw(b.array());
  }

  static byte[] cstrings(String... strings) {
    StringBuilder s = new StringBuilder();
    for (String part : strings) {
      s.append(part).append('\0');
    }
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Sends the startup packet and answers an MD5 challenge; returns at the first ReadyForQuery. */
  void login(String user, String password) throws Exception {
    byte[] params = cstrings("user", user, "database", "bop", "");
    ByteBuffer b = ByteBuffer.allocate(8 + params.length);
    b.putInt(8 + params.length).putInt(196608).put(params);
    sendRaw(b.array());
    Message m = read();
    if (m.type() != 'R' || ByteBuffer.wrap(m.body()).getInt() != 5) {
      throw new IllegalStateException("expected an MD5 challenge, got " + m.type());
    }
    byte[] salt = new byte[4];
    System.arraycopy(m.body(), 4, salt, 0, 4);
    MessageDigest md5 = MessageDigest.getInstance("MD5");
    String inner = HexFormat.of().formatHex(md5.digest((password + user).getBytes(StandardCharsets.UTF_8)));
    md5.update(inner.getBytes(StandardCharsets.US_ASCII));
    md5.update(salt);
    send('p', cstrings("md5" + HexFormat.of().formatHex(md5.digest())));
    readUntil('Z');
  }

  Message read() throws IOException {
    char type = (char) in.readUnsignedByte();
    int length = in.readInt();
    byte[] body = new byte[length - 4];
    in.readFully(body);
    return new Message(type, body);
  }

  /** Reads messages up to and including one of {@code type}; returns the first ErrorResponse seen, if any. */
  Message readUntil(char type) throws IOException {
    Message error = null;
    while (true) {
      Message m = read();
      if (m.type() == 'E' && error == null) {
        error = m;
      }
      if (m.type() == type) {
        return error;
      }
    }
  }

  /** Whether the server closed the connection (after any messages it sent first). */
  boolean closedByServer() {
    return Abuse.closedByServer(this::read);
  }

  @Override public void close() throws IOException {
    socket.close();
  }
}
