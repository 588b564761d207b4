package dev.sparrow.apis.media;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.device.AudioOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Legacy voice playback (spec media.md §6): one voice at a time on the {@link AudioOutput}. A
 * {@code playVoice} call completes when its playback stops for any reason — the end (or its
 * {@code duration} cap), {@code pauseVoice}, {@code stopVoice}, or another voice taking over. A
 * later {@code playVoice} of the paused file resumes where it paused. Loop thread only.
 */
public final class Voice {
  private final AudioOutput output;
  private String filePath;
  private AudioOutput.Track track;
  private boolean paused;
  private CompletableFuture<Void> playing;

  public Voice(AudioOutput output) {
    this.output = output;
  }

  /**
   * {@code wx.playVoice}: {@code file} is the resolved local file; {@code durationSeconds} caps the
   * playback (default 60). Fails with {@code "file not found"} or {@code "invalid audio file"}.
   */
  public CompletionStage<Void> play(String path, Optional<Path> file, double durationSeconds) {
    if (paused && path.equals(filePath) && track != null) {
      paused = false;
      playing = new CompletableFuture<>();
      track.play();
      return playing;
    }
    Path f = file.filter(Files::isRegularFile).orElseThrow(() -> ApiFailure.of("file not found"));
    long length;
    try {
      length = AudioDuration.ofFile(f).orElseThrow(() -> ApiFailure.of("invalid audio file"));
    } catch (IOException e) {
      throw ApiFailure.of("file not found");
    }
    stop();
    long cap = durationSeconds > 0 ? Math.round(durationSeconds * 1000) : 60_000;
    filePath = path;
    playing = new CompletableFuture<>();
    track = output.open(path, Math.min(length, cap), this::ended);
    track.play();
    return playing;
  }

  /** {@code wx.pauseVoice}: the voice pauses; its playVoice completes. */
  public void pause() {
    if (track != null && track.playing()) {
      track.pause();
      paused = true;
      finish();
    }
  }

  /** {@code wx.stopVoice}: the voice stops; the next playVoice starts from 0. */
  public void stop() {
    if (track != null) {
      track.close();
      track = null;
    }
    paused = false;
    filePath = null;
    finish();
  }

  /** The file playing or paused now, if any. */
  public Optional<String> current() {
    return Optional.ofNullable(filePath);
  }

  private void ended() {
    track.close();
    track = null;
    filePath = null;
    paused = false;
    finish();
  }

  private void finish() {
    if (playing != null) {
      CompletableFuture<Void> p = playing;
      playing = null;
      p.complete(null);
    }
  }
}
