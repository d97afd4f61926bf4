package io.bop.engine.exec;

import io.bop.engine.Column;
import io.bop.engine.Execution;
import io.bop.engine.Notice;
import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.types.SqlType;
import java.util.List;

/** CREATE DATABASE and DROP DATABASE (MySQL's CREATE SCHEMA and DROP SCHEMA too): a shard each. */
public final class DatabasePlans {
  private DatabasePlans() {}

  /** A statement without parameters or result rows. */
  private interface Command extends Plan {
    @Override default List<SqlType> parameterTypes() {
      return List.of();
    }

    @Override default List<Column> columns() {
      return null;
    }
  }

  public record Create(String name, boolean ifNotExists) implements Command {
    @Override public Execution execute(Context context, List<SqlType> types, List<Object> parameters) throws SqlError {
      if (ifNotExists && context.admin().databases().contains(name)) {
        context.notice(Notice.notice("database \"" + name + "\" already exists, skipping"));
        return Executions.command("CREATE DATABASE");
      }
      context.admin().createDatabase(name);
      return Executions.command("CREATE DATABASE", 1, 0, java.util.Map.of());
    }
  }

  public record Drop(List<String> names, boolean ifExists) implements Command {
    @Override public Execution execute(Context context, List<SqlType> types, List<Object> parameters) throws SqlError {
      for (String name : names) {
        if (!context.admin().databases().contains(name)) {
          if (ifExists) {
            context.notice(Notice.notice("database \"" + name + "\" does not exist, skipping"));
            continue;
          }
          throw new SqlError(Condition.UNDEFINED_DATABASE, "database \"" + name + "\" does not exist");
        }
        context.admin().dropDatabase(name);
      }
      return Executions.command("DROP DATABASE");
    }
  }
}
