package dev.sparrow.runtime.js;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.testing.NodeScripts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ES-module differential: every {@code .js} file of real npm packages (pinned in {@code
 * src/test/esm-oracle/package.json}: TDesign's {@code miniprogram_dist}, Vant's {@code dist}, lodash-es, dayjs's
 * {@code esm}, Babel's ESM helpers, mobx-miniprogram, nanoid, tslib) compiled to CommonJS by Sparrow ({@link
 * EsModules#toCommonJs}, what {@link ModuleSources} runs) and by esbuild (the reference, run under Node by {@code
 * esm-oracle.js}), each side's tree then required file by file under Node with the same stand-ins for WeChat's
 * globals, and the exports compared: names, values and types, functions by name and arity, three levels into objects,
 * {@code __esModule}, or an error of the same class. A difference must be one of {@link #KNOWN} (each with its reason, listed in
 * docs/esm-oracle-differences.md). Counts and differences go to {@code target/esm-oracle.txt}.
 *
 * <p>Needs Node and npm (the packages are installed into {@code src/test/esm-oracle/node_modules}, git-ignored, on
 * first use); without them the test is skipped locally and fails on CI ({@code CI} set).
 */
class EsModuleOracleTest {
  private static final NodeScripts ORACLE = new NodeScripts(Paths.get("src/test/esm-oracle"));
  private static final Path DIR = ORACLE.dir();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A package and the folder of it whose {@code .js} files are compared. */
  private record Library(String module, String dir) {}

  private static final List<Library> LIBRARIES = List.of(
      new Library("tdesign-miniprogram", "miniprogram_dist"),
      new Library("@vant/weapp", "dist"),
      new Library("lodash-es", ""),
      new Library("dayjs", "esm"),
      new Library("@babel/runtime", "helpers/esm"),
      new Library("mobx-miniprogram", "dist"),
      new Library("nanoid", ""),
      new Library("tslib", ""));

  /** Files whose exports differ for a documented reason (docs/esm-oracle-differences.md): file → reason. */
  private static final Map<String, String> KNOWN = known();

  private static Map<String, String> known() {
    String buffer = "esbuild replaces module.exports, so lodash's Node check (freeModule.exports === freeExports) fails"
        + " on its side and isBuffer is stubFalse; Sparrow keeps exports (as Babel does) and finds Node's Buffer";
    String global = "the global object's keys, which the modules evaluated before it (mobx's globals) change";
    Map<String, String> known = new TreeMap<>();
    for (String f : List.of("isBuffer", "lang.default", "lang", "lodash.default", "lodash", "partial", "partialRight",
        "seq.default", "seq", "wrapperLodash")) {
      known.put("lodash-es/" + f + ".js", buffer);
    }
    known.put("lodash-es/_freeGlobal.js", global);
    known.put("lodash-es/_root.js", global);
    return known;
  }

  @TempDir
  Path temp;

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void sparrowExportsWhatEsbuildExports() throws Exception {
    ORACLE.assumeAvailable("ES-module differential");
    Path sparrow = temp.resolve("sparrow/node_modules");
    Path reference = temp.resolve("reference/node_modules");
    List<List<String>> perLibrary = new ArrayList<>();
    for (Library l : LIBRARIES) {
      copyPackage(l.module(), sparrow);
      copyPackage(l.module(), reference);
      Path root = DIR.resolve("node_modules").resolve(l.module()).resolve(l.dir());
      try (Stream<Path> walk = Files.walk(root)) {
        perLibrary.add(walk.filter(p -> p.toString().endsWith(".js") && Files.isRegularFile(p))
            .filter(p -> !root.relativize(p).startsWith("bin")).sorted()
            .map(p -> DIR.resolve("node_modules").relativize(p).toString().replace('\\', '/')).toList());
      }
    }
    plainManifests(sparrow);
    plainManifests(reference);
    List<String> all = perLibrary.stream().flatMap(List::stream).toList();
    List<String> files = sample(perLibrary, all.size());
    Map<String, String> sparrowErrors = new ConcurrentSkipListMap<>();
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(ScriptCompiler.WORKERS);
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (String file : files) {
        jobs.add(pool.submit(() -> {
          Path target = sparrow.resolve(file);
          String text = Files.readString(target, StandardCharsets.UTF_8);
          try {
            Files.writeString(target, EsModules.toCommonJs(file, text, CompileCache.none()), StandardCharsets.UTF_8);
          } catch (ScriptCompiler.CompileError e) {
            sparrowErrors.put(file, e.getMessage());
          }
          return null;
        }));
      }
      for (Future<?> job : jobs) {
        job.get();
      }
    } finally {
      pool.shutdownNow();
    }
    long sparrowMillis = (System.nanoTime() - started) / 1_000_000;

    ObjectNode job = JSON.createObjectNode();
    job.putObject("trees").put("sparrow", sparrow.toString()).put("reference", reference.toString());
    files.forEach(job.putArray("files")::add);
    all.stream().filter(f -> !files.contains(f)).forEach(job.putArray("others")::add);
    JsonNode result = ORACLE.call("esm-oracle.js", job);

