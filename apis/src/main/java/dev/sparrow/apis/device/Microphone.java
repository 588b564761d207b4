package dev.sparrow.apis.device;

/**
 * What the microphone hears. A recorder opens a capture in its own format and reads the signal in
 * order, as much as the session clock says has been recorded.
 */
public interface Microphone {
  /** Starts hearing, as signed 16-bit little-endian PCM with {@code channels} interleaved. */
  Capture open(int sampleRate, int channels);

  /** One recording's view of the microphone. */
  interface Capture {
    /** Fills {@code out} with the next {@code frames} frames (frames × channels × 2 bytes from {@code offset}). */
    void read(byte[] out, int offset, int frames);

    /** The recording ended: the microphone may stop hearing (a browser releases its capture). */
    default void close() {}
  }
}
