/**
 * The MySQL client/server protocol on Netty: handshake v10, TLS upgrade, native and caching_sha2 password
 * authentication, COM_QUERY and the COM_STMT binary protocol. It decodes packets into calls on an engine
 * session and encodes results; it knows no SQL.
 */
package io.bop.wire.mysql;
