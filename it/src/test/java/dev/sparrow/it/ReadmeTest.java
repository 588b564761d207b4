package dev.sparrow.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's "From JUnit" blocks are the user project's files (which the invoker build compiles and runs), so
 * what a user copies is what passes.
 */
class ReadmeTest {
  private static final Path USER_PROJECT = Path.of("src/it/user-project");
  private static final Pattern TOKEN = Pattern.compile("@([a-z.]+)@");

  private static String readme() throws IOException {
    return Files.readString(Path.of("../README.md"));
  }

  @Test
  void theReadmesDependencyBlockIsTheUserProjectsPom() throws IOException {
    String pom = Files.readString(USER_PROJECT.resolve("pom.xml"));
    String block = pom.substring(pom.indexOf("<!-- readme:start -->\n") + "<!-- readme:start -->\n".length(),
        pom.indexOf("  <!-- readme:end -->"));
    assertThat(readme()).contains(dedent(filter(block)));
  }

  @Test
  void theReadmesTestIsTheUserProjectsTest() throws IOException {
    String test = Files.readString(USER_PROJECT.resolve("src/test/java/com/example/miniapp/IndexPageTest.java"));
    assertThat(readme()).contains(test.substring(test.indexOf("import static")));
  }

  @Test
  void theReadmesComponentTestIsComponentHarnessTests() throws IOException {
    String test = Files.readString(Path.of("../runtime/src/test/java/dev/sparrow/runtime/ComponentHarnessTest.java"));
    String block = test.substring(test.indexOf("  // readme:start\n") + "  // readme:start\n".length(),
        test.indexOf("  // readme:end"));
    assertThat(readme()).contains(dedent(block));
  }

  /** {@code @project.version@} and the like, as the invoker filters the user project's pom. */
  private static String filter(String text) {
    Matcher m = TOKEN.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(System.getProperty(m.group(1))));
    }
    return m.appendTail(out).toString();
  }

  private static String dedent(String text) {
    List<String> lines = text.lines().collect(Collectors.toList());
    int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
        .min().orElse(0);
    return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n")) + "\n";
  }
}
