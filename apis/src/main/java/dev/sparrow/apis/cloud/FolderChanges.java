package dev.sparrow.apis.cloud;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * collection file changed. Until the lock file exists (nothing was ever written to the folder) there are no
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

  FolderChanges(Path lockFile) {
    this.file = lockFile;
  }

  /** Maps the counters when the lock file exists; false when it does not (yet). */
  boolean mapped() {
    if (counters != null) {
      return true;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      counters = ch.map(FileChannel.MapMode.READ_WRITE, 0, SIZE); // a shorter (older, empty) file grows to 16 zeros
      return true;
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
