package io.bop.wire.mysql.auth;

/** The authentication methods bop offers MySQL clients; the server requires the one it is configured with. */
public enum AuthPlugin {
  /** MySQL 8's default: SHA-256 scrambles, a cache for the fast path, TLS or RSA for the full one. */
  CACHING_SHA2_PASSWORD("caching_sha2_password"),
  /** MySQL 5's: SHA-1 scrambles; the default of MariaDB. */
  MYSQL_NATIVE_PASSWORD("mysql_native_password");

  /** The plugin's name in the protocol. */
  public final String protocolName;

  AuthPlugin(String protocolName) {
    this.protocolName = protocolName;
  }

  public static AuthPlugin byName(String name) {
    for (AuthPlugin p : values()) {
      if (p.protocolName.equalsIgnoreCase(name)) {
        return p;
      }
    }
    return null;
  }
}
