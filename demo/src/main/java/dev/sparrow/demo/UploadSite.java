package dev.sparrow.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code https://api.example.com/upload}: takes a {@code multipart/form-data} POST (what {@code
 * wx.uploadFile} sends) and answers what it received:
 *
 * <pre>{@code
 * {"code":0,"message":"ok","fields":{"user":"sparrow"},
 *  "files":[{"field":"photo","fileName":"tmp_….jpg","contentType":"image/jpeg","size":48213,"md5":"…"}]}
 * }</pre>
 *
 * Up to {@link #MAX_BYTES} per request, parsed in memory; anything else is a 4xx with {@code code}
 * set to the status.
 */
final class UploadSite extends Handler.Abstract {
  static final long MAX_BYTES = 20L * 1024 * 1024;
  private final Received received;

  UploadSite(Received received) {
    this.received = received;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    if (!Request.getPathInContext(request).equals("/upload")) {
      fail(response, callback, 404, "not found");
      return true;
    }
    if (!request.getMethod().equals("POST")) {
      fail(response, callback, 405, "POST a multipart/form-data body");
      return true;
    }
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    String boundary = type == null ? null : MultiPart.extractBoundary(type);
    if (boundary == null || !type.toLowerCase().startsWith("multipart/form-data")) {
      fail(response, callback, 400, "expected multipart/form-data");
      return true;
    }
    if (request.getLength() > MAX_BYTES) {
      fail(response, callback, 413, "request larger than " + MAX_BYTES + " bytes");
      return true;
    }
    MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
    parser.setMaxLength(MAX_BYTES);
    parser.setMaxMemoryFileSize(MAX_BYTES);
    parser.setMaxParts(100);
    parser.parse(request).whenComplete((parts, failure) -> {
      if (failure != null) {
        fail(response, callback, 400, "unreadable multipart body");
        return;
      }
      try (parts) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<Received.UploadedFile> files = new ArrayList<>();
        for (MultiPart.Part part : parts) {
          if (part.getFileName() == null) {
            fields.putIfAbsent(part.getName(), part.getContentAsString(StandardCharsets.UTF_8));
          } else {
            files.add(file(part));
          }
        }
        received.upload(new Received.Upload(Map.copyOf(fields), List.copyOf(files)));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", 0);
        answer.put("message", "ok");
        answer.put("fields", fields);
        answer.put("files", files);
        Responses.json(response, callback, 200, answer);
      } catch (IOException | RuntimeException e) {
        fail(response, callback, 400, "unreadable part");
      }
    });
    return true;
  }

  private static Received.UploadedFile file(MultiPart.Part part) throws IOException {
    MessageDigest md5;
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    long size = 0;
    byte[] buf = new byte[64 * 1024];
    try (InputStream in = Content.Source.asInputStream(part.createContentSource())) {
      for (int n; (n = in.read(buf)) > 0; ) {
        md5.update(buf, 0, n);
        size += n;
      }
    }
    String type = part.getHeaders().get(HttpHeader.CONTENT_TYPE);
    return new Received.UploadedFile(part.getName(), part.getFileName(), type == null ? "application/octet-stream" : type, size,
        HexFormat.of().formatHex(md5.digest()));
  }

  private static void fail(Response response, Callback callback, int status, String message) {
    Responses.json(response, callback, status, Map.of("code", status, "message", message));
  }
}
