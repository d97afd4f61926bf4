package io.bop.wire.mysql.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** The challenge–response computations of mysql_native_password and caching_sha2_password. */
public final class Scrambles {
  private Scrambles() {}

  /** The length of the nonce the server sends. */
  public static final int NONCE_LENGTH = 20;

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * A fresh nonce: printable bytes without NUL (the handshake carries it NUL-terminated) nor {@code $}, as
   * MySQL's own.
   */
  public static byte[] nonce() {
    byte[] nonce = new byte[NONCE_LENGTH];
    for (int i = 0; i < nonce.length; i++) {
      nonce[i] = (byte) (RANDOM.nextInt(0x7F - 0x21) + 0x21);
      if (nonce[i] == '$') {
        nonce[i] = '%';
      }
    }
    return nonce;
  }

  /** mysql_native_password: SHA1(password) XOR SHA1(nonce + SHA1(SHA1(password))). */
  public static byte[] nativePassword(String password, byte[] nonce) {
    byte[] stage1 = digest("SHA-1", password.getBytes(StandardCharsets.UTF_8));
    byte[] stage2 = digest("SHA-1", stage1);
    return xor(stage1, digest("SHA-1", nonce, stage2));
  }

  /** caching_sha2_password's fast path: SHA256(password) XOR SHA256(SHA256(SHA256(password)) + nonce). */
  public static byte[] cachingSha2(String password, byte[] nonce) {
    byte[] stage1 = digest("SHA-256", password.getBytes(StandardCharsets.UTF_8));
    byte[] stage2 = digest("SHA-256", stage1);
    return xor(stage1, digest("SHA-256", stage2, nonce));
  }

  /** Whether a client's scramble matches the expected one, in time independent of where they differ. */
  public static boolean matches(byte[] expected, byte[] response) {
    return MessageDigest.isEqual(expected, response);
  }

  static byte[] digest(String algorithm, byte[]... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance(algorithm);
      for (byte[] part : parts) {
        md.update(part);
      }
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] xor(byte[] a, byte[] b) {
    byte[] out = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (byte) (a[i] ^ b[i % b.length]);
    }
    return out;
  }
}
