package dev.sparrow.apis.cloud;

import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * A separate JVM that imports into a cloud environment folder as {@code sparrow cloud import} does (a
 * {@link CloudJsonLines} over its own {@link JsonLinesDatabase}), for {@link CloudFolderSharingTest}: {@code rounds}
 * imports of {@code batch} new documents each (ids {@code <prefix>-<round>-<i>}), printing {@code ready} first,
 * {@code importing <round>} before each and {@code imported <round>} after.
 *
 * <p>{@code java -cp … CloudImportChild <envDir> <collection> <prefix> <rounds> <batch>}
 */
public final class CloudImportChild {
  private CloudImportChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String collection = args[1];
    String prefix = args[2];
    int rounds = Integer.parseInt(args[3]);
    int batch = Integer.parseInt(args[4]);
    PrintStream out = System.out;
    CloudJsonLines lines = new CloudJsonLines(new JsonLinesDatabase(dir, System::currentTimeMillis,
        new SecureRandom()));
    out.println("ready");
    out.flush();
    for (int r = 0; r < rounds; r++) {
      out.println("importing " + r);
      out.flush();
      lines.importFrom(collection, new StringReader(file(prefix, r, batch)), CloudJsonLines.Mode.INSERT);
      out.println("imported " + r);
      out.flush();
    }
  }

  /** The JSON lines of round {@code r}: {@code batch} documents with a padding field (the file takes a while). */
  static String file(String prefix, int r, int batch) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < batch; i++) {
      text.append("{\"_id\":\"").append(prefix).append('-').append(r).append('-').append(i)
          .append("\",\"round\":").append(r).append(",\"pad\":\"").append("x".repeat(200)).append("\"}\n");
    }
    return text.toString();
  }
}
