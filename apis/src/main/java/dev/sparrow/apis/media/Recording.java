package dev.sparrow.apis.media;

import dev.sparrow.apis.device.Microphone;
import dev.sparrow.apis.device.Scheduler;
import dev.sparrow.apis.files.FileSandbox;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One recording from the microphone into a temp WAV file (16-bit PCM at the requested rate and
 * channels), in session time: what the microphone heard is written as the clock moves (on each
 * frame and at stop), so a 10-minute recording never sits in memory. Pauses are not recorded. The
 * recording stops itself after {@code maxMillis} of recorded time. Loop thread only; the file is written on the
 * session's ordered file executor, and {@link #stop} answers on the loop once the file is complete.
 *
 * <p>Why WAV whatever the requested format: it is the one format the JVM writes without native
 * code or an encoder licence, and every player (ours, browsers, WeChat's) plays it. See
 * docs/decisions.md.
 */
public final class Recording {
  /** What a finished recording produced. */
  public record Result(String tempFilePath, long durationMillis, long fileSize) {}

  private final MediaLoop loop;
  private final Microphone.Capture capture;
  private final int sampleRate;
  private final int channels;
  private final long maxMillis;
  private final int frameBytes;
  private final BiConsumer<byte[], Boolean> onFrame;
  private final Runnable onAutoStop;
  private final FileSandbox.LocalFile file;
  private final Executor io;
  /** The open file: used on {@link #io} only. */
  private RandomAccessFile out;
  /** The first write that failed (set on {@link #io}). */
  private volatile IOException failed;
  private long recordedMillisBefore;
  private long resumedAt = -1;
  private long framesWritten;
  private byte[] pendingFrame = new byte[0];
  private Scheduler.Cancellable autoStop;
  private Scheduler.Cancellable frameTimer;
  private Result result;

  /**
   * Starts recording now.
   *
   * @param frameBytes emit {@code onFrame(bytes, isLast)} every this many bytes of PCM (0: never)
   * @param onAutoStop called (on the loop) when {@code maxMillis} of recording is reached
   * @param io the session's ordered file executor: every write of the file runs there, in order
   */
  public Recording(MediaLoop loop, Microphone microphone, FileSandbox files, int sampleRate, int channels, long maxMillis,
      int frameBytes, BiConsumer<byte[], Boolean> onFrame, Runnable onAutoStop, Executor io) {
    this.loop = loop;
    this.io = io;
    this.capture = microphone.open(sampleRate, channels);
    this.sampleRate = sampleRate;
    this.channels = channels;
    this.maxMillis = maxMillis;
    this.frameBytes = frameBytes;
    this.onFrame = onFrame;
    this.onAutoStop = onAutoStop;
    this.file = files.newTempFile("wav");
    onFile(() -> {
      out = new RandomAccessFile(file.file().toFile(), "rw");
      out.write(Wav.header(sampleRate, channels, 0));
    });
    resume();
  }

  public boolean paused() {
    return resumedAt < 0 && result == null;
  }

  public boolean stopped() {
    return result != null;
  }

  /** Milliseconds recorded so far. */
  public long recordedMillis() {
    return recordedMillisBefore + (resumedAt < 0 ? 0 : loop.clock().epochMillis() - resumedAt);
  }

  public void pause() {
    if (resumedAt < 0 || result != null) {
      return;
    }
    catchUp();
    recordedMillisBefore = recordedMillis();
    resumedAt = -1;
    cancelTimers();
  }

  public void resume() {
    if (resumedAt >= 0 || result != null) {
      return;
    }
    resumedAt = loop.clock().epochMillis();
    autoStop = loop.schedule(maxMillis - recordedMillisBefore, onAutoStop);
    if (frameBytes > 0) {
      long frameMillis = Math.max(1, frameBytes * 1000L / ((long) sampleRate * channels * 2));
      scheduleFrames(frameMillis);
    }
  }

  private void scheduleFrames(long every) {
    frameTimer = loop.schedule(every, () -> {
      catchUp();
      scheduleFrames(every);
    });
  }

  /**
   * Stops (idempotent: a second stop does nothing): the WAV file is completed on the file executor, then
   * {@code then} gets its path on the loop.
   */
  public void stop(Consumer<Result> then) {
    if (result != null) {
      return;
    }
    catchUp();
    recordedMillisBefore = Math.min(maxMillis, recordedMillis());
    resumedAt = -1;
    cancelTimers();
    if (frameBytes > 0) {
      onFrame.accept(pendingFrame, true);
      pendingFrame = new byte[0];
    }
    capture.close();
    long dataBytes = framesWritten * channels * 2;
    Result done = new Result(file.path(), Math.round(framesWritten * 1000.0 / sampleRate), 44 + dataBytes);
    result = done;
    Runnable end = loop.beginIo();
    onFile(() -> {
      try (RandomAccessFile f = out) {
        f.seek(0);
        f.write(Wav.header(sampleRate, channels, dataBytes));
      }
    });
    io.execute(() -> loop.execute(() -> {
      try {
        if (failed != null) {
          throw new UncheckedIOException(failed);
        }
        then.accept(done);
      } finally {
        end.run();
      }
    }));
  }

  /** Queues {@code work} on the file executor; after a failed write the rest is skipped. */
  private void onFile(FileWork work) {
    io.execute(() -> {
      if (failed != null) {
        return;
      }
      try {
        work.run();
      } catch (IOException e) {
        failed = e;
      }
    });
  }

  private interface FileWork {
    void run() throws IOException;
  }

  /** Writes what the microphone heard up to now; emits full frames. */
  private void catchUp() {
    long target = Math.min(maxMillis, recordedMillis()) * sampleRate / 1000;
    long frames = target - framesWritten;
    if (frames <= 0) {
      return;
    }
    int bytesPerFrame = channels * 2;
    while (frames > 0) {
      int n = (int) Math.min(frames, 16_384);
      byte[] chunk = new byte[n * bytesPerFrame];
      capture.read(chunk, 0, n);
      long at = 44 + framesWritten * bytesPerFrame;
      onFile(() -> {
        out.seek(at);
        out.write(chunk);
      });
      if (frameBytes > 0) {
        emitFrames(chunk, chunk.length);
      }
      frames -= n;
      framesWritten += n;
    }
  }

  private void emitFrames(byte[] chunk, int length) {
    byte[] joined = new byte[pendingFrame.length + length];
    System.arraycopy(pendingFrame, 0, joined, 0, pendingFrame.length);
    System.arraycopy(chunk, 0, joined, pendingFrame.length, length);
    int at = 0;
    while (joined.length - at >= frameBytes) {
      byte[] frame = Arrays.copyOfRange(joined, at, at + frameBytes);
      at += frameBytes;
      onFrame.accept(frame, false);
    }
    pendingFrame = Arrays.copyOfRange(joined, at, joined.length);
  }

  private void cancelTimers() {
    if (autoStop != null) {
      autoStop.cancel();
      autoStop = null;
    }
    if (frameTimer != null) {
      frameTimer.cancel();
      frameTimer = null;
    }
  }

  /** Abandons the recording (the session is closing): the file is closed and deleted. */
  public void discard() {
    cancelTimers();
    capture.close();
    FileWork drop = () -> {
      if (out != null) {
        out.close();
      }
      Files.deleteIfExists(file.file());
    };
    try {
      onFile(drop);
    } catch (RejectedExecutionException closed) {
      try {
        drop.run(); // the file executor has stopped: nothing else writes the file any more
      } catch (IOException ignored) {
        // temp files go with the session anyway
      }
    }
  }
}
