package dev.sparrow.documents;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.files.DocumentPreviewer;
import dev.sparrow.apis.files.DocumentRules;
import dev.sparrow.apis.files.HeadlessDocumentViewer.Preview;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Opens a document as its type and makes a preview (PDFBox for PDF, Apache POI for Office files).
 * Anything that does not open — empty, corrupt, another format, encrypted — is {@link
 * DocumentRules#unsupported()}. Registered as the {@link DocumentPreviewer} service: having this module on the
 * class path turns previews on.
 */
public final class PdfOfficePreviewer implements DocumentPreviewer {
  /** Widest preview image in pixels. */
  private static final int MAX_WIDTH = 960;
  /** Longest text preview in characters. */
  private static final int MAX_TEXT = 4000;
  private static final int MAX_ROWS = 50;
  /** Held so that the quieter levels stick (JUL keeps loggers weakly). */
  private static final Logger PDFBOX_LOG = Logger.getLogger("org.apache.pdfbox");
  private static final Logger FONTBOX_LOG = Logger.getLogger("org.apache.fontbox");

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    // POI logs through log4j-api; without a provider it warns once on stderr. The API's own simple
    // logger (errors only) keeps the console quiet.
    if (System.getProperty("log4j2.loggerContextFactory") == null) {
      System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    }
    PDFBOX_LOG.setLevel(Level.SEVERE);
    FONTBOX_LOG.setLevel(Level.SEVERE);
  }

  /**
   * Opens {@code file} as {@code type}; returns its preview (none for doc and ppt).
   *
   * @throws ApiFailure {@code filetype not supported} when it does not open
   */
  @Override
  public Optional<Preview> preview(Path file, String type) {
    try {
      if (Files.size(file) == 0) {
        throw DocumentRules.unsupported();
      }
      return switch (type) {
        case "pdf" -> Optional.of(pdf(file));
        case "pptx" -> pptx(file);
        case "docx" -> Optional.of(docx(file));
        case "xlsx", "xls" -> Optional.of(sheet(file, type));
        case "doc" -> ole2(file, "WordDocument");
        case "ppt" -> ole2(file, "PowerPoint Document");
        default -> throw DocumentRules.unsupported();
      };
    } catch (IOException | RuntimeException | LinkageError e) {
      if (e instanceof ApiFailure f) {
        throw f;
      }
      throw DocumentRules.unsupported();
    }
  }

  private static Preview pdf(Path file) throws IOException {
    try (PDDocument doc = Loader.loadPDF(file.toFile())) {
      if (doc.getNumberOfPages() == 0) {
        throw DocumentRules.unsupported();
      }
      float widthPt = doc.getPage(0).getMediaBox().getWidth();
      float dpi = Math.min(96f, MAX_WIDTH * 72f / Math.max(widthPt, 1f));
      return png(new PDFRenderer(doc).renderImageWithDPI(0, dpi));
    }
  }

  private static Optional<Preview> pptx(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file); XMLSlideShow show = new XMLSlideShow(in)) {
      if (show.getSlides().isEmpty()) {
        return Optional.empty();
      }
      Dimension page = show.getPageSize();
      double scale = Math.min(1.0, (double) MAX_WIDTH / page.width);
      int w = (int) Math.ceil(page.width * scale);
      int h = (int) Math.ceil(page.height * scale);
      BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = img.createGraphics();
      try {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.scale(scale, scale);
        XSLFSlide first = show.getSlides().get(0);
        first.draw(g);
      } finally {
        g.dispose();
      }
      return Optional.of(png(img));
    }
  }

  private static Preview docx(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file); XWPFDocument doc = new XWPFDocument(in)) {
      StringBuilder text = new StringBuilder();
      for (IBodyElement element : doc.getBodyElements()) {
        if (text.length() >= MAX_TEXT) {
          break;
        }
        if (element instanceof XWPFParagraph p) {
          text.append(p.getText()).append('\n');
        } else if (element instanceof XWPFTable table) {
          for (XWPFTableRow row : table.getRows()) { // one line per row, cells separated by tabs (as sheets are)
            text.append(row.getTableCells().stream().map(XWPFTableCell::getText).collect(Collectors.joining("\t"))).append('\n');
          }
        }
      }
      return text(text);
    }
  }

  private static Preview sheet(Path file, String type) throws IOException {
    try (Workbook book = WorkbookFactory.create(file.toFile(), null, true)) {
      boolean xml = book.getClass().getSimpleName().startsWith("XSSF");
      if (xml != type.equals("xlsx")) {
        throw DocumentRules.unsupported();
      }
      StringBuilder text = new StringBuilder();
      if (book.getNumberOfSheets() > 0) {
        DataFormatter format = new DataFormatter();
        Sheet sheet = book.getSheetAt(0);
        int rows = 0;
        for (Row row : sheet) {
          if (rows++ >= MAX_ROWS || text.length() >= MAX_TEXT) {
            break;
          }
          StringBuilder line = new StringBuilder();
          int column = 0;
          for (Cell cell : row) {
            for (; column < cell.getColumnIndex(); column++) {
              line.append('\t');
            }
            line.append(format.formatCellValue(cell));
          }
          text.append(line).append('\n');
        }
      }
      return text(text);
    }
  }

  /** Legacy binary Office files: an OLE2 container holding the format's main stream. */
  private static Optional<Preview> ole2(Path file, String stream) throws IOException {
    try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
      if (!fs.getRoot().hasEntry(stream)) {
        throw DocumentRules.unsupported();
      }
      return Optional.empty();
    }
  }

  private static Preview text(StringBuilder text) {
    String t = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text.toString();
    return new Preview("text/plain; charset=utf-8", t.getBytes(StandardCharsets.UTF_8));
  }

  private static Preview png(BufferedImage img) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return new Preview("image/png", out.toByteArray());
  }
}
