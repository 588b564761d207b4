package dev.sparrow.apis.files;

import dev.sparrow.apis.files.internal.DocumentSignatures;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The document viewer of a headless session: opens the file as its type (so corrupt or mismatched
 * files fail as on a phone), keeps a preview and records what was opened for tests and the
 * simulator. With a {@link DocumentPreviewer} (the {@code sparrow-documents} module): the first page of a PDF and
 * the first slide of a pptx as PNG; the text of a docx, and the first sheet of an xlsx/xls as tab-separated text;
 * doc and ppt are checked (OLE2 container with the right stream) but get no preview. Without one, the file's
 * signature is checked ({@link DocumentSignatures}) and no document gets a preview.
 */
public final class HeadlessDocumentViewer implements DocumentViewer {
  /** A preview: {@code image/png} or {@code text/plain; charset=utf-8} bytes. */
  public record Preview(String mediaType, byte[] data) {}

  /** One {@code openDocument} that succeeded. */
  public record OpenedDocument(String filePath, String fileType, boolean showMenu, Optional<Preview> preview) {}

  private final Optional<DocumentPreviewer> previewer;
  private final List<OpenedDocument> opened = new CopyOnWriteArrayList<>();

  /** A viewer with the previewer on the class path ({@link DocumentPreviewer#installed()}), if any. */
  public HeadlessDocumentViewer() {
    this(DocumentPreviewer.installed());
  }

  /** A viewer with {@code previewer}, or none (signatures checked, no previews). */
  public HeadlessDocumentViewer(Optional<DocumentPreviewer> previewer) {
    this.previewer = previewer;
  }

  @Override
  public void open(Document document) {
    Optional<Preview> preview;
    if (previewer.isPresent()) {
      preview = previewer.get().preview(document.file(), document.fileType());
    } else {
      DocumentSignatures.check(document.file(), document.fileType());
      preview = Optional.empty();
    }
    opened.add(new OpenedDocument(document.filePath(), document.fileType(), document.showMenu(), preview));
  }

  @Override
  public boolean previews() {
    return previewer.isPresent();
  }

  /** Every document opened so far, oldest first. */
  public List<OpenedDocument> opened() {
    return List.copyOf(opened);
  }

  public Optional<OpenedDocument> last() {
    List<OpenedDocument> all = opened();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }
}
