package dev.sparrow.apis;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The one way a wx API implementation says "no".
 *
 * <p>{@code reason} is the text WeChat puts after {@code "<api>:fail "} (it may be empty, giving
 * {@code "<api>:fail"}); the bridge adds the prefix, never the implementation. {@code errno} is the
 * unified error code of base library 2.24.0+ when the spec names one.
 */
public final class ApiFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String reason;
  private final Integer errno;
  /** Whether a colon, not a space, joins {@code :fail} and the reason. */
  private final boolean colon;

  private ApiFailure(String reason, Integer errno, boolean colon) {
    super(reason, null, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.errno = errno;
    this.colon = colon;
  }

  /** A failure with WeChat's reason text and no errno. */
  public static ApiFailure of(String reason) {
    return new ApiFailure(reason, null, false);
  }

  /** A failure with WeChat's reason text and its unified errno. */
  public static ApiFailure of(String reason, int errno) {
    return new ApiFailure(reason, errno, false);
  }

  /**
   * A failure whose errMsg joins the reason with a colon, as a few of WeChat's do
   * ({@code "hideLoading:fail:toast can't be found"}).
   */
  public static ApiFailure afterColon(String reason) {
    return new ApiFailure(reason, null, true);
  }

  /** The text after {@code "<api>:fail "}. */
  public String reason() {
    return reason;
  }

  public OptionalInt errno() {
    return errno == null ? OptionalInt.empty() : OptionalInt.of(errno);
  }

  /** The full errMsg as a page sees it, e.g. {@code "getStorage:fail data not found"}. */
  public String errMsg(String api) {
    return reason.isEmpty() ? api + ":fail" : api + (colon ? ":fail:" : ":fail ") + reason;
  }
}
