package dev.sparrow.apis.files;

import dev.sparrow.apis.ApiFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;

/**
 * The local files one session may touch, addressed the way WeChat hands paths to pages (spec
 * files.md §1):
 *
 * <ul>
 *   <li>temp files — {@code <scheme>tmp_<hex>.<ext>}, per session, deleted when it ends;
 *   <li>saved (cache) files — {@code <scheme>store_<hex>.<ext>}, per appid, persistent;
 *   <li>user files — under {@code <scheme>usr/}, per appid, persistent, the only writable area;
 *   <li>package files — {@code /a/b.png} or {@code a/b.png}, read-only, resolved by the host.
 * </ul>
 *
 * {@code <scheme>} is {@code wxfile://} (phones) or {@code http://} (DevTools). Host folders:
 * {@code <appDir>/tmp/<session>/}, {@code <appDir>/store/}, {@code <appDir>/usr/}. Nothing outside
 * them resolves.
 */
public final class FileSandbox implements AutoCloseable {
  /** How local paths start. */
  public enum Scheme {
    WXFILE("wxfile://"),
    HTTP("http://");

    private final String prefix;

    Scheme(String prefix) {
      this.prefix = prefix;
    }

    public String prefix() {
      return prefix;
    }
  }

  /** A local path as the page sees it, and the host file behind it. */
  public record LocalFile(String path, Path file) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Scheme scheme;
  private final Path tempDir;
  private final Path storeDir;
  private final Path userDir;
  private final Function<String, Optional<Path>> packageFiles;

  /**
   * @param appDir the appid's persistent folder
   * @param sessionId names this session's temp folder
   * @param packageFiles resolves a package-relative path to a readable host file, if it exists
   */
  public FileSandbox(Path appDir, String sessionId, Scheme scheme, Function<String, Optional<Path>> packageFiles) {
    this.scheme = scheme;
    this.tempDir = appDir.resolve("tmp").resolve(sessionId);
    this.storeDir = appDir.resolve("store");
    this.userDir = appDir.resolve("usr");
    this.packageFiles = packageFiles;
    try {
      Files.createDirectories(tempDir);
      Files.createDirectories(storeDir);
      Files.createDirectories(userDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Scheme scheme() {
    return scheme;
  }

  /** {@code wx.env.USER_DATA_PATH}. */
  public String userDataPath() {
    return scheme.prefix() + "usr";
  }

  public Path tempDir() {
    return tempDir;
  }

  public Path storeDir() {
    return storeDir;
  }

  public Path userDir() {
    return userDir;
  }

  /** A fresh, empty temp file; {@code extension} without dot ({@code "jpg"}), or empty for none. */
  public LocalFile newTempFile(String extension) {
    String name = "tmp_" + randomHex() + (extension == null || extension.isEmpty() ? "" : "." + extension);
    Path file = tempDir.resolve(name);
    try {
      Files.createFile(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new LocalFile(scheme.prefix() + name, file);
  }

  /** The host file behind a temp, saved, user or package path, for reading; fails as WeChat does. */
  public Path readable(String path) {
    return resolve(path).orElseThrow(() -> ApiFailure.of("no such file or directory " + path, 1300002));
  }

  /** The host file behind a user-data path, for writing; anything else is not writable. */
  public Path writable(String path) {
    String userPrefix = userDataPath();
    if (path == null || !(path.equals(userPrefix) || path.startsWith(userPrefix + "/"))) {
      throw ApiFailure.of("permission denied, open " + path, 1300013);
    }
    return inside(userDir, path.substring(userPrefix.length()))
        .orElseThrow(() -> ApiFailure.of("permission denied, open " + path, 1300013));
  }

  /** Resolves any local path the session may read, or empty. */
  public Optional<Path> resolve(String path) {
    if (path == null || path.isEmpty()) {
      return Optional.empty();
    }
    String p = scheme.prefix();
    if (path.startsWith(p)) {
      String rest = path.substring(p.length());
      if (rest.equals("usr") || rest.startsWith("usr/")) {
        return inside(userDir, rest.substring(3)).filter(Files::exists);
      }
      if (rest.startsWith("tmp_") && rest.indexOf('/') < 0) {
        return inside(tempDir, rest).filter(Files::isRegularFile);
      }
      if (rest.startsWith("store_") && rest.indexOf('/') < 0) {
        return inside(storeDir, rest).filter(Files::isRegularFile);
      }
      return Optional.empty();
    }
    if (path.contains("://")) {
      return Optional.empty();
    }
    return packageFiles.apply(path.startsWith("/") ? path.substring(1) : path);
  }

  /** Deletes this session's temp files. */
  @Override
  public void close() {
    try (var files = Files.list(tempDir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(tempDir);
    } catch (IOException e) {
      // best effort; a leftover temp folder is cleaned with the next one
    }
  }

  /** {@code base}/{@code relative}, normalised, if it stays inside {@code base}. */
  private static Optional<Path> inside(Path base, String relative) {
    String rel = relative.startsWith("/") ? relative.substring(1) : relative;
    Path resolved = base.resolve(rel).normalize();
    return resolved.startsWith(base) ? Optional.of(resolved) : Optional.empty();
  }

  private static String randomHex() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
