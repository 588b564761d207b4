package dev.sparrow.apis.media;

import dev.sparrow.apis.files.FileSandbox;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Finds how long an audio {@code src} lasts: a local path (temp, saved, user or package) is read from
 * its file; a network URL is streamed through {@link MediaFetch} to its end, counting bytes for the
 * download percentage. Failures carry WeChat's player error codes.
 */
public final class AudioSources {
  /** Why a source cannot play: {@code code} is the players' errCode (spec media.md §8.2). */
  public static final class LoadFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public static final int SYSTEM = 10001;
    public static final int NETWORK = 10002;
    public static final int FILE = 10003;
    public static final int FORMAT = 10004;

    private final int code;

    public LoadFailure(int code, String message) {
      super(message, null, false, false);
      this.code = code;
    }

    public int code() {
      return code;
    }

    /** The errMsg a player's onError gets. */
    public String errMsg() {
      return switch (code) {
        case NETWORK -> "network error";
        case FILE -> "file error";
        case FORMAT -> "format error";
        default -> "system error";
      };
    }

    public static LoadFailure of(Throwable t) {
      Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
      return cause instanceof LoadFailure f ? f : new LoadFailure(SYSTEM, String.valueOf(cause));
    }
  }

  private final FileSandbox files;
  private final MediaFetch fetch;
  private final Function<String, Optional<Path>> cloudFiles;
  private final Executor blocking;

  /**
   * {@code cloudFiles} resolves {@code cloud://} file IDs to stored files (WeChat accepts them as src); {@code blocking}
   * runs the file reads.
   */
  public AudioSources(FileSandbox files, MediaFetch fetch, Function<String, Optional<Path>> cloudFiles,
      Executor blocking) {
    this.files = files;
    this.fetch = fetch;
    this.cloudFiles = cloudFiles;
    this.blocking = blocking;
  }

  /**
   * The duration of {@code src} in ms; completes on a worker thread. {@code percent} hears download
   * progress 0–100 (from a worker thread); a local file reports 100 at once.
   */
  public CompletableFuture<Long> duration(String src, IntConsumer percent) {
    if (MediaFetch.isNetworkUrl(src)) {
      return fetch.fetch(src, (type, length, body) -> {
        Path spool = Files.createTempFile(files.tempDir(), ".spool-", ".m4a");
        try (InputStream in = new Counting(body, length, percent)) {
          OptionalLong d = AudioDuration.ofStream(in, spool);
          percent.accept(100);
          return d.orElseThrow(() -> new LoadFailure(LoadFailure.FORMAT, "not audio: " + src));
        } finally {
          Files.deleteIfExists(spool);
        }
      }).handle((d, t) -> {
        if (t == null) {
          return d;
        }
        LoadFailure f = LoadFailure.of(t);
        throw f.code() == LoadFailure.SYSTEM ? new LoadFailure(LoadFailure.NETWORK, f.getMessage()) : f;
      });
    }
    return CompletableFuture.supplyAsync(() -> {
      Optional<Path> found = src.startsWith("cloud://") ? cloudFiles.apply(src) : files.resolve(src);
      Path file = found.filter(Files::isRegularFile)
          .orElseThrow(() -> new LoadFailure(LoadFailure.FILE, "no file " + src));
      try {
        long d = AudioDuration.ofFile(file).orElseThrow(() -> new LoadFailure(LoadFailure.FORMAT, "not audio: " + src));
        percent.accept(100);
        return d;
      } catch (IOException e) {
        throw new LoadFailure(LoadFailure.FILE, e.toString());
      }
    }, blocking);
  }

  /** Counts bytes read and reports whole percentages of {@code length} as they change. */
  private static final class Counting extends FilterInputStream {
    private final long length;
    private final IntConsumer percent;
    private long read;
    private int last = -1;

    Counting(InputStream in, long length, IntConsumer percent) {
      super(in);
      this.length = length;
      this.percent = percent;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        advance(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        advance(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      if (s > 0) {
        advance(s);
      }
      return s;
    }

    private void advance(long n) {
      read += n;
      if (length > 0) {
        int p = (int) Math.min(99, read * 100 / length);
        if (p != last) {
          last = p;
          percent.accept(p);
        }
      }
    }
  }
}
