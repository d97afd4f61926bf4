/**
 * Keys and TLS material. A {@link io.bop.encryption.MasterKey} comes from a {@link io.bop.encryption.KeySource}
 * (environment, file, command, or a generated file for the embedded default); every shard gets its own key
 * derived from it, and {@link io.bop.encryption.SqlCipher} turns a shard key into SQLite connection settings
 * for the SQLCipher scheme. {@link io.bop.encryption.TlsMaterial} supplies the server certificate.
 */
package io.bop.encryption;
