package dev.sparrow.view.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One oracle case: files (the page is always {@code index.wxml}) and page data.
 *
 * <p>Corpus files ({@code src/test/resources/oracle/*.cases}) hold many cases:
 * <pre>
 * === case name
 * --- data
 * {"a": 1}
 * --- index.wxml
 * &lt;view>{{a}}&lt;/view>
 * --- other.wxml
 * ...
 * </pre>
 * Lines starting with {@code #} before the first case are comments. A file section named {@code index.wxml [crlf]}
 * is stored with CR LF line ends.
 */
record OracleCase(String name, Map<String, String> files, String data) {

  static List<OracleCase> loadCorpus() {
    return loadCorpus("/oracle");
  }

  /** Every case of the {@code *.cases} files in a test resource folder, named {@code file/case}. */
  static List<OracleCase> loadCorpus(String folder) {
    try {
      Path dir = Paths.get(OracleCase.class.getResource(folder).toURI());
      List<OracleCase> all = new ArrayList<>();
      try (Stream<Path> s = Files.list(dir)) {
        for (Path p : s.filter(f -> f.toString().endsWith(".cases")).sorted().toList()) {
          String prefix = p.getFileName().toString().replace(".cases", "");
          all.addAll(parse(prefix, Files.readString(p, StandardCharsets.UTF_8)));
        }
      }
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<OracleCase> parse(String prefix, String text) {
    List<OracleCase> out = new ArrayList<>();
    String name = null;
    String section = null;
    StringBuilder buf = new StringBuilder();
    Map<String, String> files = new LinkedHashMap<>();
    String data = "{}";
    for (String line : (text + "\n=== <end>").split("\n", -1)) {
      if (line.startsWith("=== ") || line.startsWith("--- ")) {
        if (section != null) {
          String body = buf.toString();
          if (body.endsWith("\n")) {
            body = body.substring(0, body.length() - 1);
          }
          if (section.equals("data")) {
            data = body.isBlank() ? "{}" : body;
          } else if (section.endsWith(" [crlf]")) {
            files.put(section.substring(0, section.length() - 7).strip(), body.replace("\n", "\r\n"));
          } else {
            files.put(section, body);
          }
        }
        buf.setLength(0);
        if (line.startsWith("=== ")) {
          if (name != null) {
            out.add(new OracleCase(prefix + "/" + name, files, data));
          }
          name = line.substring(4).strip();
          files = new LinkedHashMap<>();
          data = "{}";
          section = null;
        } else {
          section = line.substring(4).strip();
        }
      } else if (section != null) {
        buf.append(line).append('\n');
      }
    }
    return out;
  }
}
