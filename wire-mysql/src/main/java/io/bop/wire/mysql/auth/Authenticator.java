package io.bop.wire.mysql.auth;

import io.bop.wire.mysql.codec.PacketWriter;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * One authentication exchange: the client's first answer, an AuthSwitchRequest if it answered with another
 * method than the server requires, and caching_sha2_password's further rounds. The fast path (a scramble checked
 * against a password verified before) succeeds at once; the full path asks for the password itself, which the
 * client sends in clear over TLS, or encrypted with the server's RSA key (after asking for that key) without.
 */
public final class Authenticator {
  /** Where an exchange stands after a client packet. */
  public enum Outcome { CONTINUE, SUCCESS, FAILURE }

  /** The passwords of users, and which users caching_sha2_password has verified in full since the server started. */
  public interface Credentials {
    Optional<String> password(String user);

    boolean verifiedBefore(String user, String password);

    void verified(String user, String password);
  }

  private static final int MORE_DATA = 0x01;
  private static final int SWITCH = 0xFE;
  private static final int FAST_AUTH_SUCCESS = 3;
  private static final int PERFORM_FULL_AUTHENTICATION = 4;
  private static final int REQUEST_PUBLIC_KEY = 2;

  private enum State { SWITCHED, FULL_AUTHENTICATION, DONE }

  private final AuthPlugin required;
  private final Credentials credentials;
  private final RsaKeys rsa;
  private final boolean tls;
  private final PacketWriter out;
  private final String user;
  private byte[] nonce;
  private State state;

  /**
   * @param nonce the challenge the handshake sent
   * @param tls whether the connection is encrypted (then a password may come in clear)
   */
  public Authenticator(AuthPlugin required, Credentials credentials, RsaKeys rsa, boolean tls, PacketWriter out,
      String user, byte[] nonce) {
    this.required = required;
    this.credentials = credentials;
    this.rsa = rsa;
    this.tls = tls;
    this.out = out;
    this.user = user;
    this.nonce = nonce;
  }

  /** The client's first answer, made with {@code plugin} (null: the protocol's default, native password). */
  public Outcome start(String plugin, byte[] response) {
    String used = plugin == null ? AuthPlugin.MYSQL_NATIVE_PASSWORD.protocolName : plugin;
    if (!used.equals(required.protocolName)) {
      nonce = Scrambles.nonce();
      ByteBuf b = out.begin();
      b.writeByte(SWITCH);
      b.writeCharSequence(required.protocolName, StandardCharsets.US_ASCII);
      b.writeByte(0).writeBytes(nonce).writeByte(0);
      out.end();
      state = State.SWITCHED;
      return Outcome.CONTINUE;
    }
    return answer(response);
  }

  /** A further packet of the exchange. */
  public Outcome next(byte[] packet) {
    return switch (state) {
      case SWITCHED -> answer(packet);
      case FULL_AUTHENTICATION -> fullAuthentication(packet);
      default -> Outcome.FAILURE;
    };
  }

  private Outcome answer(byte[] response) {
    Optional<String> password = credentials.password(user);
    if (password.isEmpty() || response.length == 0) {
      return done(false);
    }
    if (required == AuthPlugin.MYSQL_NATIVE_PASSWORD) {
      return done(Scrambles.matches(Scrambles.nativePassword(password.get(), nonce), response));
    }
    boolean scrambleMatches = Scrambles.matches(Scrambles.cachingSha2(password.get(), nonce), response);
    if (scrambleMatches && credentials.verifiedBefore(user, password.get())) {
      moreData(new byte[] {FAST_AUTH_SUCCESS});
      return done(true);
    }
    if (tls && !scrambleMatches && response[response.length - 1] == 0) {
      // Over TLS, MariaDB's client sends the password itself at once, NUL-terminated.
      return fullyVerified(password.get(), clearText(response));
    }
    moreData(new byte[] {PERFORM_FULL_AUTHENTICATION});
    state = State.FULL_AUTHENTICATION;
    return Outcome.CONTINUE;
  }

  private Outcome fullAuthentication(byte[] packet) {
    Optional<String> password = credentials.password(user);
    if (password.isEmpty()) {
      return done(false);
    }
    if (tls) {
      return fullyVerified(password.get(), clearText(packet));
    }
    if (packet.length == 1 && packet[0] == REQUEST_PUBLIC_KEY) {
      byte[] pem = rsa.publicKeyPem();
      moreData(pem);
      return Outcome.CONTINUE;
    }
    String given = rsa.decryptPassword(packet, nonce);
    return given == null ? done(false) : fullyVerified(password.get(), given);
  }

  private Outcome fullyVerified(String password, String given) {
    boolean ok = MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    if (ok) {
      credentials.verified(user, password);
    }
    return done(ok);
  }

  private Outcome done(boolean ok) {
    state = State.DONE;
    return ok ? Outcome.SUCCESS : Outcome.FAILURE;
  }

  /** AuthMoreData: 0x01, then the data. */
  private void moreData(byte[] data) {
    out.begin().writeByte(MORE_DATA).writeBytes(data);
    out.end();
  }

  private static String clearText(byte[] packet) {
    int end = packet.length > 0 && packet[packet.length - 1] == 0 ? packet.length - 1 : packet.length;
    return new String(Arrays.copyOf(packet, end), StandardCharsets.UTF_8);
  }
}
