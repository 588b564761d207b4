package dev.sparrow.apis.files;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.files.internal.Trees;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The FileSystemManager's file-descriptor API (spec files.md §8, base library 2.16.1): {@code open},
 * {@code read}, {@code write}, {@code fstat}, {@code ftruncate}, {@code close} on one session's
 * sandbox. Descriptors are strings ({@code "1"}, {@code "2"}…), private to the session and closed
 * with it. Reading works on any readable path; every flag but {@code r} needs a path under {@code
 * USER_DATA_PATH}. Growth is charged to the appid's quota as it happens.
 *
 * <p>Unlike {@code writeFile}, which replaces a file atomically, a descriptor writes in place as
 * {@code write(2)} does: other APIs see each write at once, and a crash can leave part of one.
 */
public final class OpenFiles implements AutoCloseable {
  /** At most this many descriptors open at once per session ({@code excced max concurrent fd limit}). */
  public static final int MAX_OPEN = 1024;

  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

  /** One open file: its channel, what it may do, and its own file pointer. */
  private static final class Descriptor {
    final FileChannel channel;
    final Path file;
    final boolean readable;
    final boolean writable;
    final boolean append;
    long pointer;

    Descriptor(FileChannel channel, Path file, Flag flag) {
      this.channel = channel;
      this.file = file;
      this.readable = flag.read;
      this.writable = flag.write;
      this.append = flag.append;
    }
  }

  /** Node's open flags as WeChat lists them. */
  private enum Flag {
    R("r", true, false, false, false, false),
    R_PLUS("r+", true, true, false, false, false),
    W("w", false, true, true, false, false),
    WX("wx", false, true, true, true, false),
    W_PLUS("w+", true, true, true, false, false),
    WX_PLUS("wx+", true, true, true, true, false),
    A("a", false, true, false, false, true),
    AX("ax", false, true, false, true, true),
    A_PLUS("a+", true, true, false, false, true),
    AX_PLUS("ax+", true, true, false, true, true),
    AS("as", false, true, false, false, true),
    AS_PLUS("as+", true, true, false, false, true);

    final String text;
    final boolean read;
    final boolean write;
    final boolean truncate;
    final boolean exclusive;
    final boolean append;

    Flag(String text, boolean read, boolean write, boolean truncate, boolean exclusive, boolean append) {
      this.text = text;
      this.read = read;
      this.write = write;
      this.truncate = truncate;
      this.exclusive = exclusive;
      this.append = append;
    }

    boolean creates() {
      return write && this != R_PLUS;
    }

    static Flag of(String text) {
      for (Flag f : values()) {
        if (f.text.equals(text)) {
          return f;
        }
      }
      throw FileErrors.invalidArgument();
    }
  }

  private final FileOps ops;
  private final FileQuota quota;
  private final Map<String, Descriptor> open = new LinkedHashMap<>();
  private long nextFd = 1;

  public OpenFiles(FileOps ops) {
    this.ops = ops;
    this.quota = ops.sandbox().quota();
  }

  /** {@code open}: returns the new descriptor. {@code flag} defaults to {@code r}. */
  public synchronized String open(String path, String flag) throws IOException {
    Flag f = Flag.of(flag == null ? "r" : flag);
    if (open.size() >= MAX_OPEN) {
      throw ApiFailure.of("excced max concurrent fd limit", FileErrors.FD_LIMIT);
    }
    Path file = f.write ? writableFile(path, f) : ops.existingFile(path);
    Set<StandardOpenOption> options = EnumSet.noneOf(StandardOpenOption.class);
    options.add(StandardOpenOption.READ);
    if (f.write) {
      options.add(StandardOpenOption.WRITE);
      options.add(StandardOpenOption.CREATE);
    }
    FileChannel channel = quota.locked(() -> {
      long old = Trees.sizeOf(file);
      FileChannel ch = FileChannel.open(file, options);
      if (f.truncate && old > 0) {
        ch.truncate(0);
        quota.charge(-old);
      }
      return ch;
    });
    String fd = Long.toString(nextFd++);
    open.put(fd, new Descriptor(channel, file, f));
    return fd;
  }

