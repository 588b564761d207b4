package dev.sparrow.runtime.wx;

import static dev.sparrow.runtime.bridge.JsType.NUMBER;
import static dev.sparrow.runtime.bridge.JsType.STRING;

import dev.sparrow.apis.media.AudioPlayer;
import dev.sparrow.apis.media.BackgroundAudio;
import dev.sparrow.runtime.bridge.ApiSpec;
import dev.sparrow.runtime.bridge.InstanceRef;
import dev.sparrow.runtime.bridge.Listeners;
import dev.sparrow.runtime.bridge.WxBridge;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * wx background audio (spec media.md §7, §8.3): the legacy {@code playBackgroundAudio} family with
 * {@code onBackgroundAudioPlay/Pause/Stop}, and the {@code BackgroundAudioManager} singleton
 * ({@code getBackgroundAudioManager}) with its properties and events (no {@code off*}). Both drive
 * the app's one {@link BackgroundAudio} player; a track's end is the legacy stop event.
 */
public final class BackgroundAudioApis {
  private static final String TYPE = "BackgroundAudioManager";
  private static final List<String> EVENTS = List.of("Canplay", "Waiting", "Play", "Pause", "Seeking", "Seeked", "Ended",
      "Stop", "TimeUpdate", "Prev", "Next", "Error");
  private static final List<String> META = List.of("title", "epname", "singer", "coverImgUrl", "webUrl", "protocol",
      "referrerPolicy", "audioType", "referrerPath");

  private final BackgroundAudio audio;
  private final WxBridge bridge;
  private final Consumer<Throwable> internal;
  private final Map<String, Listeners> manager = new LinkedHashMap<>();
  private final Map<String, Listeners> legacy = new LinkedHashMap<>();
  private InstanceRef ref;

  public BackgroundAudioApis(Function<AudioPlayer.Events, BackgroundAudio> audio,
      WxBridge bridge, Consumer<Throwable> internal) {
    this.bridge = bridge;
    this.internal = internal;
    for (String e : EVENTS) {
      manager.put(RecordApis.lower(e), new Listeners(bridge, TYPE + ".on" + e));
    }
    for (String e : List.of("Play", "Pause", "Stop")) {
      legacy.put(RecordApis.lower(e), new Listeners(bridge, "onBackgroundAudio" + e));
    }
    this.audio = audio.apply(this::emit);
  }

  /** The player (for the host: state and events). */
  public BackgroundAudio audio() {
    return audio;
  }

  private void emit(String event, Map<String, Object> payload) {
    manager.get(event).emit(payload);
    String old = event.equals("ended") ? "stop" : event;
    if (legacy.containsKey(old)) {
      legacy.get(old).emit(Map.of());
    }
  }

  public List<ApiSpec> specs() {
    List<ApiSpec> specs = new ArrayList<>(List.of(
        ApiSpec.async("playBackgroundAudio")
            .required("dataUrl", STRING)
            .optional("title", STRING, "")
            .optional("coverImgUrl", STRING, "")
            .handle(c -> Stages.settle(c, audio.playLegacy(c.string("dataUrl"), c.string("title"), c.string("coverImgUrl")),
                v -> Map.of(), internal)),
        ApiSpec.async("getBackgroundAudioPlayerState")
            .returns("status", "duration", "currentPosition", "downloadPercent", "dataUrl")
            .handle(c -> c.resolve(state())),
        ApiSpec.async("seekBackgroundAudio").required("position", NUMBER).handle(c -> {
          audio.seek(c.number("position"));
          c.resolve();
        }),
        ApiSpec.async("pauseBackgroundAudio").handle(c -> {
          audio.pause();
          c.resolve();
        }),
        ApiSpec.async("stopBackgroundAudio").handle(c -> {
          audio.stop();
          c.resolve();
        }),
        ApiSpec.sync("getBackgroundAudioManager").handleSync(c -> {
          if (ref == null) {
            ref = bridge.register(TYPE, audio);
          }
          return ref;
        }),
        Stages.action(TYPE, "play", audio::play),
        Stages.action(TYPE, "pause", audio::pause),
        Stages.action(TYPE, "stop", audio::stop),
        ApiSpec.sync("seek").on(TYPE).required("position", NUMBER).handleSync(c -> {
          audio.seek(c.number("position"));
          return null;
        })));
    for (ApiSpec p : AudioApis.playerProperties(TYPE, o -> ((BackgroundAudio) o).player())) {
      if (p.name().equals("src")) {
        specs.add(ApiSpec.property(TYPE, "src").handleProperty(new ApiSpec.PropertyHandler() {
          @Override
          public Object get(Object instance) {
            return audio.player().src();
          }

          @Override
          public void set(Object instance, Object value) {
            audio.src(value == null ? "" : value.toString());
          }
        }));
      } else {
        specs.add(p);
      }
    }
    for (String name : META) {
      specs.add(ApiSpec.property(TYPE, name).handleProperty(new ApiSpec.PropertyHandler() {
        @Override
        public Object get(Object instance) {
          return audio.meta(name);
        }

        @Override
        public void set(Object instance, Object value) {
          audio.meta(name, value == null ? "" : value);
        }
      }));
    }
    for (String e : EVENTS) {
      Listeners l = manager.get(RecordApis.lower(e));
      specs.add(ApiSpec.listener("on" + e).on(TYPE).handleListener(c -> l.apply(c, true)));
    }
    for (Map.Entry<String, Listeners> e : legacy.entrySet()) {
      String name = "onBackgroundAudio" + Character.toUpperCase(e.getKey().charAt(0)) + e.getKey().substring(1);
      specs.add(ApiSpec.listener(name).handleListener(c -> e.getValue().apply(c, true)));
    }
    return specs;
  }

  /** {@code getBackgroundAudioPlayerState}: status; the other four fields only while music plays. */
  private Map<String, Object> state() {
    Map<String, Object> res = new LinkedHashMap<>();
    int status = audio.status();
    res.put("status", status);
    if (status == BackgroundAudio.PLAYING) {
      res.put("duration", audio.player().duration());
      res.put("currentPosition", audio.player().currentTime());
      res.put("downloadPercent", audio.player().downloadPercent());
      res.put("dataUrl", audio.player().src());
    }
    return res;
  }
}