    Map<String, String> differences = new TreeMap<>();
    sparrowErrors.forEach((f, m) -> differences.put(f, "Sparrow cannot compile it: " + m));
    result.path("transformErrors").fields().forEachRemaining(e ->
        differences.put(e.getKey(), "esbuild cannot compile it: " + e.getValue().asText()));
    for (String file : files) {
      JsonNode ours = result.path("sparrow").path(file);
      JsonNode theirs = result.path("reference").path(file);
      if (!same(ours, theirs) && !differences.containsKey(file)) {
        differences.put(file, "sparrow " + ours + "\n    esbuild " + theirs);
      }
    }
    StringBuilder report = new StringBuilder("ES-module differential: " + files.size() + " of " + all.size()
        + " files, " + differences.size() + " differences, Sparrow's compile " + sparrowMillis + " ms\n");
    report.append("files: ").append(String.join(" ", files)).append('\n');
    differences.forEach((f, d) -> report.append(KNOWN.containsKey(f) ? "known  " : "NEW    ").append(f)
        .append("\n    ").append(d).append('\n'));
    Files.createDirectories(Paths.get("target"));
    Files.writeString(Paths.get("target/esm-oracle.txt"), report, StandardCharsets.UTF_8);

    assertThat(all).hasSizeGreaterThan(1000);
    Map<String, String> unexplained = new TreeMap<>(differences);
    unexplained.keySet().removeAll(KNOWN.keySet());
    assertThat(unexplained).as(report.toString()).isEmpty();
  }

  /**
   * Equal descriptions, but for the deliberate differences of docs/esm-oracle-differences.md: both threw an error of
   * the same class (the message may name a compiler's own variable, {@code _tslib.default} or {@code
   * import_tslib.default}); a function's name is one that each compiler makes up ({@link #sameName}).
   */
  private static boolean same(JsonNode ours, JsonNode theirs) {
    if (ours.has("throws") && theirs.has("throws")) {
      return errorClass(ours).equals(errorClass(theirs));
    }
    if (ours.isObject() && theirs.isObject()) {
      if (ours.size() != theirs.size()) {
        return false;
      }
      for (Iterator<String> it = ours.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        JsonNode other = theirs.get(field);
        boolean agree = other != null && (field.equals("fn")
            ? sameName(ours.get(field).asText(), other.asText()) : same(ours.get(field), other));
        if (!agree) {
          return false;
        }
      }
      return true;
    }
    return ours.equals(theirs);
  }

  /**
   * Function names agree, or are names the compilers give: an anonymous {@code export default function} is {@code
   * _default} in Babel (as in DevTools) and {@code <file>_default} in esbuild; esbuild renames a module's top-level
   * binding that would clash in its output by adding a number ({@code e} → {@code e2}); Sucrase exports a function
   * or class expression by assignment ({@code exports.default = function () {}}, {@code var S = exports.Hooks =
   * class {}}), which gives it no name.
   */
  static boolean sameName(String ours, String theirs) {
    return ours.equals(theirs) || ours.isEmpty() || ours.equals("_default") && theirs.matches("[\\w$]+_default")
        || theirs.matches(Pattern.quote(ours) + "\\d+");
  }

  private static String errorClass(JsonNode description) {
    String thrown = description.path("throws").asText();
    return thrown.contains(":") ? thrown.substring(0, thrown.indexOf(':')) : thrown;
  }

  /**
   * The files compared: all of them (Sucrase compiles the 1,464 in about 100 s on a busy 2-core machine), or about N
   * with {@code -Dsparrow.esmOracle=N}: every n-th of each library's sorted list (its first one included); the files
   * left out are compiled by esbuild in both trees, so that compared ones import the same code.
   */
  private static List<String> sample(List<List<String>> perLibrary, int total) {
    String wanted = System.getProperty("sparrow.esmOracle", "all");
    int step = wanted.equals("all") ? 1 : Math.max(1, total / Integer.parseInt(wanted));
    List<String> out = new ArrayList<>();
    for (List<String> files : perLibrary) {
      for (int i = 0; i < files.size(); i += step) {
        out.add(files.get(i));
      }
    }
    return out;
  }

  /** Copies the installed package {@code module} into the tree {@code nodeModules}, its manifest made plain. */
  private static void copyPackage(String module, Path nodeModules) throws IOException {
    Path from = DIR.resolve("node_modules").resolve(module);
    Path to = nodeModules.resolve(module);
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else if (p.getFileName().toString().endsWith(".js") || p.getFileName().toString().endsWith(".json")) {
          Files.copy(p, t);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** CommonJS in every folder: no {@code "type": "module"}, no {@code "exports"} map hiding the compiled files. */
  private static void plainManifests(Path tree) throws IOException {
    try (Stream<Path> walk = Files.walk(tree)) {
      for (Path p : (Iterable<Path>) walk.filter(p -> p.endsWith("package.json"))::iterator) {
        JsonNode manifest = JSON.readTree(p.toFile());
        if (manifest instanceof ObjectNode o) {
          o.remove(List.of("type", "exports", "module", "browser"));
          Files.writeString(p, o.toString(), StandardCharsets.UTF_8);
        }
      }
    }
  }
}
