package dev.sparrow.runtime.wx;

import static dev.sparrow.runtime.bridge.JsType.NUMBER;
import static dev.sparrow.runtime.bridge.JsType.OBJECT;
import static dev.sparrow.runtime.bridge.JsType.STRING;

import dev.sparrow.apis.device.AudioOutput;
import dev.sparrow.apis.files.FileSandbox;
import dev.sparrow.apis.media.AudioPlayer;
import dev.sparrow.apis.media.AudioSources;
import dev.sparrow.apis.media.MediaLoop;
import dev.sparrow.apis.media.Voice;
import dev.sparrow.runtime.bridge.ApiSpec;
import dev.sparrow.runtime.bridge.InstanceRef;
import dev.sparrow.runtime.bridge.Listeners;
import dev.sparrow.runtime.bridge.WxBridge;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * wx audio playback APIs (spec media.md §6, §8.2): legacy {@code playVoice} / {@code pauseVoice} /
 * {@code stopVoice} (one voice at a time) and {@code createInnerAudioContext} with the {@code
 * InnerAudioContext} properties, methods and on/off events. Sound goes to the session's {@link
 * AudioOutput} timeline. Implementation: {@link Voice}, {@link AudioPlayer}.
 */
public final class AudioApis {
  private static final String TYPE = "InnerAudioContext";
  private static final List<String> EVENTS =
      List.of("Canplay", "Play", "Pause", "Stop", "Ended", "TimeUpdate", "Error", "Waiting", "Seeking", "Seeked");

  /** One InnerAudioContext: its player, its listeners, and the properties that only echo. */
  static final class Context {
    final AudioPlayer player;
    final Map<String, Listeners> listeners = new LinkedHashMap<>();
    final Map<String, Object> echo = new LinkedHashMap<>();
    InstanceRef ref;

    Context(WxBridge bridge, Function<AudioPlayer.Events, AudioPlayer> player) {
      for (String e : EVENTS) {
        listeners.put(RecordApis.lower(e), new Listeners(bridge, TYPE + ".on" + e));
      }
      this.player = player.apply((event, payload) -> listeners.get(event).emit(payload));
      echo.put("volume", 1);
      echo.put("obeyMuteSwitch", true);
      echo.put("referrerPolicy", "");
    }
  }

  private final MediaLoop loop;
  private final AudioOutput output;
  private final AudioSources sources;
  private final Voice voice;
  private final FileSandbox files;
  private final WxBridge bridge;
  private final Consumer<Throwable> internal;
  private final List<Context> contexts = new ArrayList<>();

  public AudioApis(MediaLoop loop, AudioOutput output, AudioSources sources, Voice voice, FileSandbox files, WxBridge bridge,
      Consumer<Throwable> internal) {
    this.loop = loop;
    this.output = output;
    this.sources = sources;
    this.voice = voice;
    this.files = files;
    this.bridge = bridge;
    this.internal = internal;
  }

  public List<ApiSpec> specs() {
    List<ApiSpec> specs = new ArrayList<>(List.of(
        ApiSpec.async("playVoice").required("filePath", STRING).optional("duration", NUMBER, 60).handle(c -> {
          String path = c.string("filePath");
          Stages.settle(c, voice.play(path, files.resolve(path), c.number("duration")), v -> Map.of(), internal);
          if (!c.isSettled()) {
            c.awaitUser(); // the voice plays on the clock
          }
        }),
        ApiSpec.async("pauseVoice").handle(c -> {
          voice.pause();
          c.resolve();
        }),
        ApiSpec.async("stopVoice").handle(c -> {
          voice.stop();
          c.resolve();
        }),
        ApiSpec.sync("createInnerAudioContext").optional("options", OBJECT).handleSync(c -> {
          Context ctx = new Context(bridge, events -> new AudioPlayer(loop, output, sources, false, events));
          ctx.ref = bridge.register(TYPE, ctx);
          contexts.add(ctx);
          return ctx.ref;
        }),
        method("play", ctx -> ctx.player.play()),
        method("pause", ctx -> ctx.player.pause()),
        method("stop", ctx -> ctx.player.stop()),
        ApiSpec.sync("seek").on(TYPE).required("position", NUMBER).handleSync(c -> {
          c.instance(Context.class).player.seek(c.number("position"));
          return null;
        }),
        method("destroy", ctx -> {
          ctx.player.destroy();
          bridge.release(ctx.ref);
          contexts.remove(ctx);
        })));
    specs.addAll(playerProperties(TYPE, o -> ((Context) o).player));
    specs.add(property("autoplay", (ctx, v) -> ctx.player.autoplay(Boolean.TRUE.equals(v)), ctx -> ctx.player.autoplay()));
    specs.add(property("loop", (ctx, v) -> ctx.player.loop(Boolean.TRUE.equals(v)), ctx -> ctx.player.loop()));
    for (String echo : List.of("volume", "obeyMuteSwitch", "referrerPolicy")) {
      specs.add(property(echo, (ctx, v) -> ctx.echo.put(echo, echo.equals("volume") ? clampVolume(v) : v), ctx -> ctx.echo.get(echo)));
    }
    for (String e : EVENTS) {
      String key = RecordApis.lower(e);
      specs.add(ApiSpec.listener("on" + e).on(TYPE).handleListener(c -> c.instance(Context.class).listeners.get(key).apply(c, true)));
      specs.add(ApiSpec.listener("off" + e).on(TYPE).handleListener(c -> c.instance(Context.class).listeners.get(key).apply(c, false)));
    }
    return specs;
  }

