package dev.sparrow.apis.media;

import dev.sparrow.apis.device.AudioOutput;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One audio player on the {@link AudioOutput}: the model behind {@code InnerAudioContext} and the
 * background audio player (spec media.md §7, §8.2–8.3). Setting {@code src} loads the source (its
 * real duration); {@code play} before it is loaded waits; events go to {@link Events} by WeChat's
 * names ({@code canplay, play, pause, stop, ended, timeUpdate, waiting, seeking, seeked, error}).
 * Loop thread only, except {@link #downloadPercent()}.
 */
public final class AudioPlayer {
  /** Receives the player's events on the loop thread. */
  @FunctionalInterface
  public interface Events {
    void emit(String event, Map<String, Object> payload);
  }

  private final MediaLoop loop;
  private final AudioOutput output;
  private final AudioSources sources;
  private final Events events;
  private final boolean playOnSrc;
  private String src = "";
  private long duration = -1;
  private AudioOutput.Track track;
  private CompletableFuture<Long> loading;
  private boolean wantPlay;
  private long pendingSeek = -1;
  private boolean atStart = true;
  private volatile int downloadPercent;
  private double startTime;
  private double playbackRate = 1;
  private boolean loop1;
  private boolean autoplay;
  private boolean destroyed;

  /** @param playOnSrc setting {@code src} starts playback (the background audio manager) */
  public AudioPlayer(MediaLoop loop, AudioOutput output, AudioSources sources, boolean playOnSrc, Events events) {
    this.loop = loop;
    this.output = output;
    this.sources = sources;
    this.playOnSrc = playOnSrc;
    this.events = events;
  }

  // ---- properties -------------------------------------------------------------------------------

  public String src() {
    return src;
  }

  /** Sets the source: the previous one stops and unloads; a non-empty one starts loading. */
  public void src(String value) {
    String next = value == null ? "" : value;
    if (destroyed || next.equals(src)) {
      return;
    }
    unload();
    src = next;
    if (src.isEmpty()) {
      return;
    }
    wantPlay = playOnSrc || autoplay;
    load();
  }

  /** Duration in seconds (0 until known). */
  public double duration() {
    return duration < 0 ? 0 : duration / 1000.0;
  }

  /** Position in seconds, 6 decimals. */
  public double currentTime() {
    long ms = track != null ? track.positionMillis() : Math.max(0, pendingSeek);
    return Math.round(ms * 1000.0) / 1_000_000.0;
  }

  public boolean paused() {
    return track == null || !track.playing();
  }

  /** Seconds buffered: what the speaker loaded (the whole source on the headless timeline). */
  public double buffered() {
    return track == null ? 0 : track.bufferedMillis() / 1000.0;
  }

  public int downloadPercent() {
    return downloadPercent;
  }

  public boolean loaded() {
    return track != null;
  }

  public boolean hasSource() {
    return !src.isEmpty();
  }

  public double startTime() {
    return startTime;
  }

  public void startTime(double seconds) {
    startTime = Math.max(0, seconds);
  }

  public boolean loop() {
    return loop1;
  }

  public void loop(boolean value) {
    loop1 = value;
  }

  public boolean autoplay() {
    return autoplay;
  }

  public void autoplay(boolean value) {
    autoplay = value;
  }

  public double playbackRate() {
    return playbackRate;
  }

  /** Speed 0.5–2.0 (clamped). */
  public void playbackRate(double rate) {
    playbackRate = Math.max(0.5, Math.min(2.0, rate));
    if (track != null) {
      track.rate(playbackRate);
    }
  }

  // ---- methods ----------------------------------------------------------------------------------

  public void play() {
    if (destroyed || src.isEmpty()) {
      return;
    }
    if (track == null) {
      if (loading == null) {
        load();
      }
      wantPlay = true;
      events.emit("waiting", null);
      return;
    }
    if (track.playing()) {
      return;
    }
    if (atStart) {
      track.seek(Math.round(startTime * 1000));
    }
    atStart = false;
    track.play();
    events.emit("play", null);
  }

  public void pause() {
    wantPlay = false;
    if (track != null && track.playing()) {
      track.pause();
      events.emit("pause", null);
    }
  }

  /** Stops: position back to the start; {@code stop} event. */
  public void stop() {
    wantPlay = false;
    if (track == null) {
      return;
    }
    track.pause();
    track.seek(0);
    atStart = true;
    events.emit("stop", null);
  }

  /** Seeks to {@code seconds}, clamped to [0, duration]; {@code seeking} then {@code seeked}. */
  public void seek(double seconds) {
    long ms = Math.round(Math.max(0, seconds) * 1000);
    events.emit("seeking", null);
    if (track == null) {
      pendingSeek = ms;
    } else {
      track.seek(ms);
      atStart = false;
    }
    events.emit("seeked", null);
  }

  /** Stops and forgets everything; later calls do nothing. */
  public void destroy() {
    unload();
    destroyed = true;
  }

  // ---- loading ------------------------------------------------------------------------------------

  private void load() {
    String loadingSrc = src;
    downloadPercent = 0;
    Runnable done = loop.beginIo();
    CompletableFuture<Long> f = sources.duration(loadingSrc, p -> downloadPercent = p);
    loading = f;
    f.whenComplete((d, t) -> loop.execute(() -> {
      done.run();
      if (loading != f) {
        return; // replaced or unloaded meanwhile
      }
      loading = null;
      if (t != null) {
        AudioSources.LoadFailure failure = AudioSources.LoadFailure.of(t);
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("errCode", failure.code());
        err.put("errMsg", failure.errMsg());
        events.emit("error", err);
        return;
      }
      loaded(d);
    }));
  }

  private void loaded(long d) {
    duration = d;
    downloadPercent = 100;
    track = output.open(src, d, new AudioOutput.Listener() {
      @Override
      public void timeUpdate(long positionMillis) {
        events.emit("timeUpdate", null);
      }

      @Override
      public void waiting() {
        events.emit("waiting", null);
      }

      @Override
      public void canPlay() {
        events.emit("canplay", null);
      }

      @Override
      public void ended() {
        if (loop1) {
          track.seek(0);
          track.play();
          return;
        }
        atStart = true;
        events.emit("ended", null);
      }
    });
    track.rate(playbackRate);
    if (pendingSeek >= 0) {
      track.seek(pendingSeek);
      atStart = false;
      pendingSeek = -1;
    }
    events.emit("canplay", null);
    if (wantPlay) {
      wantPlay = false;
      play();
    }
  }

  private void unload() {
    if (loading != null) {
      CompletableFuture<Long> f = loading;
      loading = null;
      f.cancel(true);
    }
    if (track != null) {
      track.close();
      track = null;
    }
    duration = -1;
    downloadPercent = 0;
    pendingSeek = -1;
    atStart = true;
    wantPlay = false;
  }
}
