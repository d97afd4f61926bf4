package io.bop.encryption;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cluster-wide secret every shard key is derived from. Replicas of a shard exchange encrypted pages, so
 * they must derive the same shard key: derivation depends only on the master key and the shard name.
 */
public final class MasterKey {
  public static final int LENGTH = 32;
  private final byte[] key;

  public MasterKey(byte[] key) {
    if (key.length != LENGTH) {
      throw new IllegalArgumentException("a master key has " + LENGTH + " bytes, not " + key.length);
    }
    this.key = key.clone();
  }

  /** HKDF-SHA256 (RFC 5869) with an empty salt and the shard name as context. */
  public byte[] shardKey(String shard) {
    try {
      byte[] prk = hmac(new byte[LENGTH], key);
      byte[] info = ("bop shard key v1\0" + shard).getBytes(StandardCharsets.UTF_8);
      byte[] block = Arrays.copyOf(info, info.length + 1);
      block[info.length] = 1;
      return hmac(prk, block);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data);
  }
}
