package io.bop.server;

import java.util.Locale;

/**
 * Every setting has one name, used three ways: {@code --pg-port} as a flag, {@code BOP_PG_PORT} in the
 * environment, {@code pg-port} in the config file. Flags win over the environment, which wins over the file.
 */
enum Setting {
  DATA_DIR("data-dir", "data", "folder for databases, keys and certificates"),
  PG_PORT("pg-port", "5432", "PostgreSQL protocol port (0 picks a free one)"),
  MYSQL_PORT("mysql-port", "3306", "MySQL protocol port (0 picks a free one)"),
  BIND("bind", "127.0.0.1", "address to listen on; a non-loopback address needs a real password and key"),
  USER("user", "bop", "the user clients log in as"),
  PASSWORD("password", "bop", "that user's password"),
  DATABASE("database", "bop", "the database created at first start"),
  KEY("key", null, "master key: 64 hex digits, base64 of 32 bytes, or a passphrase (prefer key-file)"),
  KEY_FILE("key-file", null, "file holding the master key"),
  KEY_COMMAND("key-command", null, "command that prints the master key"),
  TLS_CERT("tls-cert", null, "PEM certificate chain for TLS (default: self-signed, generated in the data folder)"),
  TLS_KEY("tls-key", null, "PEM private key for TLS"),
  PG_AUTH("pg-auth", "scram-sha-256", "PostgreSQL authentication: scram-sha-256, md5, or password (TLS only)"),
  MYSQL_AUTH("mysql-auth", "caching_sha2_password",
      "MySQL authentication: caching_sha2_password or mysql_native_password"),
  READERS("readers", "8", "reader connections per database"),
  CACHE_MB("cache-mb", "64", "SQLite page cache per connection, in MiB"),
  LOCK_TIMEOUT("lock-timeout", "30", "seconds a write waits for another transaction's write");

  final String name;
  final String defaultValue;
  final String description;

  Setting(String name, String defaultValue, String description) {
    this.name = name;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  String flag() {
    return "--" + name;
  }

  String env() {
    return "BOP_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
  }
}
