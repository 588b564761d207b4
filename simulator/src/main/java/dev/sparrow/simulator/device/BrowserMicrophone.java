package dev.sparrow.simulator.device;

import dev.sparrow.simulator.Messages;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.apis.device.HeadlessMicrophone;
import dev.sparrow.apis.device.Microphone;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The browser's microphone. When a recording opens a capture, the page starts {@code getUserMedia}
 * and streams what it hears as binary frames of 16-bit mono PCM at its own rate ({@code [u32 id][u32
 * rate][int16 LE samples…]}); the capture converts them to the recording's rate and channels (box
 * filter) as the recorder reads them on the session clock. What has not arrived yet when the
 * recorder reads is silence, and as much late audio is dropped when it comes, so the recording
 * stays aligned with session time. The recording is therefore the same WAV file the headless
 * recorder writes. With no tab connected the headless microphone is used.
 */
public final class BrowserMicrophone implements Microphone {
  /** The most audio kept waiting for the recorder (a tab streaming while the session is stuck). */
  private static final int MAX_BUFFERED_SAMPLES = 48_000 * 30;

  private final HeadlessMicrophone headless;
  private final Consumer<ObjectNode> broadcast;
  private final BooleanSupplier connected;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, BrowserCapture> captures = new ConcurrentHashMap<>();

  public BrowserMicrophone(HeadlessMicrophone headless, Consumer<ObjectNode> broadcast, BooleanSupplier connected) {
    this.headless = headless;
    this.broadcast = broadcast;
    this.connected = connected;
  }

  @Override
  public Capture open(int sampleRate, int channels) {
    if (!connected.getAsBoolean()) {
      return headless.open(sampleRate, channels);
    }
    BrowserCapture c = new BrowserCapture(ids.incrementAndGet(), sampleRate, channels);
    captures.put(c.id, c);
    broadcast.accept(Messages.of("mic.open").put("id", c.id).put("sampleRate", sampleRate).put("channels", channels));
    return c;
  }

  /** A binary frame from the page: {@code [u32 id][u32 rate][int16 samples]}, little-endian. */
  public void frame(ByteBuffer frame) {
    ByteBuffer b = frame.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    if (b.remaining() < 8) {
      return;
    }
    BrowserCapture c = captures.get(b.getInt());
    int rate = b.getInt();
    if (c == null || rate < 1000 || rate > 384_000) {
      return;
    }
    short[] samples = new short[b.remaining() / 2];
    b.asShortBuffer().get(samples);
    c.feed(rate, samples);
  }

  /** Whether a capture is running (tests). */
  public boolean capturing() {
    return !captures.isEmpty();
  }

  final class BrowserCapture implements Capture {
    private final int id;
    private final int rate;
    private final int channels;
    private short[] pending = new short[4096];
    private int start;
    private int end;
    private int sourceRate;
    private double cursor;
    private long debt;

    BrowserCapture(int id, int rate, int channels) {
      this.id = id;
      this.rate = rate;
      this.channels = channels;
    }

    synchronized void feed(int fromRate, short[] samples) {
      sourceRate = fromRate;
      int skip = (int) Math.min(debt, samples.length);
      debt -= skip;
      int n = samples.length - skip;
      if (n <= 0 || end - start + n > MAX_BUFFERED_SAMPLES) {
        return;
      }
      if (end + n > pending.length) {
        int live = end - start;
        short[] grown = live + n > pending.length / 2 ? new short[Math.max(pending.length * 2, live + n)] : pending;
        System.arraycopy(pending, start, grown, 0, live);
        pending = grown;
        start = 0;
        end = live;
      }
      System.arraycopy(samples, skip, pending, end, n);
      end += n;
    }

    @Override
    public synchronized void read(byte[] out, int offset, int frames) {
      int p = offset;
      double step = (sourceRate == 0 ? 48_000 : sourceRate) / (double) rate; // before the first frame: a typical rate
      for (int i = 0; i < frames; i++) {
        int v = 0;
        double next = cursor + step;
        int from = (int) cursor;
        int to = Math.max(from + 1, (int) next);
        if (start + to <= end) {
          long sum = 0;
          for (int k = from; k < to; k++) {
            sum += pending[start + k];
          }
          v = (int) (sum / (to - from));
        } else {
          debt += to - from - Math.max(0, Math.min(end - start, to) - from);
        }
        cursor = next;
        int consumed = Math.min((int) cursor, end - start);
        start += consumed;
        cursor -= (int) cursor;
        for (int c = 0; c < channels; c++) {
          out[p++] = (byte) v;
          out[p++] = (byte) (v >> 8);
        }
      }
    }

    @Override
    public void close() {
      if (captures.remove(id) != null) {
        broadcast.accept(Messages.of("mic.close").put("id", id));
      }
    }
  }
}
