package dev.sparrow.view.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.view.ViewSources;
import dev.sparrow.view.wxss.WxssCompiler;
import dev.sparrow.view.wxss.WxssOptions;
import dev.sparrow.view.wxss.WxssResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WXSS differential: complete stylesheets of Vant Weapp, TDesign and weui (npm, pinned in
 * {@code src/test/oracle/package.json}) and the cases of {@code src/test/resources/wxss-oracle/*.cases}, compiled by
 * WeChat's {@code wcsc} (run by {@code wcsc-oracle.js} with wcsc's own runtime) and by Sparrow, with the same class
 * prefix on a 375 px iPhone, split into normalised rules ({@link CssRules}) and compared rule by rule in order.
 * A difference must be one of the deliberate ones ({@link WcscDifferences}, listed in
 * docs/view-oracle-differences.md). The counts go to {@code target/wcsc-oracle.txt} with every difference.
 *
 * <p>Needs Node and npm; without them the test is skipped locally and fails on CI ({@code CI} set).
 */
class WcscOracleTest {
  static final String PREFIX = "sfx--";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A UI library's stylesheets: every {@code .wxss} under {@code dir} of the npm package. */
  private record Library(String name, String module, String dir) {
    Path root() {
      return NodeOracle.module(module).resolve(dir);
    }
  }

  private static final List<Library> LIBRARIES = List.of(
      new Library("vant", "@vant/weapp", "lib"),
      new Library("tdesign", "tdesign-miniprogram", "miniprogram_dist"),
      new Library("weui", "weui-miniprogram", "miniprogram_dist"));

  @TempDir
  Path temp;

  @TestFactory
  List<DynamicTest> sparrowCompilesWhatWcscCompiles() throws Exception {
    NodeOracle.assumeAvailable("WXSS oracle");
    Map<String, Path> roots = new LinkedHashMap<>();
    for (Library l : LIBRARIES) {
      roots.put(l.name(), l.root());
    }
    List<OracleCase> cases = OracleCase.loadCorpus("/wxss-oracle");
    for (int i = 0; i < cases.size(); i++) {
      Path dir = temp.resolve("case" + i);
      for (Map.Entry<String, String> f : cases.get(i).files().entrySet()) {
        if (!f.getKey().endsWith(".wxss")) {
          continue;
        }
        Path p = dir.resolve(f.getKey());
        Files.createDirectories(p.getParent());
        Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
      }
      roots.put(cases.get(i).name(), dir);
    }
    ArrayNode jobs = JSON.createArrayNode();
    roots.forEach((name, root) -> {
      ObjectNode job = jobs.addObject();
      job.put("name", name);
      job.put("root", root.toString());
      job.put("prefix", PREFIX);
      wxssFiles(root).forEach(job.withArray("files")::add);
    });
    Map<String, JsonNode> wechat = new LinkedHashMap<>();
    for (JsonNode r : NodeOracle.call("wcsc-oracle.js", jobs)) {
      wechat.put(r.get("name").asText(), r);
    }

    StringBuilder summary = new StringBuilder();
    StringBuilder report = new StringBuilder();
    List<DynamicTest> tests = new ArrayList<>();
    for (Library l : LIBRARIES) {
      JsonNode theirs = wechat.get(l.name());
      assertThat(theirs.has("error")).as("wcsc failed on %s: %s", l.name(), theirs.path("error").asText()).isFalse();
      List<RuleDiff> diffs = new ArrayList<>();
      for (String file : wxssFiles(l.root())) {
        diffs.add(RuleDiff.of(file, wcscRules(theirs, file), sparrowRules(l.root(), file)));
      }
      report(summary, report, l.name(), diffs);
      tests.add(DynamicTest.dynamicTest(l.name(), () -> assertExplained(l.name(), diffs)));
    }
    for (OracleCase c : cases) {
      JsonNode theirs = wechat.get(c.name());
      Path root = roots.get(c.name());
      tests.add(DynamicTest.dynamicTest(c.name(), () -> {
        String why = WcscDifferences.whyRejected(c);
        if (theirs.has("error")) {
          assertThat(why).as("wcsc rejects %s (%s): say why Sparrow accepts it in a `deliberate` section", c.name(),
              theirs.get("error").asText()).isNotEmpty();
          assertThat(sparrowRules(root, "index.wxss")).as("what Sparrow compiles of %s", c.name()).isNotEmpty();
          return;
        }
        assertThat(why).as("%s is marked deliberate but wcsc compiles it", c.name()).isEmpty();
        RuleDiff d = RuleDiff.of("index.wxss", wcscRules(theirs, "index.wxss"), sparrowRules(root, "index.wxss"));
        assertExplained(c.name(), List.of(d));
      }));
    }
    Path out = Path.of("target/wcsc-oracle.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, summary + report.toString(), StandardCharsets.UTF_8);
    System.out.print(summary);
    return tests;
  }

  private static void report(StringBuilder summary, StringBuilder report, String library, List<RuleDiff> diffs) {
    int equal = diffs.stream().mapToInt(RuleDiff::equal).sum();
    int total = diffs.stream().mapToInt(d -> d.wcsc().size()).sum();
    summary.append(String.format("WXSS differential %s: %d of %d rules equal (%d files)%n", library, equal, total,
        diffs.size()));
    report.append("\n\n== ").append(library).append('\n');
    for (RuleDiff d : diffs) {
      if (!d.onlyWcsc().isEmpty() || !d.onlySparrow().isEmpty()) {
        report.append("-- ").append(d.file()).append('\n');
        d.onlyWcsc().forEach(r -> report.append("   wcsc:    ").append(r).append('\n'));
        d.onlySparrow().forEach(r -> report.append("   sparrow: ").append(r).append('\n'));
      }
    }
  }

  private static void assertExplained(String name, List<RuleDiff> diffs) {
    List<String> unexplained = new ArrayList<>();
    for (RuleDiff d : diffs) {
      for (String r : WcscDifferences.unexplained(d)) {
        unexplained.add(d.file() + ": " + r);
      }
    }
    assertThat(unexplained).as("rules of %s that differ from wcsc's for no listed reason", name).isEmpty();
  }

  /** The file's rules in wcsc's output, then its {@code :host} rules from wcsc's global sheet. */
  private static List<String> wcscRules(JsonNode result, String file) {
    return withHostRules(result.path("css").path(file).asText(), result.path("host").asText(), file);
  }

  /** The rules of {@code css}, then those of {@code hostCss} for the host of {@code file}. */
  private static List<String> withHostRules(String css, String hostCss, String file) {
    List<String> rules = new ArrayList<>(CssRules.of(css));
    String host = "[is=\"" + file.substring(0, file.length() - ".wxss".length()) + "\"]";
    for (String r : CssRules.of(hostCss)) {
      if (r.contains(host)) {
        rules.add(r);
      }
    }
    return rules;
  }

  private static List<String> sparrowRules(Path root, String file) {
    ViewSources sources = p -> {
      try {
        Path f = root.resolve(p);
        return Files.isRegularFile(f) ? Optional.of(Files.readString(f, StandardCharsets.UTF_8)) : Optional.empty();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
    WxssResult r = new WxssCompiler(sources).compile(file, WxssOptions.IPHONE_375.withClassPrefix(PREFIX));
    return withHostRules(r.css(), r.hostCss(), file);
  }

  private static List<String> wxssFiles(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".wxss")).map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
