package dev.sparrow.runtime.wx;

import static dev.sparrow.runtime.bridge.JsType.OBJECT;

import dev.sparrow.apis.device.Permissions;
import dev.sparrow.apis.media.Recorder;
import dev.sparrow.runtime.bridge.ApiSpec;
import dev.sparrow.runtime.bridge.InstanceRef;
import dev.sparrow.runtime.bridge.Listeners;
import dev.sparrow.runtime.bridge.WxBridge;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * wx recording APIs (spec media.md §5, §8.1): legacy {@code startRecord} / {@code stopRecord} and
 * the {@code RecorderManager} singleton ({@code getRecorderManager}: start/pause/resume/stop and
 * its events). Recordings are WAV files (docs/decisions.md). Implementation: {@link Recorder}.
 */
public final class RecordApis {
  private static final String TYPE = "RecorderManager";
  private static final List<String> EVENTS =
      List.of("Start", "Pause", "Resume", "Stop", "FrameRecorded", "Error", "InterruptionBegin", "InterruptionEnd");

  private final Recorder recorder;
  private final Permissions permissions;
  private final WxBridge bridge;
  private final Consumer<Throwable> internal;
  private final Map<String, Listeners> listeners = new LinkedHashMap<>();
  private InstanceRef manager;

  public RecordApis(Recorder recorder, Permissions permissions, WxBridge bridge, Consumer<Throwable> internal) {
    this.recorder = recorder;
    this.permissions = permissions;
    this.bridge = bridge;
    this.internal = internal;
    for (String e : EVENTS) {
      listeners.put(lower(e), new Listeners(bridge, TYPE + ".on" + e));
    }
    recorder.managerEvents((event, payload) -> listeners.get(event).emit(payload));
  }

  public List<ApiSpec> specs() {
    List<ApiSpec> specs = new ArrayList<>(List.of(
        ApiSpec.async("startRecord").returns("tempFilePath").handle(c -> {
          Stages.settle(c, recorder.startRecord(), r -> Map.of("tempFilePath", r.tempFilePath()), internal);
          if (!c.isSettled()) {
            c.awaitUser(); // the recording waits for stopRecord or the clock, not for the machine
          }
        }),
        ApiSpec.async("stopRecord").handle(c -> {
          recorder.stopRecord();
          c.resolve();
        }),
        ApiSpec.sync("getRecorderManager").handleSync(c -> {
          if (manager == null) {
            manager = bridge.register(TYPE, recorder);
          }
          return manager;
        }),
        ApiSpec.sync("start").on(TYPE).optional("options", OBJECT).handleSync(c -> {
          recorder.start(c.object("options"));
          return null;
        }),
        Stages.action(TYPE, "pause", recorder::pause),
        Stages.action(TYPE, "resume", recorder::resume),
        Stages.action(TYPE, "stop", recorder::stop)));
    for (String e : EVENTS) {
      Listeners l = listeners.get(lower(e));
      specs.add(ApiSpec.listener("on" + e).on(TYPE).handleListener(c -> l.apply(c, true)));
    }
    return specs;
  }

  static String lower(String event) {
    return Character.toLowerCase(event.charAt(0)) + event.substring(1);
  }
}
