package dev.sparrow.simulator.device;

import dev.sparrow.simulator.Messages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.apis.device.AudioOutput;
import dev.sparrow.apis.device.TimelineAudioOutput;
import dev.sparrow.apis.media.MediaLoop;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The speaker is the browser: each track is an HTML5 {@code <audio>} in the simulator page, and
 * the page reports its real position, buffering, stalls and end back ({@code audio.state}). Between
 * reports the position is extrapolated on the session clock. A track opened while no tab is
 * connected plays on the headless timeline; a browser track whose tab goes away carries on there
 * from where it was.
 */
public final class BrowserSpeaker implements AudioOutput {
  private final TimelineAudioOutput headless;
  private final MediaLoop loop;
  private final Consumer<ObjectNode> broadcast;
  private final BooleanSupplier connected;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, BrowserTrack> tracks = new ConcurrentHashMap<>();

  public BrowserSpeaker(TimelineAudioOutput headless, MediaLoop loop, Consumer<ObjectNode> broadcast, BooleanSupplier connected) {
    this.headless = headless;
    this.loop = loop;
    this.broadcast = broadcast;
    this.connected = connected;
  }

  @Override
  public Track open(String source, long durationMillis, Listener listener) {
    if (!connected.getAsBoolean()) {
      return headless.open(source, durationMillis, listener);
    }
    BrowserTrack t = new BrowserTrack(ids.incrementAndGet(), source, durationMillis, listener);
    tracks.put(t.id, t);
    broadcast.accept(t.message("audio.open").put("src", source).put("duration", durationMillis));
    return t;
  }

  /** A report from the page's {@code <audio>} ({@code audio.state}); applied on the session thread. */
  public void report(JsonNode m) {
    BrowserTrack t = tracks.get(m.path("id").asInt());
    if (t != null) {
      loop.execute(() -> t.reported(m));
    }
  }

  /** The last tab went away: every browser track carries on on the headless timeline. */
  public void detachAll() {
    for (BrowserTrack t : List.copyOf(tracks.values())) {
      loop.execute(t::detach);
    }
  }

  /** The tracks a tab that connects should load (so that later commands find them). */
  public List<ObjectNode> replay() {
    return tracks.values().stream().map(t -> t.message("audio.open").put("src", t.source).put("duration", t.duration)
        .put("position", t.positionMillis()).put("playing", t.playing())).toList();
  }

  private final class BrowserTrack implements Track {
    private final int id;
    private final String source;
    private final long duration;
    private final Listener listener;
    private volatile long position;
    private volatile long reportedAt;
    private volatile long buffered;
    private volatile boolean playing;
    private volatile double rate = 1;
    private Track fallback;

    BrowserTrack(int id, String source, long duration, Listener listener) {
      this.id = id;
      this.source = source;
      this.duration = duration;
      this.listener = listener;
    }

    ObjectNode message(String type) {
      return Messages.of(type).put("id", id);
    }

    @Override
    public void play() {
      if (fallback != null) {
        fallback.play();
        return;
      }
      if (playing) {
        return;
      }
      if (position >= duration) {
        position = 0;
      }
      mark(position);
      playing = true;
      broadcast.accept(message("audio.play").put("position", position));
    }

    @Override
    public void pause() {
      if (fallback != null) {
        fallback.pause();
        return;
      }
      if (!playing) {
        return;
      }
      mark(positionMillis());
      playing = false;
      broadcast.accept(message("audio.pause"));
    }

    @Override
    public void seek(long positionMillis) {
      if (fallback != null) {
        fallback.seek(positionMillis);
        return;
      }
      mark(Math.max(0, Math.min(duration, positionMillis)));
      broadcast.accept(message("audio.seek").put("position", position));
    }

    @Override
    public void rate(double newRate) {
      if (fallback != null) {
        fallback.rate(newRate);
        return;
      }
      if (newRate > 0) {
        mark(positionMillis());
        rate = newRate;
        broadcast.accept(message("audio.rate").put("rate", newRate));
      }
    }

    @Override
    public long positionMillis() {
      if (fallback != null) {
        return fallback.positionMillis();
      }
      if (!playing) {
        return position;
      }
      long moved = (long) ((loop.clock().epochMillis() - reportedAt) * rate);
      return Math.min(duration, position + Math.max(0, moved));
    }

    @Override
    public long durationMillis() {
      return duration;
    }

    @Override
    public long bufferedMillis() {
      return fallback != null ? fallback.bufferedMillis() : Math.min(duration, buffered);
    }

    @Override
    public boolean playing() {
      return fallback != null ? fallback.playing() : playing;
    }

    @Override
    public void close() {
      tracks.remove(id);
      if (fallback != null) {
        fallback.close();
        return;
      }
      playing = false;
      broadcast.accept(message("audio.close"));
    }

    private void mark(long at) {
      position = at;
      reportedAt = loop.clock().epochMillis();
    }

    /** A report from the page: {@code event} is timeupdate, playing, pause, waiting, canplay, ended or error. */
    void reported(JsonNode m) {
      if (fallback != null || !tracks.containsKey(id)) {
        return;
      }
      buffered = Math.round(m.path("buffered").asDouble(buffered));
      String event = m.path("event").asText();
      if (m.has("position") && !event.equals("ended")) {
        mark(Math.max(0, Math.min(duration, Math.round(m.path("position").asDouble()))));
      }
      switch (event) {
        case "timeupdate" -> {
          if (playing) {
            listener.timeUpdate(position);
          }
        }
        case "waiting" -> listener.waiting();
        case "canplay" -> listener.canPlay();
        case "ended" -> {
          if (playing) {
            playing = false;
            mark(duration);
            listener.ended();
          }
        }
        default -> { }
      }
    }

    /** Moves the track to the headless timeline at its current position. */
    void detach() {
      if (fallback != null || !tracks.containsKey(id)) {
        return;
      }
      boolean was = playing;
      long at = positionMillis();
      playing = false;
      fallback = headless.open(source, duration, listener);
      fallback.rate(rate);
      fallback.seek(at);
      if (was) {
        fallback.play();
      }
    }
  }
}
