package io.bop.wire.mysql.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import javax.crypto.Cipher;

/**
 * The RSA key pair with which a client sends its password to caching_sha2_password's full authentication over a
 * connection without TLS: the server gives out the public key, the client encrypts its password XOR the nonce
 * (OAEP padding, as MySQL 8.0.5 and later).
 */
public final class RsaKeys {
  private final KeyPair keys;
  private final byte[] publicKeyPem;

  private RsaKeys(KeyPair keys) {
    this.keys = keys;
    String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(keys.getPublic().getEncoded());
    this.publicKeyPem = ("-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** A new 2048-bit key pair, made when the server starts. */
  public static RsaKeys generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return new RsaKeys(generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make an RSA key pair", e);
    }
  }

  /** The public key in PEM, as clients that ask for it get it. */
  public byte[] publicKeyPem() {
    return publicKeyPem.clone();
  }

  /** The password a client encrypted, or null if it does not decrypt. */
  public String decryptPassword(byte[] encrypted, byte[] nonce) {
    try {
      Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
      cipher.init(Cipher.DECRYPT_MODE, keys.getPrivate());
      byte[] plain = Scrambles.xor(cipher.doFinal(encrypted), nonce);
      int end = plain.length;
      while (end > 0 && plain[end - 1] == 0) {
        end--;
      }
      return new String(plain, 0, end, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      return null;
    }
  }
}
