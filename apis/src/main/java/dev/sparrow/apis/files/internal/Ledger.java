package dev.sparrow.apis.files.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bytes used by one appid's persistent files, shared by every sandbox of that appid folder in this
 * JVM (reference-counted: dropped when the last one closes). Counted from disk when first opened
 * (removing leftovers of interrupted writes on the way) and again before refusing a write, so a
 * stale count can never refuse room that exists.
 */
public final class Ledger {
  private static final Map<Path, Ledger> OPEN = new HashMap<>();

  private final Path key;
  private final List<Path> roots;
  private final ReentrantLock lock = new ReentrantLock();
  private long used;
  private long held;
  private int users;

  private Ledger(Path key, List<Path> roots) {
    this.key = key;
    this.roots = roots;
  }

  /** The ledger of the appid folder {@code appDir}, counting the files under {@code roots}. */
  public static Ledger acquire(Path appDir, List<Path> roots) {
    Path key = appDir.toAbsolutePath().normalize();
    Ledger ledger;
    synchronized (OPEN) {
      ledger = OPEN.computeIfAbsent(key, k -> new Ledger(k, roots));
      ledger.users++;
    }
    ledger.lock.lock();
    try {
      if (ledger.users == 1) {
        ledger.used = ledger.count(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      ledger.lock.unlock();
    }
    return ledger;
  }

  public void release() {
    synchronized (OPEN) {
      if (--users == 0) {
        OPEN.remove(key);
      }
    }
  }

  public ReentrantLock lock() {
    return lock;
  }

  public long used() {
    return used;
  }

  public void add(long delta) {
    used = Math.max(0, used + delta);
  }

  /** Room held for files still being written (partial files, which {@link #recount} does not see). */
  public long held() {
    return held;
  }

  public void hold(long delta) {
    held = Math.max(0, held + delta);
  }

  /** Counts again from disk (call under the lock); returns the new total. */
  public long recount() throws IOException {
    used = count(false);
    return used;
  }

  private long count(boolean removeLeftovers) throws IOException {
    long[] total = {0};
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          if (file.getFileName().toString().startsWith(Moves.PARTIAL_PREFIX)) {
            if (removeLeftovers) {
              Files.deleteIfExists(file);
            }
          } else if (attrs.isRegularFile()) {
            total[0] += attrs.size();
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
          return FileVisitResult.CONTINUE;
        }
      });
    }
    return total[0];
  }
}
