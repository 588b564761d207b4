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

    /** Playback stalled for data (a real speaker streaming the source). */
    default void waiting() {}

    /** Playback can go on after {@link #waiting()}. */
    default void canPlay() {}
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

    /** How far the source is loaded, in ms of it (all of it unless a real speaker streams it). */
    default long bufferedMillis() {
      return durationMillis();
    }

    boolean playing();

    /** Stops and removes the track from the output. */
    void close();
  }
}
