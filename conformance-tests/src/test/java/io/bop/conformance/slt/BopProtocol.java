package io.bop.conformance.slt;

import io.bop.conformance.BopNode;
import java.util.function.Function;

/**
 * A protocol bop serves, by the engine label the corpus uses for its native database, and its JDBC URL. The URLs
 * set a socket timeout (60 s): a server that stops answering, even during the connection's setup, fails the
 * records left instead of hanging the build.
 */
enum BopProtocol {
  POSTGRESQL("postgresql", node -> node.jdbcUrl("socketTimeout=60")),
  MYSQL("mysql", node -> node.mysqlUrl("mysql", "socketTimeout=60000&sslMode=DISABLED&allowPublicKeyRetrieval=true"));

  final String label;
  final Function<BopNode, String> jdbcUrl;

  BopProtocol(String label, Function<BopNode, String> jdbcUrl) {
    this.label = label;
    this.jdbcUrl = jdbcUrl;
  }

  @Override public String toString() {
    return label;
  }
}
