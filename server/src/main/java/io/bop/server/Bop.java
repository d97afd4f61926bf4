package io.bop.server;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import sun.misc.Signal;

/** {@code bop server [options]}: runs a node until SIGTERM or Ctrl-C. */
public final class Bop {
  private static final Logger LOG = LoggerFactory.getLogger(Bop.class);

  private Bop() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    CommandSpec server = CommandSpec.create().name("server").mixinStandardHelpOptions(true);
    server.usageMessage().description("Runs a bop node. Every option can also be set as an environment variable "
        + "(shown in brackets) or in the config file under its name without dashes.");
    for (Setting s : Setting.values()) {
      server.addOption(OptionSpec.builder(s.flag()).paramLabel("<value>").type(String.class)
          .description(s.description + " [" + s.env() + (s.defaultValue != null ? ", default " + s.defaultValue : "")
              + "]").build());
    }
    server.addOption(OptionSpec.builder("--config").paramLabel("<file>").type(Path.class)
        .description("config file of 'name = value' lines [BOP_CONFIG]").build());
    CommandSpec bop = CommandSpec.create().name("bop").mixinStandardHelpOptions(true).version("bop 0.1.0");
    bop.usageMessage().description("A distributed SQL database server for PostgreSQL and MySQL clients.");
    bop.addSubcommand("server", server);
    CommandLine commandLine = new CommandLine(bop);
    commandLine.setExecutionStrategy(Bop::execute);
    return commandLine.execute(args);
  }

  private static int execute(ParseResult parsed) {
    Integer helpExit = CommandLine.executeHelpRequest(parsed);
    if (helpExit != null) {
      return helpExit;
    }
    if (!parsed.hasSubcommand()) {
      parsed.commandSpec().commandLine().usage(System.out);
      return 2;
    }
    ParseResult serverArgs = parsed.subcommand();
    Map<Setting, String> flags = new EnumMap<>(Setting.class);
    for (Setting s : Setting.values()) {
      String value = serverArgs.matchedOptionValue(s.flag(), null);
      if (value != null) {
        flags.put(s, value);
      }
    }
    Path config = serverArgs.matchedOptionValue("--config", null);
    if (config == null && System.getenv("BOP_CONFIG") != null) {
      config = Path.of(System.getenv("BOP_CONFIG"));
    }
    try {
      Node node = Node.start(Settings.resolve(flags, System.getenv(), config));
      CountDownLatch stop = new CountDownLatch(1);
      // SIGTERM and Ctrl-C end the server normally (exit status 0), not through the JVM's exit path (143).
      for (String signal : List.of("TERM", "INT")) {
        Signal.handle(new Signal(signal), received -> stop.countDown());
      }
      stop.await();
      LOG.info("shutting down");
      node.close();
      LOG.info("stopped");
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println("bop: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      LOG.error("bop failed to start: {}", e.getMessage(), e);
      return 1;
    }
  }
}
