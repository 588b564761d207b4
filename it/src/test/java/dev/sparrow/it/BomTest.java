package dev.sparrow.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** sparrow-bom (no parent) has the build's version and pins every published module, and nothing else. */
class BomTest {
  private static final Path ROOT = Path.of("..");

  private static List<String> all(Pattern p, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** The first {@code <version>} after the parent block (or the first at all). */
  private static String version(String pom) {
    String own = pom.contains("</parent>") ? pom.substring(pom.indexOf("</parent>")) : pom;
    Matcher m = Pattern.compile("<version>([^<]+)</version>").matcher(own);
    return m.find() ? m.group(1) : "";
  }

  @Test
  void theBomPinsEveryPublishedModuleAtTheBuildsVersion() throws IOException {
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
    assertThat(version(bom)).isEqualTo(version(parent)).isEqualTo(System.getProperty("project.version"));
    List<String> published = new ArrayList<>();
    for (String module : all(Pattern.compile("<module>([^<]+)</module>"), parent)) {
      String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
      if (!module.equals("bom") && !pom.contains("<maven.install.skip>true</maven.install.skip>")) {
        String own = pom.substring(pom.indexOf("</parent>"));
        published.add(all(Pattern.compile("<artifactId>([^<]+)</artifactId>"), own).get(0));
      }
    }
    String managed = bom.substring(bom.indexOf("<dependencyManagement>"), bom.indexOf("</dependencyManagement>"));
    assertThat(all(Pattern.compile("<artifactId>([^<]+)</artifactId>"), managed))
        .containsExactlyInAnyOrderElementsOf(published);
  }
}
