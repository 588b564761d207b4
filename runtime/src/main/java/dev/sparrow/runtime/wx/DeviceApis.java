package dev.sparrow.runtime.wx;

import static dev.sparrow.runtime.bridge.JsType.STRING;

import dev.sparrow.runtime.bridge.ApiSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Device calls pages make in passing: {@code getNetworkType} (the simulated phone is on Wi-Fi),
 * {@code onNetworkStatusChange} / {@code offNetworkStatusChange} (accepted; the network never
 * changes), {@code setClipboardData} / {@code getClipboardData} (a clipboard per session), {@code
 * vibrateShort} / {@code vibrateLong} (nothing to shake). Not in the spec; see docs/decisions.md.
 */
public final class DeviceApis {
  private volatile String clipboard = "";

  public List<ApiSpec> specs() {
    return List.of(
        ApiSpec.async("getNetworkType").returns("networkType", "signalStrength", "hasSystemProxy").handle(c -> {
          Map<String, Object> r = new LinkedHashMap<>();
          r.put("networkType", "wifi");
          r.put("signalStrength", 0);
          r.put("hasSystemProxy", false);
          c.resolve(r);
        }),
        ApiSpec.listener("onNetworkStatusChange").handleListener(c -> {}),
        ApiSpec.listener("offNetworkStatusChange").handleListener(c -> {}),
        ApiSpec.async("setClipboardData").required("data", STRING).handle(c -> {
          clipboard = c.string("data");
          c.resolve();
        }),
        ApiSpec.async("getClipboardData").returns("data").handle(c -> c.resolve(Map.of("data", clipboard))),
        ApiSpec.async("vibrateShort").optional("type", STRING, "medium").handle(c -> c.resolve()),
        ApiSpec.async("vibrateLong").handle(c -> c.resolve()));
  }

  /** What the page last put on the clipboard (tests, the simulator). */
  public String clipboard() {
    return clipboard;
  }
}
