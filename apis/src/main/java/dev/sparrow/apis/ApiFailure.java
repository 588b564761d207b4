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

  private ApiFailure(String reason, Integer errno) {
    super(reason, null, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.errno = errno;
  }

  /** A failure with WeChat's reason text and no errno. */
  public static ApiFailure of(String reason) {
    return new ApiFailure(reason, null);
  }

  /** A failure with WeChat's reason text and its unified errno. */
  public static ApiFailure of(String reason, int errno) {
    return new ApiFailure(reason, errno);
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
    return reason.isEmpty() ? api + ":fail" : api + ":fail " + reason;
  }
}
