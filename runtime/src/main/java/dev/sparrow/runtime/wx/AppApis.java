package dev.sparrow.runtime.wx;

import static dev.sparrow.runtime.bridge.JsType.NUMBER;
import static dev.sparrow.runtime.bridge.JsType.STRING;

import dev.sparrow.runtime.bridge.ApiSpec;
import dev.sparrow.runtime.bridge.InstanceRef;
import dev.sparrow.runtime.bridge.WxBridge;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The app-level calls of WeChat's boilerplate (the project template's {@code app.js} and most real
 * apps make them at launch): {@code getLaunchOptionsSync}, {@code getEnterOptionsSync}, {@code
 * getAccountInfoSync}, {@code getExtConfig} / {@code getExtConfigSync} (ext.json's {@code ext}), {@code
 * getUpdateManager} (an UpdateManager that finds no update), {@code login} / {@code checkSession} (offline: a fresh
 * random code, a session that is valid), {@code nextTick}. None of them is in the spec; docs/decisions.md says what Sparrow answers and why.
 */
public final class AppApis {
  static final String UPDATE_MANAGER = "UpdateManager";

  private final WxBridge bridge;
  private final String appId;
  private final Supplier<Map<String, Object>> launchOptions;
  private final Supplier<Map<String, Object>> enterOptions;
  private final Map<String, Object> extConfig;
  private InstanceRef updateManager;

  /** {@code launchOptions} / {@code enterOptions}: the options App.onLaunch and the last App.onShow got. */
  public AppApis(WxBridge bridge, String appId, Supplier<Map<String, Object>> launchOptions, Supplier<Map<String, Object>> enterOptions) {
    this(bridge, appId, launchOptions, enterOptions, Map.of());
  }

  /** {@code extConfig}: what {@code getExtConfig} answers (the {@code ext} of an enabled ext.json, else empty). */
  public AppApis(WxBridge bridge, String appId, Supplier<Map<String, Object>> launchOptions,
      Supplier<Map<String, Object>> enterOptions, Map<String, Object> extConfig) {
    this.bridge = bridge;
    this.appId = appId;
    this.launchOptions = launchOptions;
    this.enterOptions = enterOptions;
    this.extConfig = extConfig;
  }

  public List<ApiSpec> specs() {
    return List.of(
        ApiSpec.sync("getLaunchOptionsSync").returns("path", "query", "scene", "referrerInfo", "apiCategory")
            .handleSync(c -> launchOptions.get()),
        ApiSpec.sync("getEnterOptionsSync").returns("path", "query", "scene", "referrerInfo", "apiCategory")
            .handleSync(c -> enterOptions.get()),
        ApiSpec.sync("getAccountInfoSync").returns("miniProgram", "plugin").handleSync(c -> accountInfo()),
        ApiSpec.async("getExtConfig").returns("extConfig").handle(c -> c.resolve(Map.of("extConfig", extConfig))),
        ApiSpec.sync("getExtConfigSync").handleSync(c -> extConfig),
        ApiSpec.async("login").optional("timeout", NUMBER).returns("code").handle(c -> c.resolve(Map.of("code", code()))),
        ApiSpec.async("checkSession").handle(c -> c.resolve()),
        // nextTick(fn): fn runs in a later loop task, after the code now running
        ApiSpec.listener("nextTick").handleListener(c -> {
          if (c.listener() != null) {
            bridge.post(() -> bridge.callJs(c.listener(), null, "wx.nextTick"));
          }
        }),
        ApiSpec.sync("getUpdateManager").handleSync(c -> {
          if (updateManager == null) {
            updateManager = bridge.register(UPDATE_MANAGER, this);
          }
          return updateManager;
        }),
        // the check finds no newer version: onCheckForUpdate hears {hasUpdate: false} once, the others never fire
        ApiSpec.listener("onCheckForUpdate").on(UPDATE_MANAGER).handleListener(c -> {
          if (c.listener() != null) {
            bridge.post(() -> bridge.callJs(c.listener(), Map.of("hasUpdate", false), "UpdateManager.onCheckForUpdate"));
          }
        }),
        ApiSpec.listener("onUpdateReady").on(UPDATE_MANAGER).handleListener(c -> {}),
        ApiSpec.listener("onUpdateFailed").on(UPDATE_MANAGER).handleListener(c -> {}),
        ApiSpec.sync("applyUpdate").on(UPDATE_MANAGER).handleSync(c -> null),
        ApiSpec.sync("reportAnalytics").required("eventName", STRING).handleSync(c -> null));
  }

  private Map<String, Object> accountInfo() {
    Map<String, Object> mp = new LinkedHashMap<>();
    mp.put("appId", appId);
    mp.put("envVersion", "develop");
    mp.put("version", "");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("miniProgram", mp);
    out.put("plugin", Map.of());
    return out;
  }

  /** A login code as WeChat hands them out: 32 characters, new on every call, valid for nothing offline. */
  private static String code() {
    byte[] b = new byte[16];
    ThreadLocalRandom.current().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
