package dev.sparrow.apis.files;

import dev.sparrow.apis.ApiFailure;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code wx.openDocument}'s checks (spec files.md §7), as pure rules: the type is {@code fileType}
 * when given, else the path's extension; it must be one of {@link #TYPES}. Texts are the ones
 * WeChat's clients produce ({@code filetype not supported}, {@code file doesn't exist}, {@code
 * invalid data}); see docs/decisions.md.
 */
public final class DocumentRules {
  /** What WeChat's viewer opens. */
  public static final Set<String> TYPES = Set.of("doc", "docx", "xls", "xlsx", "ppt", "pptx", "pdf");

  private DocumentRules() {}

  /** The document type to open as, or {@code filetype not supported}. */
  public static String typeOf(String filePath, String fileType) {
    if (fileType != null && !fileType.isEmpty()) {
      String t = fileType.toLowerCase(Locale.ROOT);
      if (!TYPES.contains(t)) {
        throw unsupported();
      }
      return t;
    }
    return extension(filePath).filter(TYPES::contains).orElseThrow(DocumentRules::unsupported);
  }

  /** The lower-case extension of the last path segment, if any. */
  public static Optional<String> extension(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot <= 0 || dot == name.length() - 1 ? Optional.empty() : Optional.of(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /** Unsupported type, or a file that cannot be opened as its type (empty, corrupt, mismatched). */
  public static ApiFailure unsupported() {
    return ApiFailure.of("filetype not supported");
  }

  public static ApiFailure fileDoesNotExist() {
    return ApiFailure.of("file doesn't exist");
  }

  public static ApiFailure invalidData() {
    return ApiFailure.of("invalid data");
  }
}
