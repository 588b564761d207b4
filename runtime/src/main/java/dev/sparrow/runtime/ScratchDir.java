package dev.sparrow.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A throw-away folder {@code sparrow-<kind>-<random>} in the system temp directory ({@code
 * java.io.tmpdir}, which the {@code sparrow} launcher takes from {@code TMPDIR}), marked with the
 * process that made it. Whoever creates one owns it and deletes it with {@link #close()}. A
 * process that dies without closing (kill -9, power loss) leaves it marked, and {@link #sweep(Path)}
 * in a later process removes it once that process is gone; unmarked folders, other users' folders
 * and folders of running processes are never touched.
 */
public final class ScratchDir implements AutoCloseable {
  /** The mark inside the folder: {@code <pid> <process start, epoch ms, or -1 when unknown>}. */
  static final String MARK = ".sparrow-owner";
  private static final String PREFIX = "sparrow-";
  /** Start times read at different moments differ by clock-tick rounding; a reused pid starts much later. */
  private static final long SAME_START_MILLIS = 1000;

  private final Path path;
  private boolean closed;

  private ScratchDir(Path path) {
    this.path = path;
  }

  /** A new marked folder {@code sparrow-<kind>-<random>} in {@code java.io.tmpdir}. */
  public static ScratchDir create(String kind) throws IOException {
    return create(systemTemp(), kind);
  }

  /** A new marked folder {@code sparrow-<kind>-<random>} in {@code parent}. */
  public static ScratchDir create(Path parent, String kind) throws IOException {
    Path dir = Files.createTempDirectory(parent, PREFIX + kind + "-");
    try {
      mark(dir, Owner.CURRENT);
    } catch (IOException e) {
      deleteTree(dir);
      throw e;
    }
    return new ScratchDir(dir);
  }

  /** {@code java.io.tmpdir}. */
  public static Path systemTemp() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  public Path path() {
    return path;
  }

  /** Deletes the folder and everything in it (the mark last); a second call, from any thread, waits for the first. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      deleteTree(path);
    }
  }

  /**
   * Removes the marked folders in {@code parent} that belong to this user and whose process is
   * gone (no longer running, or its pid now names a process started later); returns how many.
   */
  public static int sweep(Path parent) {
    int removed = 0;
    Optional<UserPrincipal> me = currentUser(parent);
    if (me.isEmpty()) {
      return 0;
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, PREFIX + "*")) {
      for (Path dir : dirs) {
        Path mark = dir.resolve(MARK);
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && Files.isRegularFile(mark, LinkOption.NOFOLLOW_LINKS)
            && me.get().equals(Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS))
            && Owner.read(mark).map(Owner::gone).orElse(false)) {
          deleteTree(dir);
          removed++;
        }
      }
    } catch (IOException | RuntimeException e) {
      // best effort: what stays is swept next time
    }
    return removed;
  }

  /** The marked folders in {@code parent} that this process made and has not closed (what it would leave if it died now). */
  public static List<Path> held(Path parent) throws IOException {
    List<Path> mine = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, PREFIX + "*")) {
      for (Path dir : dirs) {
        if (Owner.read(dir.resolve(MARK)).filter(Owner.CURRENT::equals).isPresent()) {
          mine.add(dir);
        }
      }
    }
    mine.sort(null);
    return mine;
  }

  /** Marks {@code dir} as owned by {@code owner} (tests mark folders of processes they ended). */
  static void mark(Path dir, Owner owner) throws IOException {
    Files.writeString(dir.resolve(MARK), owner.pid() + " " + owner.startMillis() + "\n", StandardCharsets.US_ASCII,
        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  /** The user this process creates files as: the owner of a file it makes in {@code parent}. */
  private static Optional<UserPrincipal> currentUser(Path parent) {
    try {
      Path probe = Files.createTempFile(parent, ".sparrow-probe-", "");
      try {
        return Optional.of(Files.getOwner(probe));
      } finally {
        Files.deleteIfExists(probe);
      }
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  /** Deletes a tree without following links; the mark goes last, so a folder cut short stays marked. */
  static void deleteTree(Path root) {
    Path mark = root.resolve(MARK);
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (!file.equals(mark)) {
            deleteQuietly(file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
          if (dir.equals(root) && onlyTheMarkIn(root)) {
            deleteQuietly(mark);
          }
          deleteQuietly(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      // best effort: a marked folder left here is swept by a later start
    }
  }

  private static boolean onlyTheMarkIn(Path root) {
    try (DirectoryStream<Path> left = Files.newDirectoryStream(root, p -> !p.getFileName().toString().equals(MARK))) {
      return !left.iterator().hasNext();
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // a folder still holding something stays (and keeps its mark)
    }
  }

  /** A process as the mark records it: its pid and its start time ({@code -1} when the system does not say). */
  record Owner(long pid, long startMillis) {
    static final Owner CURRENT = of(ProcessHandle.current());

    static Owner of(ProcessHandle process) {
      return new Owner(process.pid(), process.info().startInstant().map(Instant::toEpochMilli).orElse(-1L));
    }

    /** True when no process with this pid runs, or the one that does started at another time (the pid was reused). */
    boolean gone() {
      Optional<ProcessHandle> running = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
      if (running.isEmpty()) {
        return true;
      }
      if (startMillis < 0) {
        return false;
      }
      return running.get().info().startInstant().map(s -> Math.abs(s.toEpochMilli() - startMillis) > SAME_START_MILLIS).orElse(false);
    }

    static Optional<Owner> read(Path mark) {
      try {
        if (Files.size(mark) > 64) {
          return Optional.empty();
        }
        String[] parts = Files.readString(mark, StandardCharsets.US_ASCII).trim().split(" ");
        return parts.length == 2 ? Optional.of(new Owner(Long.parseLong(parts[0]), Long.parseLong(parts[1]))) : Optional.empty();
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    }
  }
}
