package dev.sparrow.apis.files;

import dev.sparrow.apis.files.internal.Ledger;
import java.io.IOException;

/**
 * The storage limit of one appid's persistent files (saved files and user files together, spec
 * files.md §1.1): 10 MB by default, and no single file over 100 MB. Sessions of one appid and data
 * folder in one JVM share one ledger and one lock, so concurrent writers cannot pass the limit
 * together. Every change to the store or the user-data folder goes through {@link #locked} and
 * reports its size change with {@link #charge}.
 */
public final class FileQuota {
  /** A piece of file work run under the appid's lock. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws IOException;
  }

  private final Ledger ledger;
  private final FileSandbox.Limits limits;

  FileQuota(Ledger ledger, FileSandbox.Limits limits) {
    this.ledger = ledger;
    this.limits = limits;
  }

  public long limitBytes() {
    return limits.quotaBytes();
  }

  public long maxFileBytes() {
    return limits.maxFileBytes();
  }

  /** Bytes used by saved and user files now. */
  public long usedBytes() {
    return ledger.used();
  }

  /** Runs {@code work} holding the appid's file lock (re-entrant). */
  public <T> T locked(Work<T> work) throws IOException {
    ledger.lock().lock();
    try {
      return work.run();
    } finally {
      ledger.lock().unlock();
    }
  }

  /**
   * Fails with {@code the maximum size of the file storage limit is exceeded} (1300202) when
   * growing by {@code delta} bytes would pass the limit, or when a file would end up larger than
   * {@link #maxFileBytes()}. Call under {@link #locked}.
   */
  public void ensureRoom(long delta, long resultingFileSize) throws IOException {
    if (resultingFileSize > limits.maxFileBytes()) {
      throw FileErrors.storageExceeded();
    }
    if (delta <= 0) {
      return;
    }
    long held = ledger.held();
    if (ledger.used() + held + delta > limits.quotaBytes() && ledger.recount() + held + delta > limits.quotaBytes()) {
      throw FileErrors.storageExceeded();
    }
  }

  /**
   * Holds {@code delta} more bytes of room for a file still arriving (a download to a user path),
   * or fails as {@link #ensureRoom} does; concurrent writers see the held room as used. Release
   * it with {@link #release} when the file lands (then {@link #charge} it) or is given up.
   */
  public void hold(long delta, long resultingFileSize) throws IOException {
    locked(() -> {
      ensureRoom(delta, resultingFileSize);
      ledger.hold(delta);
      return null;
    });
  }

  /** Gives back room taken with {@link #hold}. */
  public void release(long held) throws IOException {
    locked(() -> {
      ledger.hold(-held);
      return null;
    });
  }

  /** Records that the persistent files grew (or shrank) by {@code delta} bytes. Call under {@link #locked}. */
  public void charge(long delta) {
    ledger.add(delta);
  }
}
