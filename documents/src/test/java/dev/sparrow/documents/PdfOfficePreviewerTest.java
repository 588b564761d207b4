package dev.sparrow.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.files.DocumentRules;
import dev.sparrow.apis.files.DocumentViewer;
import dev.sparrow.apis.files.HeadlessDocumentViewer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** openDocument's rules and the headless viewer with this module's previews: types, previews, corrupt and mismatched files. */
class PdfOfficePreviewerTest {
  @TempDir Path dir;
  private final HeadlessDocumentViewer viewer = new HeadlessDocumentViewer();

  private HeadlessDocumentViewer.OpenedDocument open(Path file, String type) {
    viewer.open(new DocumentViewer.Document("wxfile://usr/" + file.getFileName(), file, type, true));
    return viewer.last().orElseThrow();
  }

  private static BufferedImage image(HeadlessDocumentViewer.OpenedDocument d) throws Exception {
    HeadlessDocumentViewer.Preview p = d.preview().orElseThrow();
    assertThat(p.mediaType()).isEqualTo("image/png");
    return ImageIO.read(new ByteArrayInputStream(p.data()));
  }

  @Test
  void aPdfOpensWithItsFirstPageAsPng() throws Exception {
    BufferedImage page = image(open(Documents.pdf(dir.resolve("a.pdf"), "Hello"), "pdf"));
    assertThat(page.getWidth()).isEqualTo(816);
    assertThat(page.getHeight()).isEqualTo(1056);
    assertThat(page.getRGB(150, 1056 - 500 * 96 / 72)).as("the filled rectangle is black").isEqualTo(0xff000000);
    assertThat(page.getRGB(5, 5)).as("the margin is white").isEqualTo(0xffffffff);
    assertThat(viewer.opened()).extracting(HeadlessDocumentViewer.OpenedDocument::fileType).containsExactly("pdf");
  }

  @Test
  void aPptxOpensWithItsFirstSlideAsPng() throws Exception {
    BufferedImage slide = image(open(Documents.pptx(dir.resolve("s.pptx"), "Quarterly numbers"), "pptx"));
    assertThat(slide.getWidth()).isEqualTo(720);
    assertThat(slide.getHeight()).isEqualTo(540);
    boolean ink = false;
    for (int x = 50; x < 600 && !ink; x++) {
      for (int y = 50; y < 150 && !ink; y++) {
        ink = (slide.getRGB(x, y) & 0xffffff) != 0xffffff;
      }
    }
    assertThat(ink).as("the title is drawn").isTrue();
  }

  @Test
  void docxAndSpreadsheetsGetATextPreview() throws Exception {
    assertThat(text(open(Documents.docx(dir.resolve("d.docx"), "Dear customer"), "docx"))).isEqualTo("Dear customer\n");
    assertThat(text(open(Documents.docxWithTable(dir.resolve("t.docx")), "docx")))
        .as("tables in document order, a row per line").isEqualTo("Figures\nRegion\tQ1\nNorth\t120\nEnd\n");
    assertThat(text(open(Documents.xlsx(dir.resolve("x.xlsx")), "xlsx"))).isEqualTo("apple\t\t3.5\n");
    assertThat(text(open(Documents.xls(dir.resolve("x.xls")), "xls"))).isEqualTo("pear\n");
  }

  @Test
  void legacyWordAndPowerPointAreCheckedButNotPreviewed() throws Exception {
    assertThat(open(Documents.ole2(dir.resolve("w.doc"), "WordDocument"), "doc").preview()).isEmpty();
    assertThat(open(Documents.ole2(dir.resolve("p.ppt"), "PowerPoint Document"), "ppt").preview()).isEmpty();
    Path word = Documents.ole2(dir.resolve("w2.doc"), "WordDocument");
    assertThatThrownBy(() -> open(word, "ppt")).hasMessage("filetype not supported");
  }

  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource({"empty, pdf", "garbage, pdf", "garbage, docx", "garbage, pptx", "garbage, xlsx", "garbage, doc", "docx, pdf", "pdf, docx",
      "xlsx, xls", "xls, xlsx", "docx, pptx"})
  void corruptOrMismatchedFilesFailAsUnsupported(String content, String type) throws Exception {
    Path file = switch (content) {
      case "empty" -> Files.write(dir.resolve("e"), new byte[0]);
      case "garbage" -> Files.writeString(dir.resolve("g"), "not a document at all");
      case "docx" -> Documents.docx(dir.resolve("d.docx"), "x");
      case "xlsx" -> Documents.xlsx(dir.resolve("x.xlsx"));
      case "xls" -> Documents.xls(dir.resolve("x.xls"));
      default -> Documents.pdf(dir.resolve("p.pdf"), "x");
    };
    assertThatThrownBy(() -> open(file, type)).isInstanceOf(ApiFailure.class).hasMessage("filetype not supported");
    assertThat(viewer.opened()).isEmpty();
  }

  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @CsvSource(nullValues = "null", value = {"a.pdf, null, pdf", "A.PDF, null, pdf", "wxfile://tmp_abc.docx, null, docx", "wxfile://tmp_abc, pdf, pdf",
      "a.txt, xlsx, xlsx", "a.pdf, PPT, ppt"})
  void theTypeIsFileTypeOrTheExtension(String path, String fileType, String expected) {
    assertThat(DocumentRules.typeOf(path, fileType)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} + {1}")
  @CsvSource(nullValues = "null", value = {"a.txt, null", "wxfile://tmp_abc, null", "a.pdf, txt", "a., null", "/dir.pdf/x, null"})
  void otherTypesAreNotSupported(String path, String fileType) {
    assertThatThrownBy(() -> DocumentRules.typeOf(path, fileType)).hasMessage("filetype not supported");
  }

  private static String text(HeadlessDocumentViewer.OpenedDocument d) {
    HeadlessDocumentViewer.Preview p = d.preview().orElseThrow();
    assertThat(p.mediaType()).isEqualTo("text/plain; charset=utf-8");
    return new String(p.data(), StandardCharsets.UTF_8);
  }
}
