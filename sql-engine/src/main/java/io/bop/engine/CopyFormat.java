package io.bop.engine;

import java.util.Set;

/**
 * How the data of a COPY is written: PostgreSQL's text or CSV format, with the options the statement gave.
 *
 * @param csv CSV rather than PostgreSQL's text format
 * @param delimiter the character between fields
 * @param nullText how NULL is written
 * @param quote the character CSV quotes values with
 * @param escape the character that escapes a quote inside a quoted CSV value
 * @param header whether the first line names the columns (skipped when reading)
 * @param forceQuote columns (0-based) whose values are quoted even where CSV does not need it (COPY TO)
 * @param forceNotNull columns in which nothing reads as NULL (CSV, COPY FROM)
 * @param forceNull columns in which a quoted value equal to {@code nullText} reads as NULL too (CSV, COPY FROM)
 */
public record CopyFormat(boolean csv, char delimiter, String nullText, char quote, char escape, boolean header,
    Set<Integer> forceQuote, Set<Integer> forceNotNull, Set<Integer> forceNull) {}
