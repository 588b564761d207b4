package dev.sparrow.apis.media;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.device.AudioOutput;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The app's one background audio player (spec media.md §7, §8.3), shared by the legacy {@code
 * playBackgroundAudio} family and {@code BackgroundAudioManager}: one track per app; a new source
 * replaces the old. Setting {@code src} plays at once — once a {@code title} is set, which the
 * native player requires. When a track ends or is stopped the player holds no music (status 2).
 * Loop thread only.
 */
public final class BackgroundAudio {
  /** {@code getBackgroundAudioPlayerState} statuses. */
  public static final int PAUSED = 0;
  public static final int PLAYING = 1;
  public static final int NO_MUSIC = 2;
  /** What the phone answers for a {@code src} that is a package path (WeChat 2018 device report). */
  public static final String NOT_A_STREAM = "setBackgroundAudioState:fail src is not http or https stream!";

  private final AudioPlayer player;
  private final AudioPlayer.Events events;
  private final Map<String, Object> meta = new LinkedHashMap<>();
  private boolean stopped = true;
  private boolean requested;
  private CompletableFuture<Void> legacyPlay;

  public BackgroundAudio(MediaLoop loop, AudioOutput output, AudioSources sources, AudioPlayer.Events events) {
    this.events = events;
    this.player = new AudioPlayer(loop, output, sources, false, this::onEvent);
  }

  public AudioPlayer player() {
    return player;
  }

  /** A descriptive property ({@code title, epname, singer, coverImgUrl, webUrl, protocol…}); "" if unset. */
  public Object meta(String name) {
    return meta.getOrDefault(name, name.equals("protocol") ? "http" : "");
  }

  public void meta(String name, Object value) {
    meta.put(name, value);
    if (name.equals("title") && requested && player.paused()) {
      play();
    }
  }

  /**
   * {@code BackgroundAudioManager.src = url}: replaces the track and plays it (when titled). A package path
   * ({@code /audio/a.mp3}, no scheme) is refused as the phone's native player refuses it: an {@code error} event
   * {@link #NOT_A_STREAM} with errCode 10003, nothing loaded (DevTools plays it; see docs/decisions.md).
   */
  public void src(String url) {
    if (!url.isEmpty() && !url.contains("://")) {
      player.stop();
      stopped = true;
      requested = false;
      Map<String, Object> err = new LinkedHashMap<>();
      err.put("errCode", AudioSources.LoadFailure.FILE);
      err.put("errMsg", NOT_A_STREAM);
      onEvent("error", err);
      return;
    }
    player.src(url);
    stopped = false;
    requested = player.hasSource();
    if (requested && !title().isEmpty()) {
      player.play();
    }
  }

  public void play() {
    if (!player.hasSource()) {
      return;
    }
    requested = true;
    if (title().isEmpty()) {
      return;
    }
    stopped = false;
    player.play();
  }

  public void pause() {
    requested = false;
    player.pause();
  }

  public void stop() {
    requested = false;
    if (player.hasSource() && !stopped) {
      player.stop();
    }
    stopped = true;
  }

  public void seek(double seconds) {
    player.seek(seconds);
  }

  /**
   * {@code wx.playBackgroundAudio}: network streams only; completes when the track starts playing,
   * or fails with the load's error ({@code "network error"}, {@code "format error"}). The URL that
   * is loaded already resumes from where it was paused (how the legacy players' Play button works),
   * or starts over after a stop or its end; playing it while it plays just succeeds.
   */
  public CompletionStage<Void> playLegacy(String dataUrl, String title, String coverImgUrl) {
    if (!MediaFetch.isNetworkUrl(dataUrl)) {
      return CompletableFuture.failedFuture(ApiFailure.of("invalid dataUrl"));
    }
    settleLegacy(null);
    meta.put("title", title == null || title.isEmpty() ? dataUrl : title);
    meta.put("coverImgUrl", coverImgUrl == null ? "" : coverImgUrl);
    legacyPlay = new CompletableFuture<>();
    CompletableFuture<Void> mine = legacyPlay;
    if (dataUrl.equals(player.src()) && player.loaded()) {
      // the same track again: a paused one resumes where it was, a stopped or ended one starts over
      stopped = false;
      requested = true;
      if (player.paused()) {
        player.play();
      } else {
        settleLegacy(null);
      }
    } else {
      src(dataUrl);
    }
    return mine;
  }

  /** {@code getBackgroundAudioPlayerState}'s status. */
  public int status() {
    if (!player.hasSource() || stopped) {
      return NO_MUSIC;
    }
    return player.paused() && !(requested && !player.loaded()) ? PAUSED : PLAYING;
  }

  private void onEvent(String event, Map<String, Object> payload) {
    switch (event) {
      case "play" -> settleLegacy(null);
      case "error" -> {
        settleLegacy(ApiFailure.of(String.valueOf(payload.get("errMsg"))));
        stopped = true;
      }
      case "ended", "stop" -> {
        stopped = true;
        requested = false;
      }
      default -> { }
    }
    events.emit(event, payload);
  }

  private void settleLegacy(ApiFailure failure) {
    if (legacyPlay != null) {
      CompletableFuture<Void> p = legacyPlay;
      legacyPlay = null;
      if (failure == null) {
        p.complete(null);
      } else {
        p.completeExceptionally(failure);
      }
    }
  }

  private String title() {
    return String.valueOf(meta.getOrDefault("title", ""));
  }
}
