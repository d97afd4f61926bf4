package io.bop.engine;

/** A message for the client that is not an error (PostgreSQL NoticeResponse, MySQL warning). */
public record Notice(String severity, String sqlState, String message) {
  public static Notice notice(String message) {
    return new Notice("NOTICE", "00000", message);
  }

  public static Notice warning(String sqlState, String message) {
    return new Notice("WARNING", sqlState, message);
  }
}
