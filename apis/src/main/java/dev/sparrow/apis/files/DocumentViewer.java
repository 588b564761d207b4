package dev.sparrow.apis.files;

import java.nio.file.Path;

/**
 * The device that shows documents for {@code wx.openDocument} (a viewer page on the phone). The
 * API has already checked the path and the type; the viewer opens the file or fails with {@link
 * DocumentRules#unsupported()} when it cannot. Called off the session thread.
 */
public interface DocumentViewer {
  /** A document to show: the page's path, the host file, its type ({@code pdf}, {@code docx}…) and {@code showMenu}. */
  record Document(String filePath, Path file, String fileType, boolean showMenu) {}

  /**
   * Shows {@code document}.
   *
   * @throws dev.sparrow.apis.ApiFailure when the file cannot be opened as its type
   */
  void open(Document document);

  /** Whether opened documents get a preview (false without the {@code sparrow-documents} module). */
  default boolean previews() {
    return true;
  }
}
