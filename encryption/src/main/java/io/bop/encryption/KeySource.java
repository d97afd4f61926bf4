package io.bop.encryption;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the master key comes from. A key text is 64 hex digits or the base64 of 32 bytes; any other text is a
 * passphrase, stretched with PBKDF2 so that a short secret still yields a full-strength key.
 */
public interface KeySource {
  MasterKey load() throws IOException;

  /** A short description for the startup log; never the key. */
  String describe();

  static KeySource of(String text, String origin) {
    return new KeySource() {
      @Override public MasterKey load() {
        return parse(text, origin);
      }

      @Override public String describe() {
        return origin;
      }
    };
  }

  static KeySource file(Path file) {
    return new KeySource() {
      @Override public MasterKey load() throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
          Log.LOG.warn("key file {} is readable by other users; chmod 600 it", file);
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8), "key file " + file);
      }

      @Override public String describe() {
        return "key file " + file;
      }
    };
  }

  /** Runs {@code sh -c command} and reads the key from its standard output (a KMS or vault client, say). */
  static KeySource command(String command) {
    return new KeySource() {
      @Override public MasterKey load() throws IOException {
        Process process = new ProcessBuilder("sh", "-c", command)
            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out;
        try (InputStream in = process.getInputStream()) {
          out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
          if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("key command did not finish within 60 s: " + command);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while running the key command", e);
        }
        if (process.exitValue() != 0) {
          throw new IOException("key command exited with " + process.exitValue() + ": " + command);
        }
        return parse(out, "key command");
      }

      @Override public String describe() {
        return "key command";
      }
    };
  }

  /**
   * The embedded default: a random key kept in a file created with mode 0600. It protects against a copied
   * data folder only if the key file is kept elsewhere, which is why the server warns when it uses it.
   */
  static KeySource generatedFile(Path file) {
    return new KeySource() {
      @Override public MasterKey load() throws IOException {
        if (!Files.exists(file)) {
          byte[] key = new byte[MasterKey.LENGTH];
          new SecureRandom().nextBytes(key);
          Files.createDirectories(file.toAbsolutePath().getParent());
          try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, HexFormat.of().formatHex(key) + "\n", StandardOpenOption.TRUNCATE_EXISTING);
          } catch (FileAlreadyExistsException raced) {
            // another process created it first; read theirs
          }
        }
        return file(file).load();
      }

      @Override public String describe() {
        return "generated key file " + file;
      }
    };
  }

  static MasterKey parse(String text, String origin) {
    String t = text.strip();
    if (t.isEmpty()) {
      throw new IllegalArgumentException(origin + " is empty");
    }
    if (t.length() == 2 * MasterKey.LENGTH && t.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      return new MasterKey(HexFormat.of().parseHex(t));
    }
    try {
      byte[] decoded = Base64.getDecoder().decode(t);
      if (decoded.length == MasterKey.LENGTH) {
        return new MasterKey(decoded);
      }
    } catch (IllegalArgumentException notBase64) {
      // a passphrase
    }
    if (t.length() < 12) {
      throw new IllegalArgumentException(origin + " is too short: use at least 12 characters, or 64 hex digits");
    }
    try {
      PBEKeySpec spec = new PBEKeySpec(t.toCharArray(), "bop master key v1".getBytes(StandardCharsets.UTF_8),
          310_000, MasterKey.LENGTH * 8);
      return new MasterKey(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
    }
  }

  /** Holder for the interface's logger. */
  final class Log {
    static final Logger LOG = LoggerFactory.getLogger(KeySource.class);

    private Log() {}
  }
}
