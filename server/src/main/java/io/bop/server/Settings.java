package io.bop.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/** The resolved value of every {@link Setting}, with where it came from. */
final class Settings {
  private final Map<Setting, String> values = new EnumMap<>(Setting.class);
  private final Map<Setting, String> origins = new EnumMap<>(Setting.class);

  /**
   * @param flags values given on the command line
   * @param env the process environment
   * @param configFile a properties file ({@code pg-port = 5433}), or null
   */
  static Settings resolve(Map<Setting, String> flags, Map<String, String> env, Path configFile) throws IOException {
    Properties file = new Properties();
    if (configFile != null) {
      try (Reader in = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
        file.load(in);
      }
      for (String key : file.stringPropertyNames()) {
        if (java.util.Arrays.stream(Setting.values()).noneMatch(s -> s.name.equals(key))) {
          throw new IllegalArgumentException("unknown setting '" + key + "' in " + configFile);
        }
      }
    }
    Settings settings = new Settings();
    for (Setting s : Setting.values()) {
      if (flags.get(s) != null) {
        settings.put(s, flags.get(s), "flag " + s.flag());
      } else if (env.get(s.env()) != null) {
        settings.put(s, env.get(s.env()), "environment " + s.env());
      } else if (file.getProperty(s.name) != null) {
        settings.put(s, file.getProperty(s.name).strip(), "config file");
      } else if (s.defaultValue != null) {
        settings.put(s, s.defaultValue, "default");
      }
    }
    return settings;
  }

  private void put(Setting s, String value, String origin) {
    values.put(s, value);
    origins.put(s, origin);
  }

  String get(Setting s) {
    return values.get(s);
  }

  boolean isDefault(Setting s) {
    return "default".equals(origins.get(s));
  }

  int integer(Setting s) {
    try {
      return Integer.parseInt(get(s));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(s.name + " must be a number, not '" + get(s) + "' (" + origins.get(s) + ")");
    }
  }

  String origin(Setting s) {
    return origins.get(s);
  }
}
