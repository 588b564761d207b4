package dev.sparrow.apis.files.internal;

import dev.sparrow.apis.files.DocumentRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * Opening a document without the preview libraries: the file must carry its type's signature — {@code %PDF-}
 * at the start and {@code %%EOF} in the last kilobyte for a PDF, an Office Open XML package holding the type's
 * main part for docx/xlsx/pptx, an OLE2 container for doc/xls/ppt — so empty, mismatched and most corrupt files
 * still fail as on a phone.
 */
public final class DocumentSignatures {
  private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
      (byte) 0xE1};
  /** Where a PDF's {@code %%EOF} marker must be: within its last kilobyte. */
  private static final int TAIL = 1024;
  /** The part each Office Open XML type cannot do without. */
  private static final Map<String, String> MAIN_PART =
      Map.of("docx", "word/document.xml", "xlsx", "xl/workbook.xml", "pptx", "ppt/presentation.xml");

  private DocumentSignatures() {}

  /**
   * Checks that {@code file} looks like a {@code type} document.
   *
   * @throws dev.sparrow.apis.ApiFailure {@code filetype not supported} when it does not
   */
  public static void check(Path file, String type) {
    try {
      boolean ok = switch (type) {
        case "pdf" -> startsWith(file, PDF) && endsWithEof(file);
        case "doc", "xls", "ppt" -> startsWith(file, OLE2);
        case "docx", "xlsx", "pptx" -> hasPart(file, MAIN_PART.get(type));
        default -> false;
      };
      if (!ok) {
        throw DocumentRules.unsupported();
      }
    } catch (IOException e) {
      throw DocumentRules.unsupported();
    }
  }

  private static boolean startsWith(Path file, byte[] magic) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(magic.length), magic);
    }
  }

  private static boolean endsWithEof(Path file) throws IOException {
    try (SeekableByteChannel in = Files.newByteChannel(file)) {
      long size = in.size();
      ByteBuffer tail = ByteBuffer.allocate((int) Math.min(size, TAIL));
      in.position(size - tail.capacity());
      while (tail.hasRemaining() && in.read(tail) >= 0) {
        // read the whole tail
      }
      return new String(tail.array(), 0, tail.position(), StandardCharsets.ISO_8859_1).contains("%%EOF");
    }
  }

  private static boolean hasPart(Path file, String part) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      return zip.getEntry("[Content_Types].xml") != null && zip.getEntry(part) != null;
    }
  }
}
