package io.bop.conformance;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/** A bare MySQL protocol client for sending what real drivers never would. */
final class RawMySql implements AutoCloseable {
  /** One packet: its sequence id and payload. */
  record Packet(int sequenceId, byte[] payload) {
    boolean isError() {
      return payload.length > 0 && (payload[0] & 0xff) == 0xff;
    }

    boolean isOk() {
      return payload.length > 0 && payload[0] == 0;
    }

    /** The error number of an ERR packet. */
    int errno() {
      return (payload[1] & 0xff) | (payload[2] & 0xff) << 8;
    }
  }

  /** CLIENT_LONG_PASSWORD, CONNECT_WITH_DB, PROTOCOL_41, TRANSACTIONS, SECURE_CONNECTION, PLUGIN_AUTH. */
  private static final int CAPABILITIES = 0x1 | 0x8 | 0x200 | 0x2000 | 0x8000 | 0x80000;

  private final Socket socket;
  private final OutputStream out;
  private final DataInputStream in;
  /** The server's handshake nonce, once read. */
  private byte[] nonce;

  /** @param timeoutMillis how long a read waits before the server counts as still waiting for more input */
  RawMySql(int port, int timeoutMillis) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(timeoutMillis);
    out = socket.getOutputStream();
    in = new DataInputStream(socket.getInputStream());
  }

  RawMySql(int port) throws IOException {
    this(port, 10_000);
  }

  /** Reads the server's handshake (sequence 0) and keeps its nonce. */
  void readHandshake() throws IOException {
    ByteBuffer b = ByteBuffer.wrap(read().payload()).order(ByteOrder.LITTLE_ENDIAN);
    b.get(); // protocol version
    while (b.get() != 0) {
      // server version
    }
    b.getInt(); // connection id
    byte[] first = new byte[8];
    b.get(first).get(); // and a filler
    b.position(b.position() + 2 + 1 + 2 + 2); // capabilities, character set, status, more capabilities
    int length = b.get() & 0xff;
    b.position(b.position() + 10);
    byte[] second = new byte[Math.max(13, length - 8) - 1];
    b.get(second);
    nonce = new byte[20];
    System.arraycopy(first, 0, nonce, 0, 8);
    System.arraycopy(second, 0, nonce, 8, 12);
  }

  /** Logs in with mysql_native_password to database bop; returns the server's answer (OK or ERR). */
  Packet login(String user, String password) throws Exception {
    readHandshake();
    byte[] scramble = nativePassword(password, nonce);
    ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(CAPABILITIES).putInt(1 << 24).put((byte) 45).put(new byte[23]);
    b.put(cstring(user)).put((byte) scramble.length).put(scramble).put(cstring("bop"));
    b.put(cstring("mysql_native_password"));
    send(1, Arrays.copyOf(b.array(), b.position()));
    return read();
  }

  private static byte[] nativePassword(String password, byte[] nonce) throws Exception {
    MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
    byte[] once = sha1.digest(password.getBytes(StandardCharsets.UTF_8));
    byte[] twice = sha1.digest(once);
    sha1.update(nonce);
    byte[] mask = sha1.digest(twice);
    for (int i = 0; i < once.length; i++) {
      once[i] ^= mask[i];
    }
    return once;
  }

  static byte[] cstring(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    return Arrays.copyOf(bytes, bytes.length + 1);
  }

  /** A command packet: its command byte and argument, sequence 0. */
  Packet command(int command, String argument) throws IOException {
    byte[] text = argument.getBytes(StandardCharsets.UTF_8);
    byte[] payload = new byte[1 + text.length];
    payload[0] = (byte) command;
    System.arraycopy(text, 0, payload, 1, text.length);
    send(0, payload);
    return read();
  }

  /** COM_QUERY of a statement that returns no rows; its OK or ERR packet. */
  Packet query(String sql) throws IOException {
    return command(3, sql);
  }

  void send(int sequenceId, byte[] payload) throws IOException {
    sendRaw(header(payload.length, sequenceId));
    sendRaw(payload);
  }

  static byte[] header(int length, int sequenceId) {
    return new byte[] {(byte) length, (byte) (length >> 8), (byte) (length >> 16), (byte) sequenceId};
  }

  void sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  Packet read() throws IOException {
    int length = in.readUnsignedByte() | in.readUnsignedByte() << 8 | in.readUnsignedByte() << 16;
    int sequenceId = in.readUnsignedByte();
    byte[] payload = new byte[length];
    in.readFully(payload);
    return new Packet(sequenceId, payload);
  }

  /** Reads what the server still sends; the first ERR packet among it, or null. */
  Packet errorBeforeClose() {
    Packet[] error = {null};
    Abuse.closedByServer(() -> {
      Packet p = read();
      if (p.isError() && error[0] == null) {
        error[0] = p;
      }
    });
    return error[0];
  }

  /** Whether the server closed the connection (after any packets it sent first). */
  boolean closedByServer() {
    return Abuse.closedByServer(this::read);
  }

  @Override public void close() throws IOException {
    socket.close();
  }
}
