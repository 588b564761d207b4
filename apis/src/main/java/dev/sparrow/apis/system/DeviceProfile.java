package dev.sparrow.apis.system;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The simulated phone a session runs on: what {@code wx.getSystemInfo} and {@code
 * wx.getWindowInfo} report and what the simulator paints. Presets follow WeChat DevTools' device
 * list; any field can be changed with the {@code with*} methods.
 *
 * @param safeAreaBottomInset height of the home-indicator area at the bottom, in px
 */
public record DeviceProfile(
    String name,
    String brand,
    String model,
    String system,
    String platform,
    double pixelRatio,
    int screenWidth,
    int screenHeight,
    int statusBarHeight,
    int safeAreaBottomInset,
    String language,
    String version,
    String sdkVersion,
    int fontSizeSetting) {

  /** WeChat's navigation bar under the status bar, in px. */
  public static final int NAVIGATION_BAR_HEIGHT = 44;
  /** The tab bar at the bottom, in px (without the safe-area inset). */
  public static final int TAB_BAR_HEIGHT = 48;
  public static final String DEFAULT_SDK_VERSION = "3.7.12";

  public static final DeviceProfile IPHONE_6 =
      new DeviceProfile("iPhone 6/7/8", "devtools", "iPhone 6/7/8", "iOS 10.0.1", "devtools", 2, 375, 667, 20, 0,
          "zh_CN", "8.0.5", DEFAULT_SDK_VERSION, 16);
  public static final DeviceProfile IPHONE_6_PLUS =
      new DeviceProfile("iPhone 6/7/8 Plus", "devtools", "iPhone 6/7/8 Plus", "iOS 10.0.1", "devtools", 3, 414, 736, 20, 0,
          "zh_CN", "8.0.5", DEFAULT_SDK_VERSION, 16);
  public static final DeviceProfile IPHONE_X =
      new DeviceProfile("iPhone X", "devtools", "iPhone X", "iOS 10.0.1", "devtools", 3, 375, 812, 44, 34,
          "zh_CN", "8.0.5", DEFAULT_SDK_VERSION, 16);
  public static final DeviceProfile IPHONE_14 =
      new DeviceProfile("iPhone 14", "devtools", "iPhone 14", "iOS 16.0", "devtools", 3, 390, 844, 47, 34,
          "zh_CN", "8.0.5", DEFAULT_SDK_VERSION, 16);
  public static final DeviceProfile ANDROID =
      new DeviceProfile("Android", "devtools", "Nexus 5", "Android 5.0", "devtools", 3, 360, 640, 25, 0,
          "zh_CN", "8.0.5", DEFAULT_SDK_VERSION, 16);

  /** The presets by name; the first is the default. */
  public static List<DeviceProfile> presets() {
    return List.of(IPHONE_6, IPHONE_6_PLUS, IPHONE_X, IPHONE_14, ANDROID);
  }

  /** A preset by name, ignoring case, spaces and slashes ({@code "iphone-x"}, {@code "iPhone X"}). */
  public static Optional<DeviceProfile> preset(String name) {
    String wanted = normalise(name);
    return presets().stream().filter(p -> normalise(p.name()).equals(wanted) || normalise(p.model()).equals(wanted)).findFirst();
  }

  public DeviceProfile withPlatform(String platform) {
    return new DeviceProfile(name, brand, model, system, platform, pixelRatio, screenWidth, screenHeight, statusBarHeight,
        safeAreaBottomInset, language, version, sdkVersion, fontSizeSetting);
  }

  public DeviceProfile withLanguage(String language) {
    return new DeviceProfile(name, brand, model, system, platform, pixelRatio, screenWidth, screenHeight, statusBarHeight,
        safeAreaBottomInset, language, version, sdkVersion, fontSizeSetting);
  }

  public DeviceProfile withSdkVersion(String sdkVersion) {
    return new DeviceProfile(name, brand, model, system, platform, pixelRatio, screenWidth, screenHeight, statusBarHeight,
        safeAreaBottomInset, language, version, sdkVersion, fontSizeSetting);
  }

  private static String normalise(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[\\s/_-]+", "");
  }
}
