package dev.sparrow.apis.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** Whole-file writes that a crash cannot tear: temporary sibling, fsync, atomic rename. */
public final class AtomicFiles {
  /** Prefix of temporary files; leftovers of a crash are removed by {@link #removeLeftovers}. */
  public static final String TEMP_PREFIX = ".sparrow-tmp-";

  private AtomicFiles() {}

  /** Replaces {@code target} with {@code bytes} atomically. */
  public static void write(Path target, byte[] bytes) throws IOException {
    Path tmp = target.resolveSibling(TEMP_PREFIX + UUID.randomUUID());
    try {
      try (FileChannel ch =
          FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      move(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Renames {@code from} to {@code to} atomically, replacing {@code to}. */
  public static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system cannot rename atomically: " + to, e);
    }
  }

  /** Deletes temporary files a crashed writer left in {@code dir}. */
  public static void removeLeftovers(Path dir) throws IOException {
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, TEMP_PREFIX + "*")) {
      for (Path p : stream) {
        Files.deleteIfExists(p);
      }
    }
  }
}
