package io.bop.engine.exec;

import io.bop.engine.Column;
import io.bop.engine.Copy;
import io.bop.engine.CopyFormat;
import io.bop.engine.Execution;
import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.types.SqlType;
import io.bop.engine.types.Values;
import java.util.Arrays;
import java.util.List;

/**
 * {@code COPY table FROM STDIN}: each row the client sends is stored as it arrives by a one-row INSERT, so a load
 * of any size needs memory for one row; the rows commit together with the statement's transaction.
 *
 * @param table the table, for error context
 * @param names the columns each row fills
 * @param types their declared types
 * @param insert {@code INSERT INTO table (columns) VALUES ($1, ...)}
 */
public record CopyInPlan(String table, List<String> names, List<SqlType> types, CopyFormat format,
    SqlitePlan insert) implements Plan {

  @Override public List<SqlType> parameterTypes() {
    return List.of();
  }

  /** COPY returns no rows (Describe answers NoData); its data travels in {@link Copy}. */
  @Override public List<Column> columns() {
    return null;
  }

  @Override public Execution execute(Context context, List<SqlType> parameterTypes, List<Object> parameters) {
    return new Receiving(context);
  }

  private final class Receiving implements Execution, Copy.In {
    private final Context context;
    private long rows;

    Receiving(Context context) {
      this.context = context;
    }

    @Override public void row(String[] values) throws SqlError {
      context.checkCancelled();
      long line = rows + 1 + (format.header() ? 1 : 0);
      if (values.length != names.size()) {
        String message = values.length < names.size()
            ? "missing data for column \"" + names.get(values.length) + "\""
            : "extra data after last expected column";
        throw new SqlError(Condition.BAD_COPY_FILE_FORMAT, message).in("COPY " + table + ", line " + line + ": \""
            + String.join(String.valueOf(format.delimiter()), Arrays.stream(values)
            .map(v -> v == null ? format.nullText() : v).toList()) + "\"");
      }
      Object[] parsed = new Object[values.length];
      for (int i = 0; i < values.length; i++) {
        if (values[i] != null) {
          try {
            parsed[i] = Values.parse(types.get(i), values[i], context.zone());
          } catch (SqlError e) {
            throw e.in("COPY " + table + ", line " + line + ", column " + names.get(i) + ": \"" + values[i] + "\"");
          }
        }
      }
      try {
        insert.execute(context, types, Arrays.asList(parsed)).close();
      } catch (SqlError e) {
        throw e.in("COPY " + table + ", line " + line);
      }
      rows++;
    }

    @Override public void end() {}

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
      return null;
    }

    @Override public Object[] next() {
      return null;
    }

    @Override public String commandTag() {
      return "COPY " + rows;
    }

    @Override public long rowCount() {
      return rows;
    }

    @Override public void close() {}
  }
}
