package dev.sparrow.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.sparrow.runtime.js.EsModules;
import dev.sparrow.runtime.js.JsEngine;
import dev.sparrow.runtime.js.ScriptCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * A cold compile of ES modules in a fresh JVM, as a launch on an empty compile cache pays it: about {@code count} of
 * the ES-module {@code .js} files of a folder ({@code miniprogram_npm} and {@code node_modules} left out; every n-th
 * of the sorted list), compiled one after another on one thread by {@code sucrase} (what {@link ScriptCompiler} runs)
 * or {@code babel} (Babel's standalone build 7.21.2 with the options Sparrow used until Sucrase, in a context of the
 * shared engine). Prints the compiler's load, the files' compile and the process's CPU seconds (JIT threads
 * included). Run each kind in its own JVM, alternating; docs/benchmarks.md, "Cold compile", has the table.
 *
 * <p>{@code bench/run CompileBench sucrase|babel DIR [count]}
 */
public final class CompileBench {
  private static final String BABEL = "/META-INF/resources/webjars/babel__standalone/7.21.2/babel.min.js";
  private static final String BABEL_TRANSFORM = """
      (function (name, text) {
        return Babel.transform(text, {
          filename: name, babelrc: false, configFile: false, sourceType: 'module', retainLines: true,
          plugins: ['proposal-dynamic-import', ['transform-modules-commonjs', {}]]
        }).code;
      })""";

  private CompileBench() {}

  public static void main(String[] args) throws IOException {
    String kind = args[0];
    Path dir = Path.of(args[1]);
    int count = args.length > 2 ? Integer.parseInt(args[2]) : 40;
    List<Path> files = modules(dir, count);
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long start = System.nanoTime();
    double before = os.getProcessCpuTime() / 1e9;
    Compiler compiler = kind.equals("babel") ? babel() : (name, text) -> ScriptCompiler.shared().compile(name, text,
        false);
    compiler.compile("warm.js", "export const x = 1;");
    double loaded = os.getProcessCpuTime() / 1e9;
    long bytes = 0;
    int several = 0;
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      bytes += text.length();
      several += EsModules.exportsSeveralDeclarators(text) ? 1 : 0;
      compiler.compile(dir.relativize(f).toString(), text);
    }
    double done = os.getProcessCpuTime() / 1e9;
    System.out.printf("%s: %d files (%d KB, %d exporting several declarators); load %.2f s CPU; compile %.2f s CPU"
            + " (%.3f s a file); process %.1f s CPU, %.1f s wall%n", kind, files.size(), bytes / 1024, several,
        loaded - before, done - loaded, (done - loaded) / files.size(), done, (System.nanoTime() - start) / 1e9);
  }

  /** One file's compile. */
  private interface Compiler {
    String compile(String name, String text);
  }

  private static Compiler babel() throws IOException {
    Context context = JsEngine.newContext();
    context.eval("js", "var console = {log() {}, info() {}, warn() {}, error() {}, debug() {}, trace() {}};");
    try (InputStream in = CompileBench.class.getResourceAsStream(BABEL)) {
      context.eval(Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8), "babel.min.js")
          .build());
    }
    Value transform = context.eval("js", BABEL_TRANSFORM);
    return (name, text) -> transform.execute(name, text).asString();
  }

  private static List<Path> modules(Path dir, int count) throws IOException {
    List<Path> all = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
        String s = p.toString();
        if (s.endsWith(".js") && !s.contains("miniprogram_npm") && !s.contains("node_modules")
            && EsModules.isModule(Files.readString(p, StandardCharsets.UTF_8))) {
          all.add(p);
        }
      }
    }
    int step = Math.max(1, all.size() / count);
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < all.size() && out.size() < count; i += step) {
      out.add(all.get(i));
    }
    return out;
  }
}
