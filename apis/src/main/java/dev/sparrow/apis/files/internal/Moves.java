package dev.sparrow.apis.files.internal;

import dev.sparrow.apis.storage.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.UUID;

/**
 * File changes that a crash cannot tear: a file appears at its target whole or not at all. Moves
 * are one atomic rename when source and target share a file system; otherwise (or with the
 * test-only system property {@code sparrow.files.copyMoves=true}) the bytes go to a hidden partial
 * sibling ({@value #PARTIAL_PREFIX}…), are forced to disk and renamed into place. Partial files
 * left by a crash are removed when the appid's ledger is opened.
 */
public final class Moves {
  public static final String PARTIAL_PREFIX = AtomicFiles.TEMP_PREFIX;
  private static final boolean FORCE_COPY = Boolean.getBoolean("sparrow.files.copyMoves");

  /** Writes the content of a file being built. */
  @FunctionalInterface
  public interface Writer {
    void write(FileChannel channel) throws IOException;
  }

  private Moves() {}

  /**
   * Moves {@code source} to {@code target} (replacing it), stamping {@code modified} as its
   * modification time first (the saved file's createTime), so the time is there from the moment
   * the file is.
   */
  public static void move(Path source, Path target, FileTime modified) throws IOException {
    if (!FORCE_COPY) {
      try {
        if (modified != null) {
          Files.setLastModifiedTime(source, modified);
        }
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return;
      } catch (AtomicMoveNotSupportedException e) {
        // different file systems: copy below
      }
    }
    write(target, modified, out -> Trees.copyPrefix(source, out, Files.size(source)));
    Files.deleteIfExists(source);
  }

  /**
   * Builds {@code target}'s new content in a partial sibling, stamps {@code modified} and renames
   * it into place.
   */
  public static void write(Path target, FileTime modified, Writer writer) throws IOException {
    Path partial = partialFor(target);
    try {
      try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        writer.write(out);
        out.force(true);
      }
      if (modified != null) {
        Files.setLastModifiedTime(partial, modified);
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private static Path partialFor(Path target) {
    return target.resolveSibling(PARTIAL_PREFIX + UUID.randomUUID());
  }
}
