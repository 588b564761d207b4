package dev.sparrow.apis.network;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code wx.uploadFile} (spec network.md §3): a POST of {@code multipart/form-data} with the
 * {@code formData} fields first and then the file part ({@code name}, the file's own name, and its
 * real content type from {@link MimeTypes}). The file is streamed from disk, never loaded whole;
 * progress counts the whole request body. The success {@code data} is always the body as a string.
 *
 * <p>A {@code Content-Type} the page sets is replaced by Sparrow's {@code multipart/form-data;
 * boundary=…}: any other value would make the body unreadable (see docs/decisions.md).
 */
public final class UploadFile {
  private static final SecureRandom RANDOM = new SecureRandom();

  private UploadFile() {}

  /**
   * @param file the host file behind the page's {@code filePath}
   * @param fileName the name sent in the part ({@code filename="…"})
   * @param formData extra fields; values as JS {@code String(v)}
   */
  public record Options(String url, Path file, String fileName, String name, Map<String, Object> header, Map<String, Object> formData,
      Number timeout, boolean enableHttp2) {}

  public record Result(int statusCode, Headers header, String data, Map<String, Object> profile) {}

  static HttpTask<Result> start(Network net, Options o, HttpEvents events) {
    NetworkPolicy policy = net.policy();
    var url = DomainRules.check(Family.UPLOAD, o.url(), policy);
    String boundary = "----SparrowFormBoundary" + HexFormat.of().formatHex(randomBytes());
    List<Object> body = multipart(boundary, o);
    Headers headers = RequestRules.pageHeaders(o.header()).without("content-type")
        .with("Content-Type", "multipart/form-data; boundary=" + boundary);
    return net.run(Family.UPLOAD, "POST", url, headers, body, o.enableHttp2(), true, false,
        policy.timeoutMillis(Family.UPLOAD, o.timeout()), events, (status, h, in, t) -> {
          byte[] bytes = in.readAllBytes();
          return new Result(status, h, RequestRules.text(bytes, h.get("Content-Type")),
              Request.profile(t, bytes.length));
        }, true);
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return b;
  }

  /** The body parts: form fields, the file part's head, the file, the closing boundary. */
  static List<Object> multipart(String boundary, Options o) {
    StringBuilder head = new StringBuilder();
    if (o.formData() != null) {
      o.formData().forEach((k, v) -> head.append("--").append(boundary).append("\r\n")
          .append("Content-Disposition: form-data; name=\"").append(escape(k)).append("\"\r\n\r\n")
          .append(RequestRules.jsString(v)).append("\r\n"));
    }
    head.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(escape(o.name())).append("\"; filename=\"").append(escape(o.fileName())).append("\"\r\n")
        .append("Content-Type: ").append(MimeTypes.of(o.fileName())).append("\r\n\r\n");
    List<Object> parts = new ArrayList<>();
    parts.add(head.toString().getBytes(StandardCharsets.UTF_8));
    parts.add(o.file());
    parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return parts;
  }

  private static String escape(String s) {
    return s.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Lower-case extension of a file name, or "". */
  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return dot > slash && dot < name.length() - 1 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }
}
