package dev.sparrow.apis.network;

import dev.sparrow.apis.ApiFailure;
import java.nio.charset.StandardCharsets;

/**
 * {@code SocketTask.close} / {@code wx.closeSocket} argument rules (spec network.md §5.1), pure.
 * WeChat documents the default code 1000 and a reason of at most 123 UTF-8 bytes; which other codes
 * it rejects is unverified, so Sparrow applies the browser rule DevTools runs on (1000, or
 * 3000–4999) with Chromium's messages.
 */
public final class SocketRules {
  public static final int NORMAL_CLOSURE = 1000;
  public static final int ABNORMAL_CLOSURE = 1006;
  public static final int MAX_REASON_BYTES = 123;

  private SocketRules() {}

  /** The close code to send: {@code 1000} when absent; else 1000 or 3000–4999. */
  public static int closeCode(Number code) {
    if (code == null) {
      return NORMAL_CLOSURE;
    }
    double d = code.doubleValue();
    int c = (int) d;
    if (d != c || !(c == NORMAL_CLOSURE || (c >= 3000 && c <= 4999))) {
      throw ApiFailure.of("The code must be either 1000, or between 3000 and 4999. " + JsJson.number(code) + " is neither.");
    }
    return c;
  }

  /** The close reason: at most 123 bytes of UTF-8. */
  public static String closeReason(String reason) {
    String r = reason == null ? "" : reason;
    if (r.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
      throw ApiFailure.of("The message must not be greater than " + MAX_REASON_BYTES + " bytes.");
    }
    return r;
  }
}
