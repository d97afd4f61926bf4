package io.bop.engine.exec;

import io.bop.engine.Column;
import io.bop.engine.Copy;
import io.bop.engine.CopyFormat;
import io.bop.engine.Execution;
import io.bop.engine.Notice;
import io.bop.engine.errors.SqlError;
import io.bop.engine.types.SqlType;
import java.util.List;

/**
 * {@code COPY {table | (query)} TO STDOUT}: the query's rows, streamed, each written by the protocol module as one
 * line of data.
 *
 * @param query what is copied
 * @param names the column names a header line shows
 */
public record CopyOutPlan(SqlitePlan query, CopyFormat format, List<String> names) implements Plan {

  @Override public List<SqlType> parameterTypes() {
    return query.parameterTypes();
  }

  /** COPY returns no rows (Describe answers NoData); its data travels in {@link Copy}. */
  @Override public List<Column> columns() {
    return null;
  }

  @Override public Execution execute(Context context, List<SqlType> types, List<Object> parameters) throws SqlError {
    return new Sending(query.execute(context, types, parameters));
  }

  private final class Sending implements Execution, Copy.Out {
    private final Execution rows;

    Sending(Execution rows) {
      this.rows = rows;
    }

    @Override public CopyFormat format() {
      return format;
    }

    @Override public List<String> columnNames() {
      return names;
    }

    @Override public Copy copy() {
      return this;
    }

    @Override public List<Column> columns() {
      return rows.columns();
    }

    @Override public Object[] next() throws SqlError {
      return rows.next();
    }

    @Override public String commandTag() {
      return "COPY " + rows.rowCount();
    }

    @Override public long rowCount() {
      return rows.rowCount();
    }

    @Override public List<Notice> notices() {
      return rows.notices();
    }

    @Override public void close() {
      rows.close();
    }
  }
}
