package dev.sparrow.apis.device;

/**
 * The speaker. A player opens a track for a source of known duration; the output plays it on the
 * session clock and says when it ends. Positions are milliseconds of the source.
 */
public interface AudioOutput {
  /** Opens a track (paused at 0) for {@code source} lasting {@code durationMillis}. */
  Track open(String source, long durationMillis, Listener listener);

  /** What a track reports while it plays; called on the session thread. */
  interface Listener {
    /** The position moved while playing (every tick of the output). */
    default void timeUpdate(long positionMillis) {}

    /** The track reached its end and stopped there. */
    void ended();
  }

  /** One source on the output. */
  interface Track {
    void play();

    void pause();

    /** Moves to {@code positionMillis}, clamped to [0, duration]. */
    void seek(long positionMillis);

    /** Speed factor (1 = normal). */
    void rate(double rate);

    long positionMillis();

    long durationMillis();

    boolean playing();

    /** Stops and removes the track from the output. */
    void close();
  }
}
