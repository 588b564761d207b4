package dev.sparrow.apis.system;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code wx.getSystemInfo}/{@code getSystemInfoSync}/{@code getWindowInfo}: the device profile as
 * the current page sees it. The window is the screen minus the status and navigation bars (unless
 * the page uses {@code navigationStyle: custom}) and minus the tab bar on tab pages.
 */
public final class SystemInfo {
  private SystemInfo() {}

  /** How the current page is framed. */
  public record Chrome(boolean customNavigation, boolean tabBar) {
    public static final Chrome DEFAULT = new Chrome(false, false);
  }

  /** The fields of {@code getWindowInfo} (base library 2.20.1). */
  public static Map<String, Object> windowInfo(DeviceProfile d, Chrome chrome) {
    int top = chrome.customNavigation() ? 0 : d.statusBarHeight() + DeviceProfile.NAVIGATION_BAR_HEIGHT;
    int bottom = chrome.tabBar() ? DeviceProfile.TAB_BAR_HEIGHT + d.safeAreaBottomInset() : 0;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pixelRatio", number(d.pixelRatio()));
    m.put("screenWidth", d.screenWidth());
    m.put("screenHeight", d.screenHeight());
    m.put("windowWidth", d.screenWidth());
    m.put("windowHeight", d.screenHeight() - top - bottom);
    m.put("statusBarHeight", d.statusBarHeight());
    m.put("safeArea", safeArea(d));
    m.put("screenTop", top);
    return m;
  }

  /** The fields of {@code getSystemInfo}. */
  public static Map<String, Object> systemInfo(DeviceProfile d, Chrome chrome) {
    Map<String, Object> window = windowInfo(d, chrome);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("brand", d.brand());
    m.put("model", d.model());
    m.put("pixelRatio", window.get("pixelRatio"));
    m.put("screenWidth", d.screenWidth());
    m.put("screenHeight", d.screenHeight());
    m.put("windowWidth", window.get("windowWidth"));
    m.put("windowHeight", window.get("windowHeight"));
    m.put("statusBarHeight", d.statusBarHeight());
    m.put("language", d.language());
    m.put("version", d.version());
    m.put("system", d.system());
    m.put("platform", d.platform());
    m.put("fontSizeSetting", d.fontSizeSetting());
    m.put("SDKVersion", d.sdkVersion());
    m.put("benchmarkLevel", 1);
    m.put("albumAuthorized", true);
    m.put("cameraAuthorized", true);
    m.put("locationAuthorized", true);
    m.put("microphoneAuthorized", true);
    m.put("notificationAuthorized", true);
    m.put("bluetoothEnabled", false);
    m.put("locationEnabled", true);
    m.put("wifiEnabled", true);
    m.put("safeArea", window.get("safeArea"));
    m.put("deviceOrientation", "portrait");
    m.put("theme", "light");
    m.put("enableDebug", false);
    m.put("devicePixelRatio", window.get("pixelRatio"));
    return m;
  }

  /**
   * {@code wx.getSystemSetting} (base library 2.20.1): the phone's switches, the same values as the
   * matching {@code getSystemInfo} fields.
   */
  public static Map<String, Object> systemSetting() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("bluetoothEnabled", false);
    m.put("locationEnabled", true);
    m.put("wifiEnabled", true);
    m.put("deviceOrientation", "portrait");
    return m;
  }

  /**
   * {@code wx.getAppAuthorizeSetting} (base library 2.20.1): what the system lets WeChat itself use,
   * not the mini program's scopes ({@code getSetting}); everything is allowed, as the
   * {@code …Authorized} fields of {@code getSystemInfo}, and location is precise.
   */
  public static Map<String, Object> appAuthorizeSetting() {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String name : new String[] {"album", "bluetooth", "camera", "location"}) {
      m.put(name + "Authorized", "authorized");
    }
    m.put("locationReducedAccuracy", false);
    for (String name : new String[] {"microphone", "notification", "notificationAlert", "notificationBadge",
        "notificationSound", "phoneCalendar"}) {
      m.put(name + "Authorized", "authorized");
    }
    return m;
  }

  private static Map<String, Object> safeArea(DeviceProfile d) {
    Map<String, Object> m = new LinkedHashMap<>();
    int bottom = d.screenHeight() - d.safeAreaBottomInset();
    m.put("left", 0);
    m.put("right", d.screenWidth());
    m.put("top", d.statusBarHeight());
    m.put("bottom", bottom);
    m.put("width", d.screenWidth());
    m.put("height", bottom - d.statusBarHeight());
    return m;
  }

  private static Object number(double v) {
    return v == Math.rint(v) ? (Object) (int) v : (Object) v;
  }
}
