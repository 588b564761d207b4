package dev.sparrow.apis.device;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@link AudioOutput} with no sound card: each track is a position on the session clock that
 * advances while it plays, ticks every {@code tickMillis} and ends at its duration. With a virtual
 * clock, "advance 30 s" plays 30 s. The host can read what is audible ({@link #playing()}) and
 * every start/stop ({@link #log()}). Loop-thread use, except the read-only queries.
 */
public final class TimelineAudioOutput implements AudioOutput {
  /** WeChat's onTimeUpdate cadence is about 4 per second. */
  public static final long DEFAULT_TICK_MILLIS = 250;

  private final Clock clock;
  private final Scheduler scheduler;
  private final long tickMillis;
  private final List<TimelineTrack> tracks = new ArrayList<>();
  private final List<String> log = new ArrayList<>();

  public TimelineAudioOutput(Clock clock, Scheduler scheduler) {
    this(clock, scheduler, DEFAULT_TICK_MILLIS);
  }

  public TimelineAudioOutput(Clock clock, Scheduler scheduler, long tickMillis) {
    this.clock = clock;
    this.scheduler = scheduler;
    this.tickMillis = tickMillis;
  }

  @Override
  public Track open(String source, long durationMillis, Listener listener) {
    TimelineTrack t = new TimelineTrack(source, Math.max(0, durationMillis), listener);
    synchronized (this) {
      tracks.add(t);
    }
    return t;
  }

  /** The sources audible now. */
  public synchronized List<String> playing() {
    return tracks.stream().filter(TimelineTrack::playing).map(t -> t.source).toList();
  }

  /** "play x", "pause x", "end x", "close x" in the order they happened. */
  public synchronized List<String> log() {
    return List.copyOf(log);
  }

  private synchronized void record(String event, String source) {
    log.add(event + " " + source);
  }

  private final class TimelineTrack implements Track {
    private final String source;
    private final long duration;
    private final Listener listener;
    private volatile long basePosition;
    private volatile long startedAt = -1;
    private volatile double rate = 1;
    private Scheduler.Cancellable endTimer;
    private Scheduler.Cancellable tickTimer;

    TimelineTrack(String source, long duration, Listener listener) {
      this.source = source;
      this.duration = duration;
      this.listener = listener;
    }

    @Override
    public void play() {
      if (playing()) {
        return;
      }
      if (basePosition >= duration) {
        basePosition = 0;
      }
      startedAt = clock.epochMillis();
      record("play", source);
      arm();
    }

    @Override
    public void pause() {
      if (!playing()) {
        return;
      }
      basePosition = positionMillis();
      startedAt = -1;
      disarm();
      record("pause", source);
    }

    @Override
    public void seek(long positionMillis) {
      boolean wasPlaying = playing();
      long clamped = Math.max(0, Math.min(duration, positionMillis));
      disarm();
      basePosition = clamped;
      if (wasPlaying) {
        startedAt = clock.epochMillis();
        arm();
      }
    }

    @Override
    public void rate(double newRate) {
      if (newRate <= 0) {
        return;
      }
      boolean wasPlaying = playing();
      if (wasPlaying) {
        basePosition = positionMillis();
        startedAt = clock.epochMillis();
        disarm();
      }
      rate = newRate;
      if (wasPlaying) {
        arm();
      }
    }

    @Override
    public long positionMillis() {
      long started = startedAt;
      if (started < 0) {
        return basePosition;
      }
      return Math.min(duration, basePosition + (long) ((clock.epochMillis() - started) * rate));
    }

    @Override
    public long durationMillis() {
      return duration;
    }

    @Override
    public boolean playing() {
      return startedAt >= 0;
    }

    @Override
    public void close() {
      boolean was = playing();
      if (was) {
        basePosition = positionMillis();
      }
      startedAt = -1;
      disarm();
      synchronized (TimelineAudioOutput.this) {
        tracks.remove(this);
      }
      record("close", source);
    }

    private void arm() {
      long left = (long) Math.ceil((duration - basePosition) / rate);
      endTimer = scheduler.schedule(left, this::end);
      scheduleTick();
    }

    private void scheduleTick() {
      tickTimer = scheduler.schedule(tickMillis, () -> {
        if (playing() && positionMillis() < duration) {
          listener.timeUpdate(positionMillis());
          scheduleTick();
        }
      });
    }

    private void disarm() {
      if (endTimer != null) {
        endTimer.cancel();
        endTimer = null;
      }
      if (tickTimer != null) {
        tickTimer.cancel();
        tickTimer = null;
      }
    }

    private void end() {
      basePosition = duration;
      startedAt = -1;
      disarm();
      record("end", source);
      listener.ended();
    }
  }
}
