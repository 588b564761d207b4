package dev.sparrow.apis.network.internal;

import java.io.IOException;

/** A network failure named with Chromium's net error (WeChat's clients run Chromium's network stack). */
public final class NetException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String error;

  /** @param error e.g. {@code ERR_CONTENT_LENGTH_MISMATCH} */
  public NetException(String error) {
    super("net::" + error, null);
    this.error = error;
  }

  public NetException(String error, Throwable cause) {
    super("net::" + error, cause);
    this.error = error;
  }

  public String error() {
    return error;
  }
}
