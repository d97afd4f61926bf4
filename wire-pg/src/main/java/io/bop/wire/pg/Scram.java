package io.bop.wire.pg;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server side of one SCRAM-SHA-256 exchange (RFC 5802, RFC 7677) as PostgreSQL runs it: the user name in
 * the client-first message is ignored (the startup packet names the user), and channel binding is not offered,
 * so the GS2 header is {@code n,,} or {@code y,,} (a client that could bind but was not offered it).
 */
final class Scram {
  static final String MECHANISM = "SCRAM-SHA-256";
  static final int ITERATIONS = 4096;

  private final byte[] storedKey;
  private final byte[] serverKey;
  private final String salt;
  private String clientFirstBare;
  private String serverFirst;
  private String gs2Header;
  private String nonce;

  /** Thrown for a malformed exchange; the caller reports it as a protocol violation. */
  static final class ScramException extends Exception {
    ScramException(String message) {
      super(message);
    }
  }

  /** Secrets derived once per account: {@code StoredKey} and {@code ServerKey} for a given salt. */
  record Secrets(byte[] salt, byte[] storedKey, byte[] serverKey) {
    static Secrets derive(String password) {
      byte[] salt = new byte[16];
      new SecureRandom().nextBytes(salt);
      try {
        byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
            .generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256)).getEncoded();
        byte[] clientKey = hmac(salted, "Client Key");
        return new Secrets(salt, MessageDigest.getInstance("SHA-256").digest(clientKey), hmac(salted, "Server Key"));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  Scram(Secrets secrets) {
    this.storedKey = secrets.storedKey();
    this.serverKey = secrets.serverKey();
    this.salt = Base64.getEncoder().encodeToString(secrets.salt());
  }

  /** Reads the client-first message and returns the server-first message. */
  String clientFirst(String message) throws ScramException {
    int first = message.indexOf(',');
    int second = first < 0 ? -1 : message.indexOf(',', first + 1);
    if (second < 0) {
      throw new ScramException("malformed SCRAM message");
    }
    String cbind = message.substring(0, first);
    if (!cbind.equals("n") && !cbind.equals("y")) {
      throw new ScramException(cbind.startsWith("p=")
          ? "channel binding was requested but the server did not offer SCRAM-SHA-256-PLUS"
          : "malformed SCRAM message: unexpected channel-binding flag");
    }
    gs2Header = message.substring(0, second + 1);
    clientFirstBare = message.substring(second + 1);
    String clientNonce = attribute(clientFirstBare, 'r');
    if (clientNonce == null || clientNonce.isEmpty()) {
      throw new ScramException("malformed SCRAM message: missing nonce");
    }
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    nonce = clientNonce + Base64.getEncoder().encodeToString(random);
    serverFirst = "r=" + nonce + ",s=" + salt + ",i=" + ITERATIONS;
    return serverFirst;
  }

  /**
   * Checks the client-final message.
   *
   * @return the server-final message, or null if the proof is wrong (a wrong password)
   */
  String clientFinal(String message) throws ScramException {
    int proofAt = message.lastIndexOf(",p=");
    if (proofAt < 0) {
      throw new ScramException("malformed SCRAM message: missing proof");
    }
    String withoutProof = message.substring(0, proofAt);
    String binding = attribute(withoutProof, 'c');
    String finalNonce = attribute(withoutProof, 'r');
    if (binding == null
        || !binding.equals(Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8)))) {
      throw new ScramException("SCRAM channel binding check failed");
    }
    if (!nonce.equals(finalNonce)) {
      throw new ScramException("SCRAM nonce mismatch");
    }
    byte[] proof;
    try {
      proof = Base64.getDecoder().decode(message.substring(proofAt + 3));
    } catch (IllegalArgumentException e) {
      throw new ScramException("malformed SCRAM message: invalid proof");
    }
    String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
    byte[] clientSignature = hmac(storedKey, authMessage);
    if (proof.length != clientSignature.length) {
      return null;
    }
    byte[] clientKey = new byte[proof.length];
    for (int i = 0; i < proof.length; i++) {
      clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
    }
    try {
      if (!MessageDigest.isEqual(MessageDigest.getInstance("SHA-256").digest(clientKey), storedKey)) {
        return null;
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    return "v=" + Base64.getEncoder().encodeToString(hmac(serverKey, authMessage));
  }

  private static String attribute(String message, char name) {
    for (String part : message.split(",")) {
      if (part.length() >= 2 && part.charAt(0) == name && part.charAt(1) == '=') {
        return part.substring(2);
      }
    }
    return null;
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
