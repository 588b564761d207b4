package dev.sparrow.apis.files.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small file-tree helpers for {@link dev.sparrow.apis.files.FileOps}; links are never followed. */
public final class Trees {
  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

  private Trees() {}

  public static Optional<Path> nearestExisting(Path p) {
    Path probe = p;
    while (probe != null && !Files.exists(probe, NOFOLLOW)) {
      probe = probe.getParent();
    }
    return Optional.ofNullable(probe);
  }

  /** Children of a directory in name order, without hidden partial files. */
  public static List<Path> children(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, p -> !p.getFileName().toString().startsWith(Moves.PARTIAL_PREFIX))) {
      s.forEach(out::add);
    }
    out.sort((a, b) -> HostNames.decode(a.getFileName().toString()).compareTo(HostNames.decode(b.getFileName().toString())));
    return out;
  }

  public static long sizeOf(Path file) throws IOException {
    return Files.isRegularFile(file, NOFOLLOW) ? Files.size(file) : 0;
  }

  /** Deletes a tree (keeping {@code root} itself if asked); returns the bytes of the files removed. */
  public static long deleteTree(Path root, boolean keepRoot) throws IOException {
    long[] freed = {0};
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        freed[0] += attrs.isRegularFile() ? attrs.size() : 0;
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        if (exc != null) {
          throw exc;
        }
        if (!(keepRoot && dir.equals(root))) {
          Files.delete(dir);
        }
        return FileVisitResult.CONTINUE;
      }
    });
    return freed[0];
  }

  public static void writeAll(FileChannel ch, byte[] data) throws IOException {
    writeAll(ch, data, data.length);
  }

  /** Writes the first {@code length} bytes of {@code data}. */
  public static void writeAll(FileChannel ch, byte[] data, int length) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(data, 0, length);
    while (buf.hasRemaining()) {
      ch.write(buf);
    }
  }

  public static void copyPrefix(Path src, FileChannel out, long bytes) throws IOException {
    try (FileChannel in = FileChannel.open(src, StandardOpenOption.READ)) {
      long done = 0;
      while (done < bytes) {
        long n = in.transferTo(done, bytes - done, out);
        if (n <= 0) {
          break;
        }
        done += n;
      }
    }
  }
}
