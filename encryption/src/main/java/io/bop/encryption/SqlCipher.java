package io.bop.encryption;

import java.util.Properties;
import org.sqlite.mc.SQLiteMCSqlCipherConfig;

/**
 * SQLite connection settings for the SQLCipher 4 scheme of SQLite3MultipleCiphers. The shard key is passed as a
 * raw key, so opening a connection costs no key derivation; page 1 still carries SQLCipher's random salt.
 */
public final class SqlCipher {
  private SqlCipher() {}

  /** Connection properties for the willena sqlite-jdbc driver; callers add their own pragmas. */
  public static Properties connectionProperties(byte[] shardKey) {
    if (shardKey.length != 32) {
      throw new IllegalArgumentException("a SQLCipher raw key has 32 bytes");
    }
    return SQLiteMCSqlCipherConfig.getV4Defaults().withRawUnsaltedKey(shardKey).build().toProperties();
  }
}
