package dev.sparrow.documents;

import java.awt.Rectangle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Real document files for openDocument tests, made with the same libraries that read them. */
public final class Documents {
  private Documents() {}

  public static Path pdf(Path file, String text) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
        s.beginText();
        s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 36);
        s.newLineAtOffset(72, 680);
        s.showText(text);
        s.endText();
        s.addRect(72, 400, 300, 150);
        s.fill();
      }
      doc.save(file.toFile());
    }
    return file;
  }

  public static Path pptx(Path file, String title) throws IOException {
    try (XMLSlideShow show = new XMLSlideShow(); OutputStream out = Files.newOutputStream(file)) {
      XSLFTextBox box = show.createSlide().createTextBox();
      box.setAnchor(new Rectangle(50, 50, 600, 100));
      box.setText(title);
      show.write(out);
    }
    return file;
  }

  public static Path docx(Path file, String text) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
      doc.createParagraph().createRun().setText(text);
      doc.write(out);
    }
    return file;
  }

  /** A docx with a paragraph, a 2×2 table, then another paragraph. */
  public static Path docxWithTable(Path file) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
      doc.createParagraph().createRun().setText("Figures");
      var table = doc.createTable(2, 2);
      table.getRow(0).getCell(0).setText("Region");
      table.getRow(0).getCell(1).setText("Q1");
      table.getRow(1).getCell(0).setText("North");
      table.getRow(1).getCell(1).setText("120");
      doc.createParagraph().createRun().setText("End");
      doc.write(out);
    }
    return file;
  }

  public static Path xlsx(Path file) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      var row = book.createSheet("Prices").createRow(0);
      row.createCell(0).setCellValue("apple");
      row.createCell(2).setCellValue(3.5);
      book.write(out);
    }
    return file;
  }

  public static Path xls(Path file) throws IOException {
    try (HSSFWorkbook book = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      book.createSheet("S").createRow(0).createCell(0).setCellValue("pear");
      book.write(out);
    }
    return file;
  }

  /** An OLE2 container with the main stream of a legacy Word ({@code WordDocument}) or PowerPoint file. */
  public static Path ole2(Path file, String stream) throws IOException {
    try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(file)) {
      fs.createDocument(new ByteArrayInputStream(new byte[4096]), stream);
      fs.writeFilesystem(out);
    }
    return file;
  }
}
