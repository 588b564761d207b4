package dev.sparrow.apis.media;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.device.Microphone;
import dev.sparrow.apis.device.Permissions;
import dev.sparrow.apis.files.FileSandbox;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The session's one recorder (spec media.md §5, §8.1), used by the legacy {@code startRecord} /
 * {@code stopRecord} pair and by the {@code RecorderManager} singleton; both need {@code
 * scope.record} and share the microphone: one recording at a time. Loop thread only.
 */
public final class Recorder {
  public static final String SCOPE = "scope.record";
  /** Legacy recordings stop by themselves after one minute. */
  public static final long LEGACY_CAP_MILLIS = 60_000;
  /** Legacy recordings: 16 kHz mono (what WeChat's voice messages use). */
  public static final int LEGACY_RATE = 16_000;

  private final MediaLoop loop;
  private final Microphone microphone;
  private final Permissions permissions;
  private final FileSandbox files;
  private final Executor io;
  private AudioPlayer.Events managerEvents = (e, p) -> {};
  private Recording current;
  private CompletableFuture<Recording.Result> legacy;
  private boolean starting;

  /** @param io the session's ordered file executor: recordings write their files there */
  public Recorder(MediaLoop loop, Microphone microphone, Permissions permissions, FileSandbox files, Executor io) {
    this.io = io;
    this.loop = loop;
    this.microphone = microphone;
    this.permissions = permissions;
    this.files = files;
  }

  /** Where the RecorderManager's events go ({@code start, pause, resume, stop, frameRecorded, error}). */
  public void managerEvents(AudioPlayer.Events events) {
    this.managerEvents = events;
  }

  public boolean recording() {
    return current != null || starting;
  }

  // ---- legacy -----------------------------------------------------------------------------------

  /**
   * {@code wx.startRecord}: completes with the recording when it ends ({@code stopRecord} or the
   * 60 s cap). Fails with {@code "auth deny"} or {@code "recorder is recording"}.
   */
  public CompletionStage<Recording.Result> startRecord() {
    if (recording()) {
      return CompletableFuture.failedFuture(ApiFailure.of("recorder is recording"));
    }
    CompletableFuture<Recording.Result> done = new CompletableFuture<>();
    starting = true;
    permissions.request(SCOPE).whenComplete((granted, t) -> loop.execute(() -> {
      starting = false;
      if (!Boolean.TRUE.equals(granted)) {
        done.completeExceptionally(ApiFailure.of("auth deny"));
        return;
      }
      legacy = done;
      current = new Recording(loop, microphone, files, LEGACY_RATE, 1, LEGACY_CAP_MILLIS, 0, (b, last) -> {}, this::finishLegacy,
          io);
    }));
    return done;
  }

  /** {@code wx.stopRecord}: ends a legacy recording; its startRecord completes after this call's own answer. */
  public void stopRecord() {
    if (legacy != null) {
      loop.execute(this::finishLegacy);
    }
  }

  private void finishLegacy() {
    if (legacy == null || current == null) {
      return;
    }
    CompletableFuture<Recording.Result> done = legacy;
    legacy = null;
    current.stop(done::complete);
    current = null;
  }

  // ---- RecorderManager --------------------------------------------------------------------------

  /** {@code RecorderManager.start(options)}; problems go to onError. */
  public void start(Map<String, Object> options) {
    RecorderRules.Result checked = RecorderRules.check(options);
    if (!checked.ok()) {
      error(checked.failure());
      return;
    }
    if (recording()) {
      error("recorder is recording");
      return;
    }
    RecorderRules.Options o = checked.options();
    starting = true;
    permissions.request(SCOPE).whenComplete((granted, t) -> loop.execute(() -> {
      starting = false;
      if (!Boolean.TRUE.equals(granted)) {
        error("auth deny");
        return;
      }
      int frameBytes = o.format().equals("pcm") ? o.frameSizeBytes() : 0;
      current = new Recording(loop, microphone, files, o.sampleRate(), o.channels(), o.durationMillis(), frameBytes,
          (bytes, last) -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("frameBuffer", bytes);
            f.put("isLastFrame", last);
            managerEvents.emit("frameRecorded", f);
          }, this::stop, io);
      managerEvents.emit("start", null);
    }));
  }

  public void pause() {
    if (current == null || legacy != null) {
      error("recorder not start");
      return;
    }
    if (!current.paused()) {
      current.pause();
      managerEvents.emit("pause", null);
    }
  }

  public void resume() {
    if (current == null || legacy != null) {
      error("recorder not start");
      return;
    }
    if (current.paused()) {
      current.resume();
      managerEvents.emit("resume", null);
    }
  }

  /** {@code RecorderManager.stop()} (and the duration cap): onStop with the file. */
  public void stop() {
    if (current == null || legacy != null) {
      error("recorder not start");
      return;
    }
    current.stop(r -> {
      Map<String, Object> res = new LinkedHashMap<>();
      res.put("tempFilePath", r.tempFilePath());
      res.put("duration", r.durationMillis());
      res.put("fileSize", r.fileSize());
      managerEvents.emit("stop", res);
    });
    current = null;
  }

  /** The session ends: an unfinished recording is discarded. */
  public void close() {
    if (current != null) {
      current.discard();
      current = null;
    }
  }

  private void error(String reason) {
    managerEvents.emit("error", Map.of("errMsg", "operateRecorder:fail " + reason));
  }
}
