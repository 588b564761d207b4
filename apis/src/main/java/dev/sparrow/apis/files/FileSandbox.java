package dev.sparrow.apis.files;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.files.internal.HostNames;
import dev.sparrow.apis.files.internal.Ledger;
import dev.sparrow.apis.files.internal.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local files one session may touch, addressed the way WeChat hands paths to pages (spec
 * files.md §1; the path rules are {@link PathRules}):
 *
 * <ul>
 *   <li>temp files — {@code wxfile://tmp_<hex>.<ext>}, per session, deleted when it ends;
 *   <li>saved (cache) files — {@code wxfile://store_<hex>.<ext>}, per appid, persistent;
 *   <li>user files — under {@code wxfile://usr/} ({@code wx.env.USER_DATA_PATH}), per appid,
 *       persistent, the only writable area;
 *   <li>package files — {@code /a/b.png} or {@code a/b.png}, read-only, resolved by the host.
 * </ul>
 *
 * With the DevTools scheme the forms are {@code http://tmp/…}, {@code http://store/…}, {@code
 * http://usr/…}. Host folders: {@code <appDir>/tmp/<session>/} (files {@code tmp_<name>}), {@code
 * <appDir>/store/}, {@code <appDir>/usr/}; names on disk are {@linkplain HostNames encoded}. Nothing outside them resolves:
 * {@code ..} above an area, other schemes, NUL or backslash, and symbolic links whose target lies
 * outside the area all name nothing; over-long names fail with {@code File name too long}.
 *
 * <p>Saved and user files share the appid's {@link #quota()}. Code that writes into the user-data
 * folder for a page use {@link FileOps#moveIn} (a finished file) or {@link IncomingFile} (a
 * stream: {@code downloadFile} with {@code filePath}) so the quota sees it.
 */
public final class FileSandbox implements AutoCloseable {
  /** How local paths start. */
  public enum Scheme {
    /** {@code wxfile://} — the phone form (default). */
    WXFILE("wxfile://"),
    /** {@code http://} — the DevTools form. */
    HTTP("http://");

    private final String prefix;

    Scheme(String prefix) {
      this.prefix = prefix;
    }

    public String prefix() {
      return prefix;
    }
  }

  /**
   * Storage limits: {@code quotaBytes} for saved and user files together, {@code maxFileBytes} for
   * one file (spec files.md §1.1).
   */
  public record Limits(long quotaBytes, long maxFileBytes) {
    /** 10 MB total (the {@code wx.saveFile} page), 100 MB per file (errno 1300202's note). */
    public static final Limits DEFAULT = new Limits(10L * 1024 * 1024, 100L * 1024 * 1024);

    public Limits {
      if (quotaBytes < 0 || maxFileBytes < 0) {
        throw new IllegalArgumentException("limits must not be negative");
      }
    }
  }

  /** A local path as the page sees it, and the host file behind it. */
  public record LocalFile(String path, Path file) {}

  /** Temp files are {@code tmp_<name>} on disk, as in their {@code wxfile://tmp_<name>} path. */
  private static final String TEMP_PREFIX = "tmp_";
  private static final Pattern SESSION_DIR = Pattern.compile("session-(\\d+)-\\d+");

  private final Scheme scheme;
  private final Path tempDir;
  private final Path storeDir;
  private final Path userDir;
  private final Function<String, Optional<Path>> packageFiles;
  private final Ledger ledger;
  private final FileQuota quota;
  private volatile boolean closed;

  /**
   * A sandbox with the default {@link Limits}.
   *
   * @param appDir the appid's persistent folder
   * @param sessionId names this session's temp folder
   * @param packageFiles resolves a package-relative path to a readable host file, if it exists
   */
  public FileSandbox(Path appDir, String sessionId, Scheme scheme, Function<String, Optional<Path>> packageFiles) {
    this(appDir, sessionId, scheme, packageFiles, Limits.DEFAULT);
  }

  public FileSandbox(Path appDir, String sessionId, Scheme scheme, Function<String, Optional<Path>> packageFiles, Limits limits) {
    this.scheme = scheme;
    Path app = appDir.toAbsolutePath().normalize();
    this.tempDir = app.resolve("tmp").resolve(sessionId);
    this.storeDir = app.resolve("store");
    this.userDir = app.resolve("usr");
    this.packageFiles = packageFiles;
    try {
      Files.createDirectories(tempDir);
      Files.createDirectories(storeDir);
      Files.createDirectories(userDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    removeDeadSessionsTemp(app.resolve("tmp"));
    this.ledger = Ledger.acquire(app, List.of(storeDir, userDir));
    this.quota = new FileQuota(ledger, limits);
  }

  public Scheme scheme() {
    return scheme;
  }

  /** {@code wx.env.USER_DATA_PATH}. */
  public String userDataPath() {
    return PathRules.prefix(scheme, LocalPath.Area.USER);
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

  /** The appid's storage limit, shared with other sessions of the appid in this JVM. */
  public FileQuota quota() {
    return quota;
  }

  /** A fresh, empty temp file; {@code extension} without dot ({@code "jpg"}), or empty for none. */
  public LocalFile newTempFile(String extension) {
    String name = randomName(extension);
    Path file = tempDir.resolve(TEMP_PREFIX + name);
    try {
      Files.createFile(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new LocalFile(PathRules.format(scheme, LocalPath.Area.TEMP, name), file);
  }

  /**
   * Parses a page's path. Empty when it names nothing the mini program can reach.
   *
   * @throws ApiFailure {@code File name too long}
   */
  public Optional<LocalPath> parse(String path) {
    return PathRules.parse(scheme, path);
  }

  /** The local path of {@code relative} in {@code area} (for results such as {@code savedFilePath}). */
  public String pathOf(LocalPath.Area area, String relative) {
    return PathRules.format(scheme, area, relative);
  }

  /**
   * The host path behind {@code local}, whether or not it exists, if it stays in its area once
   * symbolic links are followed (temp and saved names are one segment in their folder; callers
   * check them with {@code NOFOLLOW_LINKS}). Package paths resolve only to existing files.
   *
   * @throws ApiFailure {@code File name too long} when a name has no host form short enough
   */
  public Optional<Path> hostPath(LocalPath local) {
    try {
      return switch (local.area()) {
        // one segment straight under the area folder; a symbolic link there is not a regular file
        // to the NOFOLLOW checks every caller makes, so no link is followed out
        case TEMP -> Optional.of(tempDir.resolve(TEMP_PREFIX + HostNames.encode(local.relative())));
        case STORE -> Optional.of(storeDir.resolve(HostNames.encode(local.relative())));
        case USER -> confined(userDir, userFile(local.relative()));
        case PACKAGE -> packageFiles.apply(local.relative());
      };
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** The local path of a host file inside the user-data folder (for {@code readdir}, recursive {@code stat}). */
  public String userPathOf(Path hostFile) {
    Path rel = userDir.relativize(hostFile);
    StringBuilder out = new StringBuilder();
    for (Path seg : rel) {
      if (!seg.toString().isEmpty()) {
        out.append(out.length() == 0 ? "" : "/").append(HostNames.decode(seg.toString()));
      }
    }
    return pathOf(LocalPath.Area.USER, out.toString());
  }

  /** The host file behind a temp, saved, user or package path, for reading; fails as WeChat does. */
  public Path readable(String path) {
    return resolve(path).orElseThrow(() -> FileErrors.noSuchFile(path));
  }

  /** The host file behind a user-data path, for writing; anything else is not writable. */
  public Path writable(String path) {
    Optional<LocalPath> local = parse(path);
    if (local.isEmpty() || local.get().area() != LocalPath.Area.USER) {
      throw FileErrors.permissionDenied(path);
    }
    return hostPath(local.get()).orElseThrow(() -> FileErrors.permissionDenied(path));
  }

  /**
   * Resolves any local path the session may read to an existing host file (or, for user paths, a
   * directory), or empty.
   */
  public Optional<Path> resolve(String path) {
    try {
      return parse(path).flatMap(l -> hostPath(l).filter(p -> switch (l.area()) {
        case USER -> Files.exists(p, LinkOption.NOFOLLOW_LINKS);
        case TEMP, STORE -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
        case PACKAGE -> Files.isRegularFile(p);
      }));
    } catch (ApiFailure tooLong) {
      return Optional.empty();
    }
  }

  /** Saved (store) file names, as host paths; hidden partial files are skipped. */
  public DirectoryStream<Path> storeFiles() throws IOException {
    return Files.newDirectoryStream(storeDir, p -> !p.getFileName().toString().startsWith("."));
  }

  /** The local path of a host file in the store. */
  public String storePathOf(Path hostFile) {
    return pathOf(LocalPath.Area.STORE, HostNames.decode(hostFile.getFileName().toString()));
  }

  public boolean isClosed() {
    return closed;
  }

  /** Deletes this session's temp files and releases the appid's ledger. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    deleteTree(tempDir);
    ledger.release();
  }

  private Path userFile(String relative) {
    Path p = userDir;
    if (!relative.isEmpty()) {
      for (String seg : relative.split("/")) {
        p = p.resolve(HostNames.encode(seg));
      }
    }
    return p;
  }

  /**
   * {@code file} if it lies under {@code root} after following links: the deepest existing
   * ancestor (or the file itself) must resolve inside {@code root}'s real path.
   */
  private static Optional<Path> confined(Path root, Path file) {
    Path normal = file.normalize();
    if (!normal.startsWith(root)) {
      return Optional.empty();
    }
    try {
      Path realRoot = root.toRealPath();
      Path probe = normal;
      while (probe != null && !Files.exists(probe, LinkOption.NOFOLLOW_LINKS)) {
        probe = probe.getParent();
      }
      if (probe == null) {
        return Optional.empty();
      }
      if (Files.isSymbolicLink(probe) && !Files.exists(probe)) {
        return Optional.empty();
      }
      return probe.toRealPath().startsWith(realRoot) ? Optional.of(normal) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Temp folders of sessions whose JVM is gone (a crash) are deleted with the next session. */
  private static void removeDeadSessionsTemp(Path tmpRoot) {
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmpRoot)) {
      for (Path dir : dirs) {
        Matcher m = SESSION_DIR.matcher(dir.getFileName().toString());
        if (m.matches()) {
          long pid = Long.parseLong(m.group(1));
          if (pid != self && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            deleteTree(dir);
          }
        }
      }
    } catch (IOException | NumberFormatException e) {
      // best effort
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Trees.deleteTree(root, false);
    } catch (IOException e) {
      // best effort: a leftover is removed with the next session of the appid
    }
  }

  /** {@code <32 hex>.<ext>}; the extension keeps letters and digits only (at most 16). */
  static String randomName(String extension) {
    return randomHex(16) + extension(extension);
  }

  /**
   * A saved file's name: 32 hex digits like a temp file's, of which the last 10 are its createTime
   * in seconds, so the time arrives with the file in one rename and listing needs no extra
   * attribute. Read back by {@link #createTimeOf}.
   */
  static String storeName(String extension, long createTimeSeconds) {
    String seconds = Long.toHexString((createTimeSeconds & 0xff_ffff_ffffL) | (1L << 40)).substring(1);
    return randomHex(11) + seconds + extension(extension);
  }

  /** The createTime a {@link #storeName} carries, if the name is one. */
  static OptionalLong createTimeOf(String storeName) {
    int dot = storeName.indexOf('.');
    String hex = dot < 0 ? storeName : storeName.substring(0, dot);
    if (hex.length() != 32 || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(hex.substring(22), 16));
  }

  private static String extension(String extension) {
    String ext = extension == null ? "" : extension.replaceAll("[^A-Za-z0-9]", "");
    return ext.isEmpty() ? "" : "." + (ext.length() > 16 ? ext.substring(0, 16) : ext);
  }

  /**
   * Random hex digits. Names only need to be unique (each session's temp folder and the appid's
   * store are private to it), so a fast generator will do; 88+ random bits make clashes moot.
   */
  private static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
