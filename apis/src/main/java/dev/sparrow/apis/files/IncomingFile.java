package dev.sparrow.apis.files;

import dev.sparrow.apis.files.internal.Moves;
import dev.sparrow.apis.files.internal.Trees;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * A file streamed into a user-data path for another family ({@code downloadFile} with {@code
 * filePath}) under the appid's {@link FileQuota}: the bytes go to a hidden partial sibling (swept
 * after a crash, never counted or listed), room is held as they arrive, so the write fails with
 * {@code the maximum size of the file storage limit is exceeded} the moment it would pass the
 * quota; {@link #commit} renames it into place and charges it. {@link #close} without a commit
 * deletes the partial file and gives the room back.
 */
public final class IncomingFile implements AutoCloseable {
  private final FileQuota quota;
  private final Path target;
  private final Path partial;
  private final long replaced;
  private final FileChannel out;
  private long written;
  private long held;
  private boolean done;

  private IncomingFile(FileQuota quota, Path target, long replaced) throws IOException {
    this.quota = quota;
    this.target = target;
    this.replaced = replaced;
    this.partial = target.resolveSibling(Moves.PARTIAL_PREFIX + UUID.randomUUID());
    this.out = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  /**
   * Opens a file arriving at {@code userPath}; fails as WeChat does for a path outside the user
   * folder ({@code permission denied …}), a directory, or a missing parent.
   */
  public static IncomingFile open(FileSandbox sandbox, String userPath) throws IOException {
    Path target = sandbox.writable(userPath);
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw FileErrors.illegalOperationOnDirectory(userPath);
    }
    FileOps.checkParent(target, userPath);
    return new IncomingFile(sandbox.quota(), target, Trees.sizeOf(target));
  }

  /** Holds room for {@code size} bytes announced before they arrive (a Content-Length), or fails now. */
  public void expect(long size) throws IOException {
    reserve(size);
  }

  public void write(byte[] buf, int n) throws IOException {
    reserve(written + n);
    ByteBuffer wrap = ByteBuffer.wrap(buf, 0, n);
    while (wrap.hasRemaining()) {
      out.write(wrap);
    }
    written += n;
  }

  public long size() {
    return written;
  }

  /** Forces the bytes to disk and renames them into place, charging the quota for the difference. */
  public void commit() throws IOException {
    out.force(true);
    out.close();
    quota.locked(() -> {
      quota.release(held);
      held = 0;
      long old = Trees.sizeOf(target);
      quota.ensureRoom(written - old, written);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      quota.charge(written - old);
      done = true;
      return null;
    });
  }

  /** Without a {@link #commit}: deletes the partial file and gives the held room back. */
  @Override
  public void close() throws IOException {
    if (done) {
      return;
    }
    done = true;
    try {
      out.close();
      Files.deleteIfExists(partial);
    } finally {
      quota.release(held);
      held = 0;
    }
  }

  /** Makes sure room is held for a file of {@code size} bytes replacing the old one. */
  private void reserve(long size) throws IOException {
    long need = Math.max(0, size - replaced) - held;
    if (need > 0 || size > quota.maxFileBytes()) {
      quota.hold(Math.max(0, need), size);
      held += Math.max(0, need);
    }
  }
}
