package dev.sparrow.apis.files;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.device.Clock;
import dev.sparrow.apis.files.internal.HostNames;
import dev.sparrow.apis.files.internal.Moves;
import dev.sparrow.apis.files.internal.Trees;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The FileSystemManager operations (spec files.md §8) on one session's {@link FileSandbox}: reads
 * anywhere the mini program may read (temp, saved, user and package files), writes only under
 * {@code USER_DATA_PATH}. Every write is atomic (a partial sibling renamed into place), holds the
 * appid's lock and is charged to its {@link FileQuota}. Failures are WeChat's ({@link FileErrors}).
 */
public final class FileOps {
  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

  private final FileSandbox sandbox;
  private final FileQuota quota;
  private final Clock clock;

  public FileOps(FileSandbox sandbox, Clock clock) {
    this.sandbox = sandbox;
    this.quota = sandbox.quota();
    this.clock = clock;
  }

  public FileSandbox sandbox() {
    return sandbox;
  }

  // ---- reading ---------------------------------------------------------------------------------

  /** {@code access}: fails with {@code no such file or directory ${path}} unless it exists. */
  public void access(String path) {
    existing(path);
  }

  public FileStat stat(String path) throws IOException {
    return FileStat.of(existing(path));
  }

  /**
   * {@code stat} with {@code recursive}: for a directory, itself ({@code "/"}) and everything below
   * it, depth first in name order; empty for a file (WeChat then returns a single Stats).
   */
  public Optional<List<FileStat.Entry>> statTree(String path) throws IOException {
    Path root = existing(path);
    if (!Files.isDirectory(root, NOFOLLOW)) {
      return Optional.empty();
    }
    List<FileStat.Entry> out = new ArrayList<>();
    walk(root, root, out);
    return Optional.of(out);
  }

  private void walk(Path root, Path dir, List<FileStat.Entry> out) throws IOException {
    out.add(new FileStat.Entry(relativeName(root, dir), FileStat.of(dir)));
    for (Path child : Trees.children(dir)) {
      if (Files.isDirectory(child, NOFOLLOW)) {
        walk(root, child, out);
      } else {
        out.add(new FileStat.Entry(relativeName(root, child), FileStat.of(child)));
      }
    }
  }

  private static String relativeName(Path root, Path p) {
    StringBuilder out = new StringBuilder();
    for (Path seg : root.relativize(p)) {
      if (!seg.toString().isEmpty()) {
        out.append('/').append(HostNames.decode(seg.toString()));
      }
    }
    return out.length() == 0 ? "/" : out.toString();
  }

  /** {@code readdir}: the names in a directory, in name order. */
  public List<String> readdir(String path) throws IOException {
    Path dir = existing(path);
    if (!Files.isDirectory(dir, NOFOLLOW)) {
      throw FileErrors.notADirectory(path);
    }
    List<String> names = new ArrayList<>();
    for (Path child : Trees.children(dir)) {
      names.add(HostNames.decode(child.getFileName().toString()));
    }
    return names;
  }

