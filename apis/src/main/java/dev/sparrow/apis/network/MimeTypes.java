package dev.sparrow.apis.network;

import java.util.Locale;
import java.util.Map;

/** Content types by file extension, both ways: uploads name their part's type; downloads pick a temp file extension. */
public final class MimeTypes {
  private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
      Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"), Map.entry("gif", "image/gif"),
      Map.entry("webp", "image/webp"), Map.entry("bmp", "image/bmp"), Map.entry("svg", "image/svg+xml"), Map.entry("ico", "image/x-icon"),
      Map.entry("mp3", "audio/mpeg"), Map.entry("m4a", "audio/mp4"), Map.entry("aac", "audio/aac"), Map.entry("wav", "audio/wav"),
      Map.entry("silk", "audio/silk"), Map.entry("amr", "audio/amr"), Map.entry("mp4", "video/mp4"), Map.entry("mov", "video/quicktime"),
      Map.entry("pdf", "application/pdf"), Map.entry("doc", "application/msword"),
      Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
      Map.entry("xls", "application/vnd.ms-excel"), Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
      Map.entry("ppt", "application/vnd.ms-powerpoint"),
      Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
      Map.entry("txt", "text/plain"), Map.entry("html", "text/html"), Map.entry("css", "text/css"), Map.entry("js", "application/javascript"),
      Map.entry("json", "application/json"), Map.entry("xml", "application/xml"), Map.entry("zip", "application/zip"),
      Map.entry("bin", "application/octet-stream"));

  private MimeTypes() {}

  /** The content type for a file name; {@code application/octet-stream} when unknown. */
  public static String of(String fileName) {
    return BY_EXTENSION.getOrDefault(UploadFile.extension(fileName), "application/octet-stream");
  }

  /** A file extension for a content type ({@code image/png} → {@code png}), or "" when unknown. */
  public static String extensionFor(String contentType) {
    if (contentType == null) {
      return "";
    }
    String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    if (type.equals("image/jpeg")) {
      return "jpg";
    }
    for (Map.Entry<String, String> e : BY_EXTENSION.entrySet()) {
      if (e.getValue().equals(type) && !e.getKey().equals("jpeg")) {
        return e.getKey();
      }
    }
    return "";
  }
}
