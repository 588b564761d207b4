package dev.sparrow.apis.network;

/**
 * The four network API families WeChat configures separately ("服务器域名": request, uploadFile,
 * downloadFile, socket), each with its own domain list and scheme (spec network.md §1.1).
 */
public enum Family {
  REQUEST("request", "https", "http"),
  UPLOAD("uploadFile", "https", "http"),
  DOWNLOAD("downloadFile", "https", "http"),
  SOCKET("connectSocket", "wss", "ws");

  private final String api;
  private final String secureScheme;
  private final String plainScheme;

  Family(String api, String secureScheme, String plainScheme) {
    this.api = api;
    this.secureScheme = secureScheme;
    this.plainScheme = plainScheme;
  }

  /** The wx API name, also the key in app.json {@code networkTimeout}. */
  public String api() {
    return api;
  }

  /** The only scheme allowed while domains are verified: {@code https} or {@code wss}. */
  public String secureScheme() {
    return secureScheme;
  }

  /** The other scheme, allowed only when domain verification is off: {@code http} or {@code ws}. */
  public String plainScheme() {
    return plainScheme;
  }

  /** The family for a configuration key: {@code request}, {@code uploadFile}/{@code upload}, {@code downloadFile}/{@code download}, {@code socket}/{@code connectSocket}. */
  public static Family of(String key) {
    switch (key) {
      case "request":
        return REQUEST;
      case "upload":
      case "uploadFile":
        return UPLOAD;
      case "download":
      case "downloadFile":
        return DOWNLOAD;
      case "socket":
      case "connectSocket":
        return SOCKET;
      default:
        throw new IllegalArgumentException("unknown network family \"" + key + "\"; one of request, uploadFile, downloadFile, socket");
    }
  }
}
