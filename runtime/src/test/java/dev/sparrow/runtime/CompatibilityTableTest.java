package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.bridge.ApiSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/compatibility.md and the registry must agree (the table is the source of truth for readers). */
class CompatibilityTableTest {
  private static final Pattern ROW = Pattern.compile("^\\| (`[^|]+`) \\| (supported|partial|not yet) \\|");
  private static final Pattern NAME = Pattern.compile("`(?:wx\\.)?([A-Za-z.]+)`");
  /** Provided by the base library rather than the registry. */
  private static final Set<String> BASE_LIBRARY = Set.of("env", "onError", "offError", "onUnhandledRejection", "offUnhandledRejection");

  @Test
  void everyImplementedApiHasARowAndEveryRowIsImplemented() throws Exception {
    Path doc = Examples.path("quickstart").getParent().getParent().resolve("docs/compatibility.md");
    Set<String> documented = new TreeSet<>();
    for (String line : Files.readAllLines(doc)) {
      Matcher row = ROW.matcher(line);
      if (row.find() && !row.group(2).equals("not yet")) {
        Matcher name = NAME.matcher(row.group(1));
        while (name.find()) {
          documented.add(name.group(1));
        }
      }
    }
    Set<String> implemented = new TreeSet<>(BASE_LIBRARY);
    try (Session s = Sparrow.launch(Examples.path("playground"))) {
      for (ApiSpec spec : s.registry().all()) {
        if (spec.implemented() && !spec.hidden()) {
          implemented.add(spec.key());
        }
      }
    }
    assertThat(documented).as("rows in docs/compatibility.md").isEqualTo(implemented);
  }
}
