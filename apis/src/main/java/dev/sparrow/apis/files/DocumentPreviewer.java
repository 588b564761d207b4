package dev.sparrow.apis.files;

import dev.sparrow.apis.files.HeadlessDocumentViewer.Preview;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Opens a document as its type and makes its preview. The implementation with PDFBox and Apache POI is the
 * optional {@code sparrow-documents} module, found through {@link ServiceLoader} when it is on the class path
 * (the CLI and the simulator bring it); without it {@link HeadlessDocumentViewer} checks the file's signature
 * only and keeps no preview.
 */
public interface DocumentPreviewer {
  /**
   * Opens {@code file} as {@code type}; its preview, or empty when the type has none.
   *
   * @throws dev.sparrow.apis.ApiFailure {@link DocumentRules#unsupported()} when it does not open as its type
   */
  Optional<Preview> preview(Path file, String type);

  /** The previewer on the class path, if any. */
  static Optional<DocumentPreviewer> installed() {
    return ServiceLoader.load(DocumentPreviewer.class, DocumentPreviewer.class.getClassLoader()).findFirst();
  }
}
