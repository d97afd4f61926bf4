package io.bop.engine;

import io.bop.engine.errors.SqlError;

/**
 * The data of a COPY statement, which travels as lines in a {@link CopyFormat} rather than as rows: the protocol
 * module encodes and decodes the lines, the engine takes and gives values.
 */
public sealed interface Copy permits Copy.In, Copy.Out {
  CopyFormat format();

  /** The columns the data holds, in order. */
  java.util.List<String> columnNames();

  /** {@code COPY ... FROM STDIN}: the client's rows arrive one by one, in one transaction. */
  non-sealed interface In extends Copy {
    /** Stores one row: one value per column as the format spells it (text), null for NULL. */
    void row(String[] values) throws SqlError;

    /** The client's data ended; the execution's command tag now counts the rows. */
    void end() throws SqlError;
  }

  /** {@code COPY ... TO STDOUT}: the execution's rows ({@link Execution#next()}), each one line of data. */
  non-sealed interface Out extends Copy {}
}
