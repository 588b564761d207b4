package dev.sparrow.runtime.js;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * Babel's standalone build (the {@code org.webjars.npm:babel__standalone} jar) run in a GraalJS context of the
 * shared engine: ES modules become WeChat's CommonJS ({@code transform-modules-commonjs}, Babel's interop, as
 * DevTools' "ES6 to ES5") and TypeScript loses its types ({@code preset-typescript}, no type checking), with
 * {@code retainLines} so that every statement stays on its line: errors in compiled code name the source's line.
 *
 * <p>One compiler serves the JVM, on its own daemon thread: Babel's context is used there only, and a session's
 * loop thread that waits for it uses no CPU time, so the runaway-script watchdog does not count a compile (the
 * first one loads Babel: seconds in the interpreter). {@link CompileCache} keeps results on disk.
 */
public final class ScriptCompiler {
  /** Part of every cache key: a new Babel or new options make new entries. */
  public static final String VERSION = "babel-7.21.2/1";

  private static final String BABEL = "/META-INF/resources/webjars/babel__standalone/7.21.2/babel.min.js";
  private static final String TRANSFORM = """
      (function (name, text, ts) {
        try {
          var r = Babel.transform(text, {
            filename: name, babelrc: false, configFile: false, sourceType: 'module', retainLines: true,
            presets: ts ? [['typescript', {onlyRemoveTypeImports: false, allowDeclareFields: true}]] : [],
            plugins: [['transform-modules-commonjs', {}]]
          });
          return {code: r.code};
        } catch (e) {
          var first = String(e && e.message || e).split('\\n')[0].replace(/^[^:]*: /, '');
          return {error: first, line: e && e.loc ? e.loc.line : 0, column: e && e.loc ? e.loc.column + 1 : 0};
        }
      })""";
  private static final ScriptCompiler SHARED = new ScriptCompiler();

  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "sparrow-script-compiler");
    t.setDaemon(true);
    return t;
  });
  private Context context;
  private Value transform;

  private ScriptCompiler() {}

  /** The JVM's compiler (created idle; Babel loads on the first compile). */
  public static ScriptCompiler shared() {
    return SHARED;
  }

  /** A compile that failed: the source's syntax error, located in {@code file} (1-based line and column). */
  public static final class CompileError extends RuntimeException {
    private final String file;
    private final int line;
    private final int column;

    public CompileError(String message, String file, int line, int column) {
      super(message);
      this.file = file;
      this.line = line;
      this.column = column;
    }

    public String file() {
      return file;
    }

    public int line() {
      return line;
    }

    public int column() {
      return column;
    }
  }

  /**
   * The CommonJS form of {@code text}, ES module syntax (and TypeScript's when {@code typescript}) compiled away.
   *
   * @param name the file's package path, named in errors
   * @throws CompileError when the text does not parse
   */
  public String compile(String name, String text, boolean typescript) {
    Future<String> job = thread.submit(() -> run(name, text, typescript));
    try {
      return job.get();
    } catch (InterruptedException e) {
      job.cancel(false);
      Thread.currentThread().interrupt();
      throw new CompileError("compile interrupted", name, 0, 0);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof CompileError ce) {
        throw ce;
      }
      throw new CompileError("cannot compile: " + e.getCause(), name, 0, 0);
    }
  }

  /** Loads Babel now on the compiler's thread, so that a launch that will need it does not wait as long. */
  public void warmUp() {
    thread.submit(this::babel);
  }

  private String run(String name, String text, boolean typescript) {
    Value r = babel().execute(name, text, typescript);
    if (r.hasMember("code")) {
      return r.getMember("code").asString();
    }
    String message = r.getMember("error").asString();
    throw new CompileError("SyntaxError: " + message, name, r.getMember("line").asInt(), r.getMember("column").asInt());
  }

  private Value babel() {
    if (transform == null) {
      try (InputStream in = ScriptCompiler.class.getResourceAsStream(BABEL)) {
        if (in == null) {
          throw new IllegalStateException("Babel is not on the class path (" + BABEL + ")");
        }
        String code = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        context = JsEngine.newContext();
        // Babel warns through console (unknown options, deprecations): nobody to tell here
        context.eval("js", "var console = {log() {}, info() {}, warn() {}, error() {}, debug() {}, trace() {}};");
        context.eval(Source.newBuilder("js", code, "babel.min.js").cached(true).build());
        transform = context.eval("js", TRANSFORM);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return transform;
  }
}
