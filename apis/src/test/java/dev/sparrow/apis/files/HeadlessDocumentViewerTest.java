package dev.sparrow.apis.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparrow.apis.ApiFailure;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The headless viewer without the {@code sparrow-documents} module (not on this module's class path): documents
 * open when they carry their type's signature, get no preview, and the viewer says previews are off.
 */
class HeadlessDocumentViewerTest {
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
      (byte) 0xE1, 0, 0, 0, 0};

  @TempDir Path dir;
  private final HeadlessDocumentViewer viewer = new HeadlessDocumentViewer();

  private HeadlessDocumentViewer.OpenedDocument open(Path file, String type) {
    viewer.open(new DocumentViewer.Document("wxfile://usr/" + file.getFileName(), file, type, false));
    return viewer.last().orElseThrow();
  }

  private Path ooxml(String name, String mainPart) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String part : new String[] {"[Content_Types].xml", mainPart}) {
        zip.putNextEntry(new ZipEntry(part));
        zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return file;
  }

  @Test
  void withoutThePreviewModuleDocumentsOpenWithoutAPreview() throws Exception {
    assertThat(DocumentPreviewer.installed()).isEmpty();
    assertThat(viewer.previews()).isFalse();
    Path pdf = Files.writeString(dir.resolve("a.pdf"), "%PDF-1.7\n%%EOF\n");
    assertThat(open(pdf, "pdf").preview()).isEmpty();
    assertThat(open(ooxml("d.docx", "word/document.xml"), "docx").preview()).isEmpty();
    assertThat(open(ooxml("x.xlsx", "xl/workbook.xml"), "xlsx").preview()).isEmpty();
    assertThat(open(ooxml("p.pptx", "ppt/presentation.xml"), "pptx").preview()).isEmpty();
    assertThat(open(Files.write(dir.resolve("w.doc"), OLE2), "doc").preview()).isEmpty();
    assertThat(viewer.opened()).extracting(HeadlessDocumentViewer.OpenedDocument::fileType)
        .containsExactly("pdf", "docx", "xlsx", "pptx", "doc");
  }

  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource({"empty, pdf", "garbage, pdf", "truncated, pdf", "garbage, docx", "garbage, xls", "pdf, docx", "docx, pdf",
      "docx, pptx", "xlsx, docx", "ole2, pdf"})
  void filesWithoutTheirTypesSignatureFailAsUnsupported(String content, String type) throws Exception {
    Path file = switch (content) {
      case "empty" -> Files.write(dir.resolve("e"), new byte[0]);
      case "garbage" -> Files.writeString(dir.resolve("g"), "not a document at all");
      case "pdf" -> Files.writeString(dir.resolve("a.pdf"), "%PDF-1.7\n%%EOF\n");
      case "truncated" -> Files.writeString(dir.resolve("t.pdf"), "%PDF-1.7\n1 0 obj <<");
      case "docx" -> ooxml("d.docx", "word/document.xml");
      case "xlsx" -> ooxml("x.xlsx", "xl/workbook.xml");
      default -> Files.write(dir.resolve("o.doc"), OLE2);
    };
    assertThatThrownBy(() -> open(file, type)).isInstanceOf(ApiFailure.class).hasMessage("filetype not supported");
    assertThat(viewer.opened()).isEmpty();
  }

  @Test
  void aPreviewerHandedInMakesThePreviews() throws Exception {
    HeadlessDocumentViewer.Preview text =
        new HeadlessDocumentViewer.Preview("text/plain; charset=utf-8", new byte[] {'x'});
    HeadlessDocumentViewer withPreviews = new HeadlessDocumentViewer(Optional.of((file, type) -> Optional.of(text)));
    Path any = Files.writeString(dir.resolve("b"), "anything");
    withPreviews.open(new DocumentViewer.Document("/a.pdf", any, "pdf", true));
    assertThat(withPreviews.previews()).isTrue();
    assertThat(withPreviews.last().orElseThrow().preview()).containsSame(text);
  }
}