  /** A user file a writing flag may open: {@code r+} needs it there, the {@code x} flags need it absent. */
  private Path writableFile(String path, Flag f) throws IOException {
    Path file = ops.fileToWrite(path, !f.creates());
    if (f.exclusive && Files.exists(file, NOFOLLOW)) {
      throw FileErrors.alreadyExists(path);
    }
    return file;
  }

  /**
   * {@code read}: up to {@code length} bytes from {@code position} (null: from the file pointer,
   * which then moves on). Returns the bytes read (fewer at the end of the file).
   */
  public synchronized byte[] read(String fd, long length, Long position) throws IOException {
    Descriptor d = descriptor(fd);
    if (!d.readable) {
      throw notPermitted();
    }
    if (length < 0 || length > Integer.MAX_VALUE - 8 || position != null && position < 0) {
      throw FileErrors.invalidArgument();
    }
    long from = position == null ? d.pointer : position;
    ByteBuffer buf = ByteBuffer.allocate((int) Math.min(length, Math.max(0, d.channel.size() - from)));
    while (buf.hasRemaining()) {
      int n = d.channel.read(buf, from + buf.position());
      if (n <= 0) {
        break;
      }
    }
    if (position == null) {
      d.pointer = from + buf.position();
    }
    return buf.position() == buf.capacity() ? buf.array() : Arrays.copyOf(buf.array(), buf.position());
  }

  /**
   * {@code write}: {@code data} at {@code position} (null: at the file pointer, which then moves
   * on; always at the end in append mode). Returns the number of bytes written.
   */
  public synchronized int write(String fd, byte[] data, Long position) throws IOException {
    Descriptor d = descriptor(fd);
    if (!d.writable) {
      throw notPermitted();
    }
    if (position != null && position < 0) {
      throw FileErrors.invalidArgument();
    }
    quota.locked(() -> {
      long size = d.channel.size();
      long at = d.append ? size : position == null ? d.pointer : position;
      long end = Math.max(size, at + data.length);
      quota.ensureRoom(end - size, end);
      ByteBuffer buf = ByteBuffer.wrap(data);
      while (buf.hasRemaining()) {
        d.channel.write(buf, at + buf.position());
      }
      quota.charge(end - size);
      if (d.append || position == null) {
        d.pointer = at + data.length;
      }
      return null;
    });
    return data.length;
  }

  /** {@code fstat}: the open file's Stats. */
  public synchronized FileStat fstat(String fd) throws IOException {
    return FileStat.of(descriptor(fd).file);
  }

  /** {@code ftruncate}: cuts (or zero-extends) the open file to {@code length} bytes. */
  public synchronized void ftruncate(String fd, long length) throws IOException {
    Descriptor d = descriptor(fd);
    if (!d.writable) {
      throw notPermitted();
    }
    if (length < 0) {
      throw FileErrors.invalidArgument();
    }
    quota.locked(() -> {
      long size = d.channel.size();
      quota.ensureRoom(length - size, length);
      if (length < size) {
        d.channel.truncate(length);
      } else if (length > size) {
        d.channel.write(ByteBuffer.wrap(new byte[1]), length - 1);
      }
      quota.charge(length - size);
      return null;
    });
  }

  /** {@code close}: the descriptor stops working. */
  public synchronized void close(String fd) throws IOException {
    Descriptor d = open.remove(fd);
    if (d == null) {
      throw badDescriptor();
    }
    d.channel.close();
  }

  /** How many descriptors are open (tests, leak checks). */
  public synchronized int openCount() {
    return open.size();
  }

  /** Closes every descriptor (the session ends). */
  @Override
  public synchronized void close() {
    for (Descriptor d : open.values()) {
      try {
        d.channel.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    open.clear();
  }

  private Descriptor descriptor(String fd) {
    Descriptor d = open.get(fd);
    if (d == null) {
      throw badDescriptor();
    }
    return d;
  }

  /** A descriptor used for what its flag did not open it for (the readSync docs' text). */
  private static ApiFailure notPermitted() {
    return ApiFailure.of("permission denied", FileErrors.PERMISSION_DENIED);
  }

  private static ApiFailure badDescriptor() {
    return ApiFailure.of("bad file descriptor", FileErrors.BAD_FILE_DESCRIPTOR);
  }
}