  /** The session ends: every player stops and unloads (downloads in flight are cancelled). Loop thread. */
  public void close() {
    contexts.forEach(ctx -> ctx.player.destroy());
    contexts.clear();
    voice.stop();
  }

  /**
   * Properties every player has: {@code src}, {@code startTime}, {@code playbackRate} (read-write),
   * {@code duration}, {@code paused}, {@code buffered} (read-only), {@code currentTime} (writing
   * seeks, as since base library 2.26.2).
   */
  static List<ApiSpec> playerProperties(String owner, Function<Object, AudioPlayer> player) {
    return List.of(
        ApiSpec.property(owner, "src").handleProperty(handler(player, AudioPlayer::src, (p, v) -> p.src(v == null ? "" : v.toString()))),
        ApiSpec.property(owner, "startTime").handleProperty(handler(player, AudioPlayer::startTime, (p, v) -> p.startTime(number(v)))),
        ApiSpec.property(owner, "playbackRate").handleProperty(handler(player, AudioPlayer::playbackRate, (p, v) -> p.playbackRate(number(v)))),
        ApiSpec.property(owner, "currentTime").handleProperty(handler(player, AudioPlayer::currentTime, (p, v) -> p.seek(number(v)))),
        ApiSpec.property(owner, "duration").readOnly().handleProperty(handler(player, AudioPlayer::duration, (p, v) -> { })),
        ApiSpec.property(owner, "paused").readOnly().handleProperty(handler(player, AudioPlayer::paused, (p, v) -> { })),
        ApiSpec.property(owner, "buffered").readOnly().handleProperty(handler(player, AudioPlayer::buffered, (p, v) -> { })));
  }

  private static ApiSpec.PropertyHandler handler(Function<Object, AudioPlayer> player, Function<AudioPlayer, Object> get,
      BiConsumer<AudioPlayer, Object> set) {
    return new ApiSpec.PropertyHandler() {
      @Override
      public Object get(Object instance) {
        return get.apply(player.apply(instance));
      }

      @Override
      public void set(Object instance, Object value) {
        set.accept(player.apply(instance), value);
      }
    };
  }

  private static ApiSpec method(String name, Consumer<Context> action) {
    return ApiSpec.sync(name).on(TYPE).handleSync(c -> {
      action.accept(c.instance(Context.class));
      return null;
    });
  }

  private static ApiSpec property(String name, BiConsumer<Context, Object> set, Function<Context, Object> get) {
    return ApiSpec.property(TYPE, name).handleProperty(new ApiSpec.PropertyHandler() {
      @Override
      public Object get(Object instance) {
        return get.apply((Context) instance);
      }

      @Override
      public void set(Object instance, Object value) {
        set.accept((Context) instance, value);
      }
    });
  }

  static double number(Object v) {
    return v instanceof Number n ? n.doubleValue() : 0;
  }

  private static Object clampVolume(Object v) {
    double d = number(v);
    return Math.max(0, Math.min(1, d));
  }
}
