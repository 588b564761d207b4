package dev.sparrow.runtime.wx;

import static dev.sparrow.runtime.bridge.JsType.STRING;

import dev.sparrow.apis.system.DeviceProfile;
import dev.sparrow.apis.system.SystemInfo;
import dev.sparrow.runtime.bridge.ApiRegistry;
import dev.sparrow.runtime.bridge.ApiSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * wx base and system APIs: {@code canIUse}, {@code getSystemInfo}, {@code getSystemInfoSync},
 * {@code getSystemInfoAsync}, {@code getWindowInfo}, {@code getDeviceInfo}, {@code
 * getAppBaseInfo}, {@code getSystemSetting}, {@code getAppAuthorizeSetting}, {@code
 * getMenuButtonBoundingClientRect}. Values come from the session's {@link DeviceProfile} and the current page's
 * chrome (navigation bar style, tab bar). Implementation: {@link SystemInfo}.
 */
public final class SystemApis {
  private final DeviceProfile device;
  private final Supplier<SystemInfo.Chrome> chrome;
  private final Supplier<ApiRegistry> registry;

  public SystemApis(DeviceProfile device, Supplier<SystemInfo.Chrome> chrome, Supplier<ApiRegistry> registry) {
    this.device = device;
    this.chrome = chrome;
    this.registry = registry;
  }

  public List<ApiSpec> specs() {
    String[] systemFields = SystemInfo.systemInfo(device, SystemInfo.Chrome.DEFAULT).keySet().toArray(String[]::new);
    String[] windowFields = SystemInfo.windowInfo(device, SystemInfo.Chrome.DEFAULT).keySet().toArray(String[]::new);
    return List.of(
        ApiSpec.sync("canIUse").required("schema", STRING).handleSync(c -> registry.get().canIUse(c.string("schema"))),
        // "由于历史原因，这两个接口都是同步实现" (start-up performance guide): success runs before the call returns
        ApiSpec.async("getSystemInfo").synchronousCallbacks().returns(systemFields)
            .handle(c -> c.resolve(systemInfo())),
        ApiSpec.async("getSystemInfoAsync").noPromise().returns(systemFields).handle(c -> c.resolve(systemInfo())),
        ApiSpec.sync("getSystemInfoSync").returns(systemFields).handleSync(c -> systemInfo()),
        ApiSpec.sync("getWindowInfo").returns(windowFields).handleSync(c -> SystemInfo.windowInfo(device, chrome.get())),
        ApiSpec.sync("getDeviceInfo").handleSync(c -> deviceInfo()),
        ApiSpec.sync("getAppBaseInfo").handleSync(c -> appBaseInfo()),
        ApiSpec.sync("getSystemSetting").returns(SystemInfo.systemSetting().keySet().toArray(String[]::new))
            .handleSync(c -> SystemInfo.systemSetting()),
        ApiSpec.sync("getAppAuthorizeSetting")
            .returns(SystemInfo.appAuthorizeSetting().keySet().toArray(String[]::new))
            .handleSync(c -> SystemInfo.appAuthorizeSetting()),
        ApiSpec.sync("getMenuButtonBoundingClientRect").returns("width", "height", "top", "right", "bottom", "left")
            .handleSync(c -> menuButton()));
  }

  /**
   * The capsule (··· ⊙) at the top right, in px: 87×32, 7 px from the right edge, 4 px under the
   * status bar, as on WeChat's iOS client. Pages with a custom navigation bar line their title up
   * with it.
   */
  private Map<String, Object> menuButton() {
    int width = 87;
    int height = 32;
    int top = device.statusBarHeight() + 4;
    int right = device.screenWidth() - 7;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("width", width);
    m.put("height", height);
    m.put("top", top);
    m.put("right", right);
    m.put("bottom", top + height);
    m.put("left", right - width);
    return m;
  }

  private Map<String, Object> systemInfo() {
    return SystemInfo.systemInfo(device, chrome.get());
  }

  private Map<String, Object> deviceInfo() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("brand", device.brand());
    m.put("model", device.model());
    m.put("system", device.system());
    m.put("platform", device.platform());
    m.put("benchmarkLevel", 1);
    m.put("abi", "x86_64");
    m.put("deviceAbi", "x86_64");
    m.put("cpuType", "unknown");
    m.put("memorySize", 4096);
    return m;
  }

  private Map<String, Object> appBaseInfo() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("SDKVersion", device.sdkVersion());
    m.put("enableDebug", false);
    m.put("host", Map.of("env", "WeChat"));
    m.put("language", device.language());
    m.put("version", device.version());
    m.put("theme", "light");
    m.put("fontSizeSetting", device.fontSizeSetting());
    return m;
  }
}
