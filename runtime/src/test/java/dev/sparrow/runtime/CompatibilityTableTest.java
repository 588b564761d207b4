package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.bridge.ApiSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/compatibility.md and the registry must agree (the table is the source of truth for readers): its rows,
 * {@code wx.canIUse} for every name in it, every name of WeChat's API list on {@code wx}, and the coverage figure.
 */
class CompatibilityTableTest {
  private static final Pattern COVERAGE = Pattern.compile(
      "\\*\\*Coverage\\*\\*: of the (\\d+) names in WeChat's `wx` API list,"
      + " (\\d+) are supported and (\\d+) partial \\((\\d+) in all\\); the other (\\d+) ");
  private static final Pattern ROW = Pattern.compile("^\\| (`[^|]+`) \\| (supported|partial|not yet) \\|");
  private static final Pattern NAME = Pattern.compile("`(?:wx\\.)?([A-Za-z0-9.]+)`");

  /** Every name in a row of the table → the row's status. */
  private static Map<String, String> rows() throws IOException {
    Path doc = Examples.path("quickstart").getParent().getParent().resolve("docs/compatibility.md");
    Map<String, String> out = new TreeMap<>();
    for (String line : Files.readAllLines(doc)) {
      Matcher row = ROW.matcher(line);
      if (row.find()) {
        Matcher name = NAME.matcher(row.group(1));
        while (name.find()) {
          out.put(name.group(1), row.group(2));
        }
      }
    }
    return out;
  }

  private static List<String> wechatNames() throws IOException {
    try (InputStream in = CompatibilityTableTest.class.getResourceAsStream("/dev/sparrow/runtime/wx-api-names.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
  }

  @Test
  void canIUseAgreesWithTheTableAndEveryWeChatNameIsOnWx() throws Exception {
    Map<String, String> rows = rows();
    List<String> names = wechatNames();
    try (Session s = Sparrow.launch(Examples.path("playground")).awaitIdle()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> answers = (Map<String, Object>) s.evaluate("function (names) {"
          + " const out = {}; for (const n of names) out[n] = wx.canIUse(n); return out; }",
          List.copyOf(rows.keySet()));
      Map<String, Object> expected = new TreeMap<>();
      rows.forEach((name, status) -> expected.put(name, !status.equals("not yet")));
      assertThat(new TreeMap<>(answers)).isEqualTo(expected);
      Object missing = s.evaluate(
          "function (names) { return names.filter(n => wx[n] === undefined || wx[n] === null); }", names);
      assertThat((List<?>) missing).as("WeChat names missing on wx").isEmpty();
    }
  }

  @Test
  void theCoverageFigureIsCountedFromTheTable() throws Exception {
    Map<String, String> rows = rows();
    List<String> names = wechatNames();
    long supported = names.stream().filter(n -> "supported".equals(rows.get(n))).count();
    long partial = names.stream().filter(n -> "partial".equals(rows.get(n))).count();
    Path doc = Examples.path("quickstart").getParent().getParent().resolve("docs/compatibility.md");
    Matcher figure = COVERAGE.matcher(Files.readString(doc));
    assertThat(figure.find()).as("the coverage line in docs/compatibility.md").isTrue();
    assertThat(List.of(figure.group(1), figure.group(2), figure.group(3), figure.group(4), figure.group(5)))
        .as("names, supported, partial, in all, the other").containsExactly(String.valueOf(names.size()),
            String.valueOf(supported), String.valueOf(partial), String.valueOf(supported + partial),
            String.valueOf(names.size() - supported - partial));
  }

  @Test
  void everyImplementedApiHasARowAndEveryRowIsImplemented() throws Exception {
    Set<String> documented = new TreeSet<>();
    rows().forEach((name, status) -> {
      if (!status.equals("not yet")) {
        documented.add(name);
      }
    });
    Set<String> implemented = new TreeSet<>();
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
