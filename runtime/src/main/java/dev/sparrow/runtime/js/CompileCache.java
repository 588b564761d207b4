package dev.sparrow.runtime.js;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Compiled output on disk, per user and outside any project: one file per SHA-256 of the compiler's version, the
 * kind of compile and the source text, so an unchanged file is never compiled twice, whichever project or path it
 * has. A folder that cannot be written only makes every compile a miss; entries are written whole (a partial file
 * renamed into place) and never change.
 */
public final class CompileCache {
  private final Path dir;

  /** A cache in {@code dir}; {@code null} caches nothing. */
  public CompileCache(Path dir) {
    this.dir = dir;
  }

  /** The user's cache folder, {@code ~/.sparrow/cache/compiled}: every project and command of the user shares it. */
  public static Path userDir() {
    return Path.of(System.getProperty("user.home"), ".sparrow", "cache", "compiled");
  }

  /** No cache: every compile runs. */
  public static CompileCache none() {
    return new CompileCache(null);
  }

  /** The cached output for ({@code version}, {@code kind}, {@code text}), else {@code compile}'s, then stored. */
  public String get(String version, String kind, String text, Supplier<String> compile) {
    if (dir == null) {
      return compile.get();
    }
    Optional<String> hit = peek(version, kind, text);
    if (hit.isPresent()) {
      return hit.get();
    }
    String out = compile.get();
    put(version, kind, text, out);
    return out;
  }

  /** The cached output for ({@code version}, {@code kind}, {@code text}), if there is one. */
  public Optional<String> peek(String version, String kind, String text) {
    return dir == null ? Optional.empty() : read(fileOf(version, kind, text));
  }

  /** Stores {@code out} as the output for ({@code version}, {@code kind}, {@code text}). */
  public void put(String version, String kind, String text, String out) {
    if (dir != null) {
      write(fileOf(version, kind, text), out);
    }
  }

  private Path fileOf(String version, String kind, String text) {
    String key = sha256(version + "\n" + kind + "\n" + text);
    return dir.resolve(key.substring(0, 2)).resolve(key + ".out");
  }

  private static Optional<String> read(Path file) {
    try {
      return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Path part = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
      try {
        Files.writeString(part, text, StandardCharsets.UTF_8);
        Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(part);
      }
    } catch (IOException e) {
      // a cache that cannot be written is no cache: the next launch compiles again
    }
  }

  /** The SHA-256 of {@code text}'s UTF-8, in hex. */
  public static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
