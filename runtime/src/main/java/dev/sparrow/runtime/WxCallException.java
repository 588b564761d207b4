package dev.sparrow.runtime;

import java.util.Map;

/** A wx API called from the host failed; {@link #errMsg()} is exactly what the page would see. */
public final class WxCallException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Map<String, Object> result;

  WxCallException(Map<String, Object> result) {
    super(String.valueOf(result.get("errMsg")), null, false, false);
    this.result = Map.copyOf(result);
  }

  public String errMsg() {
    return getMessage();
  }

  /** The whole fail object ({@code errMsg}, {@code errno}…). */
  public Map<String, Object> result() {
    return result;
  }
}
