package dev.sparrow.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * The CDN's documents, written on first use: a two-page PDF (PDFBox, standard fonts, so no font
 * files are needed) and a Word document with a heading, paragraphs and a table (POI).
 */
final class Documents {
  private Documents() {}

  static final String PDF_TITLE = "Sparrow field guide";
  static final String DOCX_TITLE = "Quarterly report";

  /** The PDF: a title page with a chart and a page of notes. */
  static byte[] pdf() {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Calendar fixed = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
      fixed.setTimeInMillis(0);
      doc.getDocumentInformation().setTitle(PDF_TITLE);
      doc.getDocumentInformation().setCreator("Sparrow demo");
      doc.getDocumentInformation().setCreationDate(fixed);
      PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      PDType1Font plain = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

      PDPage first = new PDPage(PDRectangle.A4);
      doc.addPage(first);
      try (PDPageContentStream c = new PDPageContentStream(doc, first)) {
        c.setNonStrokingColor(0.027f, 0.757f, 0.376f); // WeChat green band
        c.addRect(0, 760, 595, 82);
        c.fill();
        text(c, bold, 28, 50, 790, PDF_TITLE, 1f);
        text(c, plain, 13, 50, 720, "A two-page PDF served by the demo's CDN and opened with wx.openDocument.", 0f);
        text(c, plain, 13, 50, 700, "Birds seen per month in the courtyard:", 0f);
        int[] counts = {12, 18, 25, 31, 28, 22};
        String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun"};
        for (int i = 0; i < counts.length; i++) {
          float x = 70 + i * 80;
          c.setNonStrokingColor(0.027f, 0.757f, 0.376f);
          c.addRect(x, 420, 50, counts[i] * 8);
          c.fill();
          text(c, plain, 11, x + 12, 402, months[i], 0f);
          text(c, bold, 11, x + 16, 426 + counts[i] * 8, String.valueOf(counts[i]), 0f);
        }
        text(c, plain, 10, 50, 60, "Page 1 of 2", 0.4f);
      }

      PDPage second = new PDPage(PDRectangle.A4);
      doc.addPage(second);
      try (PDPageContentStream c = new PDPageContentStream(doc, second)) {
        text(c, bold, 20, 50, 780, "Notes", 0f);
        String[] lines = {
            "The house sparrow lives close to people on every continent but Antarctica.",
            "It eats seeds and, when raising its young, insects.",
            "A pair raises two to four broods a year.",
            "This page exists so that the viewer has more than one page to show."};
        for (int i = 0; i < lines.length; i++) {
          text(c, plain, 13, 50, 740 - i * 22, "- " + lines[i], 0f);
        }
        text(c, plain, 10, 50, 60, "Page 2 of 2", 0.4f);
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Word document: a heading, two paragraphs and a small table. */
  static byte[] docx() {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.getProperties().getCoreProperties().setTitle(DOCX_TITLE);
      doc.getProperties().getCoreProperties().setCreator("Sparrow demo");
      XWPFParagraph title = doc.createParagraph();
      title.setAlignment(ParagraphAlignment.CENTER);
      XWPFRun t = title.createRun();
      t.setBold(true);
      t.setFontSize(20);
      t.setText(DOCX_TITLE);
      paragraph(doc, "Downloaded from the demo's CDN and opened with wx.openDocument({ fileType: 'docx' }).");
      paragraph(doc, "Sales grew in every region this quarter; the table below has the figures.");
      String[][] rows = {{"Region", "Q1", "Q2", "Change"}, {"North", "120", "138", "+15%"}, {"South", "98", "121", "+23%"},
          {"East", "143", "150", "+5%"}, {"West", "87", "102", "+17%"}};
      XWPFTable table = doc.createTable(rows.length, rows[0].length);
      for (int r = 0; r < rows.length; r++) {
        for (int col = 0; col < rows[r].length; col++) {
          table.getRow(r).getCell(col).setText(rows[r][col]);
        }
      }
      paragraph(doc, "Prepared for the Sparrow demo.");
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void paragraph(XWPFDocument doc, String text) {
    doc.createParagraph().createRun().setText(text);
  }

  private static void text(PDPageContentStream c, PDType1Font font, float size, float x, float y, String s, float grey)
      throws IOException {
    c.beginText();
    c.setNonStrokingColor(grey, grey, grey);
    c.setFont(font, size);
    c.newLineAtOffset(x, y);
    c.showText(s);
    c.endText();
  }
}
