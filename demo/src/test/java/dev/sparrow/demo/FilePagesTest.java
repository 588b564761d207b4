package dev.sparrow.demo;

import static dev.sparrow.demo.DemoApp.find;
import static dev.sparrow.demo.DemoApp.tap;
import static dev.sparrow.demo.DemoApp.text;
import static dev.sparrow.demo.DemoApp.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.apis.files.HeadlessDocumentViewer;
import dev.sparrow.runtime.PageHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The file pages: saved files and documents, and notes through the FileSystemManager. */
class FilePagesTest extends DemoPagesTest {
  @Test
  void documentsAreOpenedSavedListedInspectedAndRemoved() {
    PageHandle page = app.open("files");
    assertThat(texts(page, ".card-title")).contains("Saved files (0)");

    tap(page, "#open-pdf");
    assertThat(text(page, "#message")).isEqualTo("Opened Field guide (PDF)");
    HeadlessDocumentViewer.OpenedDocument pdf = last(s.openedDocuments());
    assertThat(pdf.fileType()).isEqualTo("pdf");
    assertThat(pdf.preview().orElseThrow().mediaType()).isEqualTo("image/png");

    tap(page, "#open-docx");
    HeadlessDocumentViewer.OpenedDocument docx = last(s.openedDocuments());
    assertThat(docx.fileType()).isEqualTo("docx");
    assertThat(new String(docx.preview().orElseThrow().data(), StandardCharsets.UTF_8)).contains(Documents.DOCX_TITLE, "North");

    tap(page, "#save-pdf");
    assertThat(text(page, "#message")).matches("Saved as store_[0-9a-f]+\\.pdf");
    tap(page, "#save-docx");
    assertThat(texts(page, ".card-title")).contains("Saved files (2)");
    assertThat(texts(page, ".saved-name")).allMatch(n -> n.matches("store_[0-9a-f]+\\.(pdf|docx)"));

    int pdfIndex = texts(page, ".saved-name").get(0).endsWith(".pdf") ? 0 : 1;
    tap(page, "#info-" + pdfIndex);
    assertThat(text(page, "#info-size")).isEqualTo(backend.cdnBytes("/docs/field-guide.pdf").length + " bytes");
    assertThat(text(page, "#info-created")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

    int before = s.openedDocuments().size();
    tap(page, "#open-saved-" + pdfIndex);
    assertThat(s.openedDocuments()).hasSize(before + 1);

    tap(page, "#remove-" + pdfIndex);
    assertThat(text(page, "#message")).matches("Removed store_[0-9a-f]+\\.pdf");
    assertThat(texts(page, ".saved-name")).singleElement().satisfies(n -> assertThat(n).endsWith(".docx"));
    assertThat(backend.received().fetches()).anySatisfy(f -> assertThat(f.path()).isEqualTo("/docs/quarterly-report.docx"));
  }

  @Test
  void notesAreWrittenReadAppendedListedAndDeletedOnDisk() throws Exception {
    PageHandle page = app.open("fs");
    assertThat(texts(page, ".card-title")).contains("readdir · 0 files");
    find(page, "#title").input("Shopping list");
    find(page, "#body").input("milk\neggs");
    tap(page, "#save");
    assertThat(text(page, "#message")).isEqualTo("Saved Shopping-list.txt");
    assertThat(texts(page, ".note-name")).containsExactly("Shopping-list.txt");
    Path onDisk = s.files().readable("wxfile://usr/notes/Shopping-list.txt");
    assertThat(Files.readString(onDisk)).isEqualTo("milk\neggs");

    tap(page, "#read-0");
    assertThat(find(page, "#note-text").text()).isEqualTo("milk\neggs");
    tap(page, "#stamp-0");
    assertThat(find(page, "#note-text").text()).startsWith("milk\neggs\n— seen ");
    assertThat(Files.readString(onDisk)).startsWith("milk\neggs\n— seen ");

    tap(page, "#keep-picture");
    assertThat(text(page, "#message")).isEqualTo("Copied the picture to notes/dusk.png");
    assertThat(texts(page, ".note-name")).containsExactly("Shopping-list.txt", "dusk.png");
    assertThat(Files.readAllBytes(s.files().readable("wxfile://usr/notes/dusk.png"))).isEqualTo(backend.cdnBytes("/images/dusk.png"));

    tap(page, "#delete-0");
    assertThat(text(page, "#message")).isEqualTo("Deleted Shopping-list.txt");
    assertThat(texts(page, ".note-name")).containsExactly("dusk.png");
    assertThat(Files.exists(onDisk)).isFalse();
    find(page, "#title").input("");
    tap(page, "#save");
    assertThat(s.toastHistory().get(s.toastHistory().size() - 1).title()).isEqualTo("Give the note a title");
  }

  private static <T> T last(List<T> list) {
    assertThat(list).isNotEmpty();
    return list.get(list.size() - 1);
  }
}
