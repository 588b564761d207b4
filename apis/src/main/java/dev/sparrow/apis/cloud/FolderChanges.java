package dev.sparrow.apis.cloud;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Two counters that every process writing one environment folder shares through the first 16 bytes of the folder's
 * lock file, mapped into memory: the number of writes (bumped after each write, by the writer holding the folder's
 * lock) and the number of rewrites (bumped when a collection file is replaced: a compaction or an import). A reader
 * compares the write count with the one it last saw, a memory read, instead of asking the file system whether a
 * collection file changed. While the folder does not exist, or where the file cannot be mapped, there are no
 * counters and {@link #writes} is -1.
 */
final class FolderChanges {
  /** Counters as little-endian longs, read and written with volatile semantics (the mapping is page aligned). */
  private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int WRITES = 0;
  private static final int REWRITES = 8;
  private static final int SIZE = 16;

  private final Path file;
  private MappedByteBuffer counters;
  /** The lock file cannot be made or mapped (a read-only folder): callers check the files themselves. */
  private boolean unavailable;

  FolderChanges(Path lockFile) {
    this.file = lockFile;
  }

  /**
   * Maps the counters, making the lock file when the folder exists (a folder seeded by copying files has none);
   * false while the folder does not exist, or when the file cannot be made or mapped.
   */
  boolean mapped() {
    if (counters != null) {
      return true;
    }
    if (unavailable) {
      return false;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      counters = ch.map(FileChannel.MapMode.READ_WRITE, 0, SIZE); // a shorter (older, empty) file grows to 16 zeros
      return true;
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException | UnsupportedOperationException e) {
      unavailable = true;
      return false;
    }
  }

  /** The folder's write count, or -1 while there are no counters. */
  long writes() {
    return mapped() ? (long) LONG.getVolatile(counters, WRITES) : -1;
  }

  /** The folder's rewrite count, or -1 while there are no counters. */
  long rewrites() {
    return mapped() ? (long) LONG.getVolatile(counters, REWRITES) : -1;
  }

  /** Counts a write (and a rewrite when {@code rewrite}); the caller holds the folder's lock, which exists. */
  void wrote(boolean rewrite) {
    if (!mapped()) {
      return;
    }
    if (rewrite) {
      LONG.setVolatile(counters, REWRITES, (long) LONG.getVolatile(counters, REWRITES) + 1);
    }
    LONG.setVolatile(counters, WRITES, (long) LONG.getVolatile(counters, WRITES) + 1);
  }
}
