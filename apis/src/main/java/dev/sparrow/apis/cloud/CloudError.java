package dev.sparrow.apis.cloud;

/**
 * A database call that WeChat answers with {@code fail}: {@code reason} is the text after {@code "<api>:fail "}
 * (e.g. {@code "document with _id x does not exist"}) and {@code errCode} the code WeChat reports (-1 for most
 * client-side failures).
 */
public final class CloudError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** WeChat's errCode for bad parameters. */
  public static final int INVALID_PARAMETERS = -501007;
  /** WeChat's errCode for a database request the server refused (a unique index's duplicate among them). */
  public static final int REQUEST_FAILED = -502001;
  /** WeChat's detail when set/update data carries {@code _id}. */
  public static final String CANNOT_UPDATE_ID = "不能更新_id的值";

  private final int errCode;
  private final String reason;

  public CloudError(int errCode, String reason) {
    super(reason, null, false, false);
    this.errCode = errCode;
    this.reason = reason;
  }

  public static CloudError of(String reason) {
    return new CloudError(-1, reason);
  }

  /**
   * Bad parameters as WeChat words them: errCode -501007 and {@code "-501007 invalid parameters. <detail>"}
   * (e.g. {@code "document.set:fail -501007 invalid parameters. 不能更新_id的值"}).
   */
  public static CloudError invalid(String detail) {
    return new CloudError(INVALID_PARAMETERS, "-501007 invalid parameters. " + detail);
  }

  /**
   * A write refused by a unique index: errCode -502001 and MongoDB's E11000 text ({@code mongoText}, e.g.
   * {@code "E11000 duplicate key error collection: env.users index: by_phone dup key: { phone: \"1\" }"}) in the
   * frame WeChat reports server write errors in ({@code "-502001 database request fail. [FailedOperation] multiple
   * write errors: [{write errors: [{...}]}, {<nil>}]"}).
   */
  public static CloudError duplicateKey(String mongoText) {
    return new CloudError(REQUEST_FAILED, "-502001 database request fail. [FailedOperation] multiple write errors: "
        + "[{write errors: [{" + mongoText + "}]}, {<nil>}]");
  }

  public int errCode() {
    return errCode;
  }

  public String reason() {
    return reason;
  }

  /** The errMsg a page sees, e.g. {@code "document.get:fail document with _id x does not exist"}. */
  public String errMsg(String api) {
    return api + ":fail " + reason;
  }
}