  /**
   * {@code readFile}: {@code length} bytes from {@code position} (null: from the start / to the
   * end). Out-of-range values fail with {@code Invalid argument} (1300022).
   */
  public byte[] readFile(String path, Long position, Long length) throws IOException {
    Path file = existingFile(path);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      long pos = position == null ? 0 : position;
      if (pos < 0 || pos > size) {
        throw FileErrors.invalidArgument();
      }
      long len = length == null ? size - pos : length;
      if (len < 0 || pos + len > size || len > Integer.MAX_VALUE - 8) {
        throw FileErrors.invalidArgument();
      }
      ByteBuffer buf = ByteBuffer.allocate((int) len);
      while (buf.hasRemaining() && ch.read(buf, pos + buf.position()) > 0) {
        // read on
      }
      return buf.position() == len ? buf.array() : Arrays.copyOf(buf.array(), buf.position());
    }
  }

  /** {@code getFileInfo}: size and digest of any readable file; otherwise {@code file not exist}. */
  public FileInfo fileInfo(String path, String algorithm) throws IOException {
    Optional<Path> file = sandbox.resolve(path).filter(Files::isRegularFile);
    if (file.isEmpty()) {
      throw FileErrors.fileNotExist();
    }
    return FileInfo.of(file.get(), algorithm);
  }

  // ---- writing ---------------------------------------------------------------------------------

  public void writeFile(String path, byte[] data) throws IOException {
    quota.locked(() -> {
      Path file = fileToWrite(path, false);
      long old = Trees.sizeOf(file);
      quota.ensureRoom(data.length - old, data.length);
      Moves.write(file, now(), ch -> Trees.writeAll(ch, data));
      quota.charge(data.length - old);
      return null;
    });
  }

  /** {@code appendFile}: the file must exist. */
  public void appendFile(String path, byte[] data) throws IOException {
    quota.locked(() -> {
      Path file = fileToWrite(path, true);
      long old = Trees.sizeOf(file);
      quota.ensureRoom(data.length, old + data.length);
      Moves.write(file, now(), ch -> {
        Trees.copyPrefix(file, ch, old);
        Trees.writeAll(ch, data);
      });
      quota.charge(data.length);
      return null;
    });
  }

  /** {@code truncate}: cuts (or zero-extends) an existing user file to {@code length} bytes. */
  public void truncate(String path, long length) throws IOException {
    quota.locked(() -> {
      Path file = fileToWrite(path, true);
      if (length < 0) {
        throw FileErrors.invalidArgument();
      }
      long old = Trees.sizeOf(file);
      quota.ensureRoom(length - old, length);
      Moves.write(file, now(), ch -> {
        Trees.copyPrefix(file, ch, Math.min(old, length));
        if (length > old) {
          ch.write(ByteBuffer.wrap(new byte[1]), length - 1);
        }
      });
      quota.charge(length - old);
      return null;
    });
  }

  /** {@code copyFile}: from any readable file to a user path. */
  public void copyFile(String srcPath, String destPath) throws IOException {
    quota.locked(() -> {
      Path src = existingFile(srcPath);
      Path dest = fileToWrite(destPath, false);
      if (dest.equals(src)) {
        return null;
      }
      long size = Files.size(src);
      long old = Trees.sizeOf(dest);
      quota.ensureRoom(size - old, size);
      Moves.write(dest, now(), ch -> Trees.copyPrefix(src, ch, size));
      quota.charge(size - old);
      return null;
    });
  }

  /** {@code unlink}: deletes a user file (a directory is {@code operation not permitted}). */
  public void unlink(String path) throws IOException {
    quota.locked(() -> {
      Path file = userTarget(path);
      if (!Files.exists(file, NOFOLLOW)) {
        throw FileErrors.noSuchFile(path);
      }
      if (Files.isDirectory(file, NOFOLLOW)) {
        throw ApiFailure.of("operation not permitted, unlink " + path, FileErrors.OPERATION_NOT_PERMITTED);
      }
      long size = Trees.sizeOf(file);
      Files.delete(file);
      quota.charge(-size);
      return null;
    });
  }

  /** {@code mkdir}; with {@code recursive} missing parents are made too. */
  public void mkdir(String path, boolean recursive) throws IOException {
    Path dir = userTarget(path);
    if (Files.exists(dir, NOFOLLOW)) {
      throw FileErrors.alreadyExists(path);
    }
    Path parent = dir.getParent();
    if (!Files.isDirectory(parent, NOFOLLOW)) {
      if (!recursive || Trees.nearestExisting(parent).filter(p -> !Files.isDirectory(p, NOFOLLOW)).isPresent()) {
        throw parentFailure(dir, path);
      }
      Files.createDirectories(parent);
    }
    Files.createDirectory(dir);
  }

  /**
   * {@code rmdir}; with {@code recursive} the contents go too. The user-data root itself stays
   * (its contents are removed).
   */
  public void rmdir(String path, boolean recursive) throws IOException {
    quota.locked(() -> {
      LocalPath local = userLocal(path);
      Path dir = host(local, path);
      if (!Files.exists(dir, NOFOLLOW)) {
        throw FileErrors.noSuchFile(path);
      }
      if (!Files.isDirectory(dir, NOFOLLOW)) {
        throw FileErrors.notADirectory(path);
      }
      if (!recursive && !Trees.children(dir).isEmpty()) {
        throw FileErrors.directoryNotEmpty();
      }
      quota.charge(-Trees.deleteTree(dir, local.isUserRoot()));
      return null;
    });
  }

  /** {@code rename}: from a user or temp path to a user path, replacing a file there. */
  public void rename(String oldPath, String newPath) throws IOException {
    quota.locked(() -> {
      LocalPath from = sandbox.parse(oldPath).orElseThrow(() -> FileErrors.noSuchFile(oldPath));
      if (from.area() != LocalPath.Area.USER && from.area() != LocalPath.Area.TEMP || from.isUserRoot()) {
        throw FileErrors.permissionDenied(oldPath);
      }
      Path src = existingHost(from).orElseThrow(() -> FileErrors.noSuchFile(oldPath));
      Path dest = userTarget(newPath);
      if (dest.equals(src)) {
        return null;
      }
      checkParent(dest, newPath);
      boolean srcDir = Files.isDirectory(src, NOFOLLOW);
      if (Files.isDirectory(dest, NOFOLLOW)) {
        if (!srcDir) {
          throw FileErrors.illegalOperationOnDirectory(newPath);
        }
        if (!Trees.children(dest).isEmpty()) {
          throw FileErrors.directoryNotEmpty();
        }
      } else if (srcDir && Files.exists(dest, NOFOLLOW)) {
        throw FileErrors.notADirectory(newPath);
      }
      if (srcDir && dest.startsWith(src)) {
        throw FileErrors.invalidArgument();
      }
      long replaced = Trees.sizeOf(dest);
      long added = from.area() == LocalPath.Area.TEMP ? Files.size(src) : 0;
      quota.ensureRoom(added - replaced, srcDir ? 0 : Files.size(src));
      if (srcDir && Files.isDirectory(dest, NOFOLLOW)) {
        Files.delete(dest);
      }
      Moves.move(src, dest, null);
      quota.charge(added - replaced);
      return null;
    });
  }

  /**
   * Moves a host file (a download, a temp file) to the user path {@code userPath}, within the
   * quota, atomically; returns the local path. For other families that write into {@code
   * USER_DATA_PATH} for a page ({@code downloadFile} with {@code filePath}).
   */
  public String moveIn(Path source, String userPath) throws IOException {
    return place(source, userPath, false);
  }

  /** {@link #moveIn}; with {@code quoted}, errors name the path in quotes as {@code saveFile}'s do. */
  String place(Path source, String userPath, boolean quoted) throws IOException {
    return quota.locked(() -> {
      String shown = quoted ? "\"" + userPath + "\"" : userPath;
      LocalPath local = sandbox.parse(userPath).filter(l -> l.area() == LocalPath.Area.USER)
          .orElseThrow(() -> FileErrors.permissionDenied(shown));
      Path dest = sandbox.hostPath(local).orElseThrow(() -> FileErrors.permissionDenied(shown));
      if (Files.isDirectory(dest, NOFOLLOW)) {
        throw FileErrors.illegalOperationOnDirectory(shown);
      }
      if (!Files.isDirectory(dest.getParent(), NOFOLLOW)) {
        throw quoted ? ApiFailure.of("no such file or directory " + shown, FileErrors.NO_SUCH_FILE) : parentFailure(dest, userPath);
      }
      long size = Files.size(source);
      long replaced = Trees.sizeOf(dest);
      quota.ensureRoom(size - replaced, size);
      Moves.move(source, dest, now());
      quota.charge(size - replaced);
      return sandbox.pathOf(LocalPath.Area.USER, local.relative());
    });
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /** An existing host file or directory behind a readable path, or {@code no such file or directory}. */
  Path existing(String path) {
    return sandbox.parse(path).flatMap(this::existingHost).orElseThrow(() -> FileErrors.noSuchFile(path));
  }

  /** An existing file (not a directory: {@code illegal operation on a directory, open ${path}}) behind a readable path. */
  Path existingFile(String path) {
    Path file = existing(path);
    if (Files.isDirectory(file, NOFOLLOW)) {
      throw FileErrors.illegalOperationOnDirectory(path);
    }
    return file;
  }

  /** The host file of {@code local} if it exists; temp and saved files must be regular files (not links). */
  private Optional<Path> existingHost(LocalPath local) {
    boolean flat = local.area() == LocalPath.Area.TEMP || local.area() == LocalPath.Area.STORE;
    return sandbox.hostPath(local).filter(p -> flat ? Files.isRegularFile(p, NOFOLLOW) : Files.exists(p, NOFOLLOW));
  }

  private LocalPath userLocal(String path) {
    return sandbox.parse(path).filter(l -> l.area() == LocalPath.Area.USER).orElseThrow(() -> FileErrors.permissionDenied(path));
  }

  private Path host(LocalPath local, String path) {
    return sandbox.hostPath(local).orElseThrow(() -> FileErrors.permissionDenied(path));
  }

  /** The host path behind a user path (existing or not); anything else is permission denied. */
  Path userTarget(String path) {
    return host(userLocal(path), path);
  }

  /** A user file to write: not a directory, in an existing directory; if {@code mustExist}, there. */
  Path fileToWrite(String path, boolean mustExist) throws IOException {
    Path file = userTarget(path);
    if (Files.isDirectory(file, NOFOLLOW)) {
      throw FileErrors.illegalOperationOnDirectory(path);
    }
    checkParent(file, path);
    if (mustExist && !Files.isRegularFile(file, NOFOLLOW)) {
      throw FileErrors.noSuchFile(path);
    }
    return file;
  }

  static void checkParent(Path file, String path) {
    if (!Files.isDirectory(file.getParent(), NOFOLLOW)) {
      throw parentFailure(file, path);
    }
  }

  /** A missing parent is {@code no such file or directory}; a file in the way is {@code not a directory}. */
  private static ApiFailure parentFailure(Path file, String path) {
    return Trees.nearestExisting(file.getParent()).filter(p -> !Files.isDirectory(p, NOFOLLOW)).isPresent()
        ? FileErrors.notADirectory(path) : FileErrors.noSuchFile(path);
  }

  FileTime now() {
    return FileTime.fromMillis(clock.epochMillis());
  }
}
