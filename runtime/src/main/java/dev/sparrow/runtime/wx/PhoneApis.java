package dev.sparrow.runtime.wx;

import static dev.sparrow.runtime.bridge.JsType.ARRAY;
import static dev.sparrow.runtime.bridge.JsType.BOOLEAN;
import static dev.sparrow.runtime.bridge.JsType.NUMBER;
import static dev.sparrow.runtime.bridge.JsType.OBJECT;
import static dev.sparrow.runtime.bridge.JsType.STRING;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.device.HeadlessPhone;
import dev.sparrow.apis.device.MotionSensors;
import dev.sparrow.apis.device.Scanner;
import dev.sparrow.apis.device.Scheduler;
import dev.sparrow.runtime.bridge.ApiCall;
import dev.sparrow.runtime.bridge.ApiSpec;
import dev.sparrow.runtime.bridge.Listeners;
import dev.sparrow.runtime.bridge.WxBridge;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The phone's hardware and chrome: {@code scanCode} (the {@link Scanner}), the motion sensors (compass,
 * accelerometer, gyroscope, device motion: {@code start*}/{@code stop*}/{@code on*}/{@code off*}, reporting the
 * {@link MotionSensors} at the requested interval in session time), screen brightness and keep-on, {@code
 * makePhoneCall}, {@code setTopBarText}, {@code hideHomeButton}, {@code loadFontFace} (validated; headless has no
 * text to draw), and the {@code onUserCaptureScreen} / {@code onKeyboardHeightChange} events the host fires
 * ({@link #captureScreen}, {@link #keyboardHeight}). The state lands in a {@link HeadlessPhone}.
 */
public final class PhoneApis {
  /** Sensor intervals of the docs: game 20 ms, ui 60 ms, normal 200 ms; the compass reports 5 times a second. */
  private static final Map<String, Long> INTERVALS = Map.of("game", 20L, "ui", 60L, "normal", 200L);
  private static final long COMPASS_MS = 200;

  private final Scanner scanner;
  private final MotionSensors sensors;
  private final HeadlessPhone phone;
  private final Scheduler scheduler;
  private final WxBridge bridge;
  private final Consumer<Throwable> internal;
  private final Listeners captures;
  private final Listeners keyboard;
  private final List<Sensor> all = new ArrayList<>();
  private final Consumer<FontFace> fonts;

  /** A font {@code wx.loadFontFace} loaded, for the screens that draw text. */
  public record FontFace(String family, String source, Map<String, Object> desc) {}

  public PhoneApis(Scanner scanner, MotionSensors sensors, HeadlessPhone phone, Scheduler scheduler, WxBridge bridge,
      Consumer<FontFace> fonts, Consumer<Throwable> internal) {
    this.fonts = fonts;
    this.scanner = scanner;
    this.sensors = sensors;
    this.phone = phone;
    this.scheduler = scheduler;
    this.bridge = bridge;
    this.internal = internal;
    this.captures = new Listeners(bridge, "onUserCaptureScreen");
    this.keyboard = new Listeners(bridge, "onKeyboardHeightChange");
  }

  public List<ApiSpec> specs() {
    List<ApiSpec> specs = new ArrayList<>(List.of(
        ApiSpec.async("scanCode").optional("onlyFromCamera", BOOLEAN, false).optional("scanType", ARRAY)
            .returns("result", "scanType", "charSet", "path", "rawData")
            .handle(this::scanCode),
        ApiSpec.async("getScreenBrightness").returns("value")
            .handle(c -> c.resolve(Map.of("value", phone.brightness()))),
        ApiSpec.async("setScreenBrightness").required("value", NUMBER).handle(c -> {
          phone.brightness(c.number("value"));
          c.resolve();
        }),
        ApiSpec.async("setKeepScreenOn").required("keepScreenOn", BOOLEAN).handle(c -> {
          phone.keepScreenOn(c.bool("keepScreenOn"));
          c.resolve();
        }),
        ApiSpec.async("makePhoneCall").required("phoneNumber", STRING).handle(c -> {
          phone.call(c.string("phoneNumber"));
          c.resolve();
        }),
        ApiSpec.async("setTopBarText").required("text", STRING).handle(c -> {
          phone.topBarText(c.string("text"));
          c.resolve();
        }),
        ApiSpec.async("hideHomeButton").handle(ApiCall::resolve),
        ApiSpec.async("loadFontFace").required("family", STRING).required("source", STRING)
            .optional("desc", OBJECT).optional("global", BOOLEAN, false).optional("scopes", ARRAY)
            .returns("status").handle(this::loadFontFace),
        ApiSpec.listener("onUserCaptureScreen").handleListener(c -> captures.apply(c, true)),
        ApiSpec.listener("offUserCaptureScreen").handleListener(c -> captures.apply(c, false)),
        ApiSpec.listener("onKeyboardHeightChange").handleListener(c -> keyboard.apply(c, true)),
        ApiSpec.listener("offKeyboardHeightChange").handleListener(c -> keyboard.apply(c, false))));
    sensor(specs, "Accelerometer", "startAccelerometer", "stopAccelerometer", true, () -> {
      MotionSensors.Acceleration a = sensors.acceleration();
      return Map.of("x", a.x(), "y", a.y(), "z", a.z());
    });
    sensor(specs, "Compass", "startCompass", "stopCompass", false, () -> {
      MotionSensors.Heading h = sensors.heading();
      return Map.of("direction", h.direction(), "accuracy", h.accuracy());
    });
    sensor(specs, "Gyroscope", "startGyroscope", "stopGyroscope", true, () -> {
      MotionSensors.Rotation r = sensors.rotation();
      return Map.of("x", r.x(), "y", r.y(), "z", r.z());
    });
    sensor(specs, "DeviceMotion", "startDeviceMotionListening", "stopDeviceMotionListening", true, () -> {
      MotionSensors.Orientation o = sensors.orientation();
      return Map.of("alpha", o.alpha(), "beta", o.beta(), "gamma", o.gamma());
    });
    return specs;
  }

  /** The person took a screenshot: {@code onUserCaptureScreen} listeners hear it. */
  public void captureScreen() {
    captures.emit(Map.of());
  }

  /** The keyboard's height changed (0: hidden): {@code onKeyboardHeightChange} listeners hear {@code {height}}. */
  public void keyboardHeight(int height) {
    keyboard.emit(Map.of("height", height));
  }

  private void scanCode(ApiCall c) {
    List<String> types = c.has("scanType") ? c.strings("scanType") : List.of("barCode", "qrCode");
    Stages.settle(c, scanner.scan(types, c.bool("onlyFromCamera")), scan -> {
      if (scan.isEmpty()) {
        throw ApiFailure.of("cancel");
      }
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("result", scan.get().result());
      r.put("scanType", scan.get().scanType());
      r.put("charSet", scan.get().charSet());
      r.put("path", "");
      r.put("rawData", Base64.getEncoder().encodeToString(scan.get().result().getBytes(StandardCharsets.UTF_8)));
      return r;
    }, internal);
    if (!c.isSettled()) {
      c.awaitUser(); // a front-end asks the person
    }
  }

  /** Headless validates the source (a URL, or {@code url("…")} around one) and reports the font loaded. */
  private void loadFontFace(ApiCall c) {
    String source = c.string("source").strip();
    if (source.startsWith("url(") && source.endsWith(")")) {
      source = source.substring(4, source.length() - 1).strip().replaceAll("^[\"']|[\"']$", "");
    }
    if (c.string("family").isBlank() || !source.matches("(?i)(https?://|data:|wxfile://|/).+")) {
      c.reject(ApiFailure.of("invalid source"));
      return;
    }
    fonts.accept(new FontFace(c.string("family"), c.string("source"), c.has("desc") ? c.object("desc") : Map.of()));
    c.resolve(Map.of("status", "loaded"));
  }

  private void sensor(List<ApiSpec> specs, String event, String start, String stop, boolean hasInterval,
      Supplier<Map<String, Object>> reading) {
    Sensor s = new Sensor(new Listeners(bridge, "on" + event + "Change"), reading);
    all.add(s);
    ApiSpec.Builder starting = ApiSpec.async(start);
    if (hasInterval) {
      starting.optional("interval", STRING, "normal");
    }
    specs.add(starting.handle(c -> {
      s.start(hasInterval ? INTERVALS.getOrDefault(c.string("interval"), 200L) : COMPASS_MS);
      c.resolve();
    }));
    specs.add(ApiSpec.async(stop).handle(c -> {
      s.stop();
      c.resolve();
    }));
    specs.add(ApiSpec.listener("on" + event + "Change").handleListener(c -> s.listeners.apply(c, true)));
    specs.add(ApiSpec.listener("off" + event + "Change").handleListener(c -> s.listeners.apply(c, false)));
  }

  /** One sensor: while started, a reading every {@code period} ms of session time to its listeners. Loop thread. */
  private final class Sensor {
    private final Listeners listeners;
    private final Supplier<Map<String, Object>> reading;
    private Scheduler.Cancellable next;
    private long period;

    Sensor(Listeners listeners, Supplier<Map<String, Object>> reading) {
      this.listeners = listeners;
      this.reading = reading;
    }

    void start(long periodMillis) {
      stop();
      period = periodMillis;
      next = scheduler.schedule(period, this::tick);
    }

    void stop() {
      if (next != null) {
        next.cancel();
        next = null;
      }
    }

    private void tick() {
      if (next == null) {
        return;
      }
      listeners.emit(reading.get());
      next = scheduler.schedule(period, this::tick);
    }
  }
}
