package dev.sparrow.apis;

/** Unified error codes (spec README §5, network.md §7, files.md §8.1) that more than one family uses. */
public final class Errno {
  private Errno() {}

  public static final int CANCEL = 1;
  public static final int SYSTEM_PERMISSION_DENIED = 3;
  public static final int INTERNAL_ERROR = 4;
  public static final int TIME_OUT = 5;
  public static final int AUTHORIZE_DENIED = 103;
  public static final int AUTHORIZE_CANCELED = 104;
  public static final int INVALID_PARAMETER = 1001;
  public static final int JSON_PARSE_ERROR = 100001;
}
