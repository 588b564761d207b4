package dev.sparrow.simulator.device;

import dev.sparrow.simulator.Messages;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.apis.files.DocumentViewer;
import dev.sparrow.apis.files.HeadlessDocumentViewer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * {@code wx.openDocument} in the browser: the headless viewer first opens the file as its type (so
 * a corrupt or mismatched file fails exactly as headless) and keeps its record and preview; then
 * every tab shows a full-screen viewer: a PDF page by page (each page rendered to PNG by PDFBox
 * when the page scrolls into view, {@code /document/<id>/<n>.png}), an Office document as the
 * headless viewer's preview (the first slide as an image, or the text of a docx or a sheet).
 */
public final class BrowserDocuments implements DocumentViewer {
  /** Rendered page width in pixels (a 2× phone screen). */
  private static final float PAGE_WIDTH_PX = 900;

  private final DocumentViewer headless;
  private final Prompts prompts;
  private final BooleanSupplier connected;
  private final Map<Integer, Shown> shown = new ConcurrentHashMap<>();

  private record Shown(Path file, String type, byte[] previewPng) {}

  public BrowserDocuments(DocumentViewer headless, Prompts prompts, BooleanSupplier connected) {
    this.headless = headless;
    this.prompts = prompts;
    this.connected = connected;
  }

  @Override
  public void open(Document document) {
    headless.open(document);
    if (!connected.getAsBoolean()) {
      return;
    }
    ObjectNode m = Messages.of("document");
    m.put("fileType", document.fileType());
    m.put("filePath", document.filePath());
    m.put("showMenu", document.showMenu());
    byte[] png = null;
    if (document.fileType().equals("pdf")) {
      try (PDDocument pdf = Loader.loadPDF(document.file().toFile())) {
        m.put("pages", pdf.getNumberOfPages());
      } catch (IOException e) {
        m.put("pages", 0);
      }
    } else if (headless instanceof HeadlessDocumentViewer h) {
      Optional<HeadlessDocumentViewer.Preview> preview = h.last().flatMap(HeadlessDocumentViewer.OpenedDocument::preview);
      if (preview.isPresent() && preview.get().mediaType().startsWith("image/")) {
        png = preview.get().data();
        m.put("image", true);
      } else {
        m.put("text", preview.map(p -> new String(p.data(), StandardCharsets.UTF_8))
            .orElse("(" + document.fileType() + ": no preview; the document opened)"));
      }
    }
    Shown entry = new Shown(document.file(), document.fileType(), png);
    int id = prompts.show(m);
    shown.put(id, entry);
  }

  @Override
  public boolean previews() {
    return headless.previews();
  }

  /** The person closed viewer {@code id}. */
  public void closed(int id) {
    shown.remove(id);
    prompts.close(id);
  }

  /**
   * The PNG behind {@code /document/<id>/<name>}: {@code <n>.png} renders PDF page n (1-based),
   * {@code preview.png} is an Office preview image.
   */
  public Optional<byte[]> image(int id, String name) throws IOException {
    Shown s = shown.get(id);
    if (s == null) {
      return Optional.empty();
    }
    if (name.equals("preview.png")) {
      return Optional.ofNullable(s.previewPng());
    }
    if (!s.type().equals("pdf") || !name.matches("[1-9][0-9]{0,4}\\.png")) {
      return Optional.empty();
    }
    int page = Integer.parseInt(name.substring(0, name.length() - 4)) - 1;
    try (PDDocument pdf = Loader.loadPDF(s.file().toFile())) {
      if (page >= pdf.getNumberOfPages()) {
        return Optional.empty();
      }
      float widthPt = pdf.getPage(page).getMediaBox().getWidth();
      float scale = widthPt > 0 ? PAGE_WIDTH_PX / widthPt : 1.5f;
      BufferedImage image = new PDFRenderer(pdf).renderImage(page, Math.min(4f, scale));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return Optional.of(out.toByteArray());
    }
  }
}
