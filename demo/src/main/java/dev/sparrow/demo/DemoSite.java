package dev.sparrow.demo;

import java.net.URI;
import java.util.Locale;

/**
 * The public servers the demo mini program talks to, each with the whitelist family ("服务器域名")
 * its pages use it for. {@code sparrow demo} maps every one of them to the local {@link DemoBackend},
 * which tells them apart by the {@code Host} header the page's URL gives.
 */
public enum DemoSite {
  /** An HTML page for {@code wx.request} ({@code https://www.baidu.com/}). */
  HOME_PAGE("https://www.baidu.com", "request"),
  /** Juhe's postcode API ({@code https://v.juhe.cn/postcode/query}, GET and POST). */
  POSTCODES("https://v.juhe.cn", "request"),
  /** The app's own API: {@code /upload} reports what it received. */
  API("https://api.example.com", "uploadFile"),
  /** The app's CDN: pictures, the MP3 (with ranges), the cover, the PDF and the docx. */
  CDN("https://cdn.example.com", "downloadFile"),
  /** A public WebSocket echo service. */
  ECHO("wss://echo.websocket.org", "socket");

  private final String origin;
  private final String family;

  DemoSite(String origin, String family) {
    this.origin = origin;
    this.family = family;
  }

  /** e.g. {@code https://www.baidu.com}. */
  public String origin() {
    return origin;
  }

  /** e.g. {@code www.baidu.com}. */
  public String host() {
    return URI.create(origin).getHost().toLowerCase(Locale.ROOT);
  }

  /** The whitelist family: {@code request}, {@code uploadFile}, {@code downloadFile} or {@code socket}. */
  public String family() {
    return family;
  }
}
