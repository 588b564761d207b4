package dev.sparrow.apis.network.internal;

import dev.sparrow.apis.ApiFailure;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Turns what stopped a task into the page's failure: {@code abort} and {@code timeout} as WeChat
 * words them, network faults as {@code net::ERR_…} (Chromium's names; errno 600001, or 600008 for
 * too many redirects). A Java stack trace never reaches the page.
 */
public final class NetErrors {
  public static final int NETWORK_ERRNO = 600001;
  public static final int MAX_REDIRECT_ERRNO = 600008;
  /** Paired with {@code interrupted} (the app stayed in the background) by the spec (pairing unverified there). */
  public static final int INTERRUPTED_ERRNO = 600003;

  private NetErrors() {}

  public static ApiFailure failure(Throwable t, Control control) {
    if (t instanceof ApiFailure f) {
      return f;
    }
    if (control != null && control.isCancelled()) {
      return cancelled(control.cancelReason());
    }
    if (t instanceof Control.Cancelled c) {
      return cancelled(c.getMessage());
    }
    String error = error(t);
    return ApiFailure.of("net::" + error, error.equals("ERR_TOO_MANY_REDIRECTS") ? MAX_REDIRECT_ERRNO : NETWORK_ERRNO);
  }

  /** Chromium's name for the fault. */
  /** The failure of a task cancelled with {@code reason} ({@code abort}, {@code timeout}, {@code interrupted}). */
  public static ApiFailure cancelled(String reason) {
    return "interrupted".equals(reason) ? ApiFailure.of(reason, INTERRUPTED_ERRNO) : ApiFailure.of(reason);
  }

  static String error(Throwable t) {
    Throwable e = t;
    while (e != null) {
      if (e instanceof NetException n) {
        return n.error();
      }
      if (e instanceof ConnectException) {
        return "ERR_CONNECTION_REFUSED";
      }
      if (e instanceof UnknownHostException || e instanceof UnresolvedAddressException) {
        return "ERR_NAME_NOT_RESOLVED";
      }
      if (e instanceof NoRouteToHostException) {
        return "ERR_ADDRESS_UNREACHABLE";
      }
      if (e instanceof SSLHandshakeException) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("no subject alternative") || m.contains("no name matching")) {
          return "ERR_CERT_COMMON_NAME_INVALID";
        }
        if (m.contains("certification path") || m.contains("unable to find valid") || m.contains("pkix")) {
          return "ERR_CERT_AUTHORITY_INVALID";
        }
        return "ERR_SSL_PROTOCOL_ERROR";
      }
      if (e instanceof SSLException) {
        return "ERR_SSL_PROTOCOL_ERROR";
      }
      if (e instanceof SocketException) {
        return "ERR_CONNECTION_RESET";
      }
      if (e instanceof IOException && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("eof")) {
        return "ERR_CONNECTION_CLOSED";
      }
      e = e.getCause();
    }
    return "ERR_FAILED";
  }
}
