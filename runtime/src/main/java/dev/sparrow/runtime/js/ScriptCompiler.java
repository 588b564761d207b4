package dev.sparrow.runtime.js;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * The compilers of ES modules and of {@code setting.useCompilerPlugins}: their JavaScript builds from Maven Central
 * jars, run in GraalJS contexts of the shared engine, each loaded on first use. With Sucrase ({@code
 * org.mvnpm:sucrase}, npm's CommonJS {@code dist} read from the class path by a small {@code require}) ES modules
 * become WeChat's CommonJS (its {@code imports} transform: Babel's interop, as DevTools' "ES6 to ES5") and TypeScript
 * loses its types ({@code typescript}, no type checking); Sucrase edits tokens in place, so every statement stays on
 * its line (and mostly its column): errors in compiled code name the source's line, and the file's source map after
 * the code ({@link SourceMap}) gives their columns back. Less's browser build ({@code less}) and dart-sass's ({@code
 * sass} with {@code immutable}) compile styles, their imports read from the package through a {@link Reader}.
 *
 * <p>One compiler serves the JVM, on its own daemon threads: {@link #WORKERS} for scripts, each with its own context
 * (contexts of the shared engine, so Sucrase's code is parsed once), used on that thread only, and one for styles. A
 * session's loop thread that waits for them uses no CPU time, so the runaway-script watchdog does not count a
 * compile. Files compiled at once (a launch's {@link ModuleSources#precompile}) share the cores. {@link CompileCache}
 * keeps results on disk.
 */
public final class ScriptCompiler {
  /** Part of every cache key: a new compiler or new options make new entries. */
  public static final String VERSION = "sucrase-3.35.1/2";

  private static final String SUCRASE = "/META-INF/resources/_static/sucrase/3.35.1/dist/";
  /**
   * Sucrase's helpers where its CommonJS differs from Babel's (and so from DevTools'), made Babel's: {@code export
   * {default as x} from} a CommonJS module re-exports its {@code module.exports} (Babel's interop), and a module's own
   * export of a name that an {@code export *} brought replaces it (Sucrase's getter-only property made a strict-mode
   * assignment throw).
   */
  private static final Map<String, String> HELPER_FIXES = Map.of(
      "get: () => obj[importedName]}",
      "get: () => importedName === 'default' && !(obj && obj.__esModule) ? obj : obj[importedName]}",
      "get: () => obj[key]}",
      "get: () => obj[key], set: (v) => Object.defineProperty(exports, key, "
          + "{value: v, writable: true, enumerable: true, configurable: true})}");
  /** The compilers warn through console (unknown options, deprecations): nobody to tell here. */
  private static final String QUIET_CONSOLE =
      "var console = {log() {}, info() {}, warn() {}, error() {}, debug() {}, trace() {}};";
  /**
   * Node's {@code require} for Sucrase's files, each evaluated once per context from a cached source ({@code
   * modules.load}); its packages stand in by what the transform uses of them: no option checking ({@code
   * ts-interface-checker}), no token dumps ({@code lines-and-columns}), and for source maps the three calls of
   * {@code gen-mapping} Sucrase makes, giving the same {@code mappings} (compared on the official demo's 65 files
   * under Node), each source column passed through {@code setColumnFix}'s function while one is set. Answers the
   * transform, Sucrase's parser and its token types.
   */
  private static final String LOADER = """
      (function (modules) {
        var cache = {};
        var fixColumn = null;
        var packages = {
          'ts-interface-checker': new Proxy({__esModule: true}, {get: function (o, k) {
            return k === '__esModule' ? true
              : k === 'createCheckers' ? function () { return {Options: {strictCheck: function () {}}}; }
              : function () { return {}; };
          }}),
          'lines-and-columns': {},
          '@jridgewell/gen-mapping': {
            GenMapping: function () { this.lines = []; },
            maybeAddSegment: function (map, line, column, source, sourceLine, sourceColumn) {
              if (fixColumn) sourceColumn = fixColumn(sourceLine, sourceColumn);
              var segments = map.lines[line] || (map.lines[line] = []);
              var last = segments[segments.length - 1];
              if (!last || last[1] !== sourceLine || last[2] !== sourceColumn) {
                segments.push([column, sourceLine, sourceColumn]);
              }
            },
            toEncodedMap: function (map) {
              var digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
              function vlq(n) {
                var v = n < 0 ? (-n << 1) | 1 : n << 1, s = '';
                do { var d = v & 31; v >>>= 5; s += digits.charAt(v ? d | 32 : d); } while (v);
                return s;
              }
              var lines = [], line = 0, column = 0;
              for (var i = 0; i < map.lines.length; i++) {
                var segments = map.lines[i] || [], generated = 0, parts = [];
                for (var j = 0; j < segments.length; j++) {
                  var g = segments[j];
                  parts.push(vlq(g[0] - generated) + 'A' + vlq(g[1] - line) + vlq(g[2] - column));
                  generated = g[0]; line = g[1]; column = g[2];
                }
                lines.push(parts.join(','));
              }
              return {version: 3, names: [], sources: [], mappings: lines.join(';')};
            }
          }
        };
        function load(path) {
          if (cache[path]) return cache[path].exports;
          var module = cache[path] = {exports: {}};
          modules.load(path).call(module.exports, module.exports, function (request) {
            if (packages[request]) return packages[request];
            var parts = path.split('/');
            parts.pop();
            request.split('/').forEach(function (p) {
              if (p === '..') parts.pop(); else if (p !== '.') parts.push(p);
            });
            return load(modules.resolve(parts.join('/')));
          }, module);
          return module.exports;
        }
        return {sucrase: load('index.js'), parser: load('parser/index.js'),
          types: load('parser/tokenizer/types.js').TokenType,
          setColumnFix: function (f) { fixColumn = f; }};
      })""";
  /**
   * Sucrase's {@code imports} transform (with {@code typescript} for {@code .ts}). With {@code split}, first each
   * {@code export var|let|const} of several declarators becomes one export statement per declarator, which Sucrase
   * compiles right (it declares and exports only the first of a list: its issue 455): Sucrase's own parser finds
   * the declarators (a binding name or pattern, its type, the {@code =} whose {@code rhsEndIndex} ends the
   * initialiser), so commas in patterns, types, initialisers, strings, templates and comments stay; each separating
   * comma becomes {@code ; export const } on its line, and the source map's columns are moved back past it.
   */
  private static final String TRANSFORM = """
      (function (loaded) {
        var sucrase = loaded.sucrase, T = loaded.types;
        function opening(t) { return t === T.braceL || t === T.bracketL || t === T.parenL || t === T.dollarBraceL; }
        function closing(t) { return t === T.braceR || t === T.bracketR || t === T.parenR; }
        /** The separating commas of each several-declarator export: [start, end, keyword]. */
        function cuts(text, ts) {
          var tokens = loaded.parser.parse(text, false, ts, false).tokens, out = [];
          for (var i = 0; i + 2 < tokens.length; i++) {
            var kind = tokens[i + 1].type;
            if (tokens[i].type !== T._export || tokens[i].isType
                || (kind !== T._var && kind !== T._let && kind !== T._const)) continue;
            var keyword = text.slice(tokens[i + 1].start, tokens[i + 1].end);
            var j = i + 2;
            while (j < tokens.length) {
              if (opening(tokens[j].type)) {
                var depth = 0;
                do {
                  if (opening(tokens[j].type)) depth++; else if (closing(tokens[j].type)) depth--;
                  j++;
                } while (depth > 0 && j < tokens.length);
              } else {
                j++;
              }
              while (j < tokens.length && tokens[j].isType) j++;
              if (j < tokens.length && tokens[j].type === T.eq) j = tokens[j].rhsEndIndex;
              if (j >= tokens.length || tokens[j].type !== T.comma || tokens[j].isType) break;
              out.push([tokens[j].start, tokens[j].end, keyword]);
              j++;
            }
          }
          return out;
        }
        /** {text, fix}: the text with the cuts made, and a function from its (line, column) to the source's column. */
        function split(text, ts) {
          var found = cuts(text, ts), parts = [], from = 0, line = 0, lineStart = 0, moved = {};
          for (var k = 0; k < found.length; k++) {
            var c = found[k], insert = '; export ' + c[2] + ' ';
            parts.push(text.slice(from, c[0]));
            for (var p = text.indexOf('\\n', lineStart); p >= 0 && p < c[0]; p = text.indexOf('\\n', p + 1)) {
              line++;
              lineStart = p + 1;
            }
            var shifts = moved[line] || (moved[line] = []);
            var before = shifts.length ? shifts[shifts.length - 1][1] : 0;
            // on this line, a column from `at` on is `by` further than in the source
            shifts.push([c[0] - lineStart + before + insert.length, before + insert.length - (c[1] - c[0]),
              c[0] - lineStart + before]);
            parts.push(insert);
            from = c[1];
          }
          parts.push(text.slice(from));
          return {text: parts.join(''), fix: function (l, column) {
            var shifts = moved[l];
            if (!shifts) return column;
            for (var s = shifts.length - 1; s >= 0; s--) {
              if (column >= shifts[s][0]) return column - shifts[s][1];
              if (column >= shifts[s][2]) return shifts[s][2] - (s ? shifts[s - 1][1] : 0);
            }
            return column;
          }};
        }
        return function (name, text, ts, several) {
          try {
            var input = text;
            if (several) {
              var made = split(text, ts);
              input = made.text;
              loaded.setColumnFix(made.fix);
            }
            var r = sucrase.transform(input, {transforms: ts ? ['typescript', 'imports'] : ['imports'],
              filePath: name, disableESTransforms: true,
              sourceMapOptions: {compiledFilename: name}});
            return {code: r.code, mappings: r.sourceMap ? r.sourceMap.mappings : ''};
          } catch (e) {
            var first = String(e && e.message || e).split('\\n')[0].replace(/^Error transforming [^:]*: /, '')
              .replace(/ \\(\\d+:\\d+\\)$/, '');
            return {error: first, line: e && e.loc ? e.loc.line : 0, column: e && e.loc ? e.loc.column : 0};
          } finally {
            loaded.setColumnFix(null);
          }
        };
      })""";
  /** Part of every style cache key. */
  public static final String STYLE_VERSION = "less-4.3.0/sass-1.92.1/1";
  private static final String LESS = "/META-INF/resources/webjars/less/4.3.0/dist/less.min.js";
  private static final String IMMUTABLE = "/META-INF/resources/webjars/immutable/5.1.3/dist/immutable.min.js";
  private static final String SASS = "/META-INF/resources/webjars/sass/1.92.1/sass.dart.js";
  /** What less's browser build looks for at load: no document, no page, never run by itself. */
  private static final String LESS_WINDOW = """
      var window = {document: {currentScript: null, getElementsByTagName: function () { return []; },
        querySelectorAll: function () { return []; }},
        location: {href: 'sparrow:///', protocol: 'sparrow:', hostname: '', port: '', hash: ''},
        less: {onReady: false, async: true, env: 'production', logLevel: 0}};
      var document = window.document, location = window.location;""";
  /** Less with its imports read from the package (by the reader handed in), synchronously. */
  private static final String LESS_RENDER = """
      (function (path, text, reader) {
        function Files() {}
        Files.prototype = new less.FileManager();
        Files.prototype.supports = function () { return true; };
        Files.prototype.supportsSync = function () { return true; };
        Files.prototype.loadFile = function (name, dir) { return Promise.resolve(this.loadFileSync(name, dir)); };
        function find(p) {
          var t = reader.read(p);
          if (t == null && !/\\.[a-z]+$/.test(p)) { p = p + '.less'; t = reader.read(p); }
          return t == null ? null : {contents: t, filename: p};
        }
        Files.prototype.loadFileSync = function (name, dir) {
          var found = name.charAt(0) === '/' ? find(name.substring(1)) : find((dir || '') + name) || find(name);
          return found || {error: new Error("'" + name + "' wasn't found")};
        };
        var out = {error: 'less did not finish', line: 0, column: 0};
        less.render(text, {filename: path, syncImport: true, math: 'parens-division',
            plugins: [{install: function (l, manager) { manager.addFileManager(new Files()); }}]},
          function (e, r) {
            out = e ? {error: e.message, file: e.filename || path, line: e.line || 0, column: (e.column || 0) + 1}
              : {css: r.css};
          });
        return out;
      })""";
  /** What dart-sass's browser build needs of a browser: a base URI and a small {@code URL}. */
  private static final String SASS_GLOBALS = """
      var self = globalThis; globalThis.location = {href: 'sparrow:///'};
      globalThis.URL = class URL {
        constructor(s, base) {
          s = String(s);
          if (!/^[a-z][a-z0-9+.-]*:/i.test(s) && base !== undefined) {
            var b = new URL(base);
            s = b.protocol + '//' + (s.charAt(0) === '/' ? s : b.pathname.replace(/[^/]*$/, '') + s);
          }
          var m = /^([a-z][a-z0-9+.-]*:)(\\/\\/([^/?#]*))?([^?#]*)(\\?[^#]*)?(#.*)?$/i.exec(s);
          if (!m) throw new TypeError('Invalid URL: ' + s);
          this.protocol = m[1].toLowerCase(); this.host = this.hostname = m[3] || '';
          this.pathname = m[4] || (m[2] ? '/' : ''); this.search = m[5] || ''; this.hash = m[6] || '';
        }
        get href() { return this.protocol + '//' + this.host + this.pathname + this.search + this.hash; }
        toString() { return this.href; }
        toJSON() { return this.href; }
      };""";
  /** Sass with {@code @use}/{@code @import} read from the package: partials, index files, wxss inlined as CSS. */
  private static final String SASS_RENDER = """
      (function (path, text, reader) {
        function file(u) { return decodeURIComponent(new URL(u).pathname).substring(1); }
        var importer = {
          canonicalize: function (u, ctx) {
            if (/^sparrow:/.test(u)) return at(file(u));
            if (u.charAt(0) === '/') return at(u.substring(1));
            var from = ctx.containingUrl ? file(ctx.containingUrl) : path;
            return at(from.replace(/[^/]*$/, '') + u) || at(u);
          },
          load: function (u) {
            var p = file(u);
            var syntax = /\\.sass$/.test(p) ? 'indented' : /\\.scss$/.test(p) ? 'scss' : 'css';
            return {contents: reader.read(p), syntax: syntax};
          }
        };
        // the URL of the package file p names (partials, index files, extensions tried), or null
        function at(p) {
          var parts = [];
          p.split('/').forEach(function (s) {
            if (s === '..' && parts.length && parts[parts.length - 1] !== '..') parts.pop();
            else if (s && s !== '.') parts.push(s);
          });
          p = reader.locate(parts.join('/'));
          if (p == null) return null;
          var dir = p.replace(/[^/]*$/, ''), base = p.substring(dir.length);
          var tries = /\\.(scss|sass|css|wxss)$/.test(p) ? [p, dir + '_' + base] : [];
          ['.scss', '.sass', '.css', '.wxss'].forEach(function (x) { tries.push(p + x, dir + '_' + base + x); });
          ['.scss', '.sass'].forEach(function (x) { tries.push(p + '/index' + x, p + '/_index' + x); });
          for (var i = 0; i < tries.length; i++) {
            if (reader.read(tries[i]) != null) return new URL('sparrow:///' + tries[i]);
          }
          return null;
        }
        try {
          var r = sass.compileString(text, {url: new URL('sparrow:///' + path),
            syntax: /\\.sass$/.test(path) ? 'indented' : 'scss', style: 'expanded', importers: [importer],
            silenceDeprecations: ['import', 'global-builtin']});
          return {css: r.css};
        } catch (e) {
          var span = e && e.span;
          return {error: e && e.sassMessage || String(e), file: span && span.url ? file(span.url) : path,
            line: span ? span.start.line + 1 : 0, column: span ? span.start.column + 1 : 0};
        }
      })""";
  /** The script compiler's threads: a core each, up to 3 (each context holds a Sucrase of its own). */
  public static final int WORKERS = Math.max(1, Math.min(3, Runtime.getRuntime().availableProcessors()));
  private static final ScriptCompiler SHARED = new ScriptCompiler();

  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> daemon(r, "sparrow-style-compiler"));
  private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS,
      r -> daemon(r, "sparrow-script-compiler"));
  /** Each worker's Sucrase transform, made on its first compile. */
  private final ThreadLocal<Value> transform = new ThreadLocal<>();
  /** Sucrase's files as the workers' contexts evaluate them (one parse for all: cached sources of the engine). */
  private final Map<String, Source> sucraseSources = new ConcurrentHashMap<>();
  private Context lessContext;
  private Value lessRender;
  private Context sassContext;
  private Value sassRender;

  private ScriptCompiler() {}

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** The JVM's compiler (created idle; Sucrase loads on the first compile). */
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
   * The CommonJS form of {@code text}, ES module syntax (and TypeScript's when {@code typescript}) compiled away,
   * with its {@link SourceMap} in a comment on the last line.
   *
   * @param name the file's package path, named in errors
   * @throws CompileError when the text does not parse
   */
  public String compile(String name, String text, boolean typescript) {
    return onCompilerThread(workers, name, () -> run(name, text, typescript));
  }

  private static String onCompilerThread(ExecutorService on, String name, Callable<String> work) {
    Future<String> job = on.submit(work);
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
      throw new CompileError("cannot compile: " + e.getCause().getMessage(), name, 0, 0);
    }
  }

  /** The package files a style compile reads its imports from (on the compiler's thread). */
  public interface Reader {
    /** The text of package file {@code path}, or {@code null} when there is none. */
    String read(String path);

    /**
     * The package path {@code path} names ({@code ..} segments left in it climb above the package root), or
     * {@code null} when it lies outside the package.
     */
    default String locate(String path) {
      return path.startsWith("../") ? null : path;
    }
  }

  /** The reader as JavaScript sees it: one exported method, nothing else of Java. */
  public static final class ReaderRef {
    private final Reader reader;

    ReaderRef(Reader reader) {
      this.reader = reader;
    }

    @HostAccess.Export
    public String read(String path) {
      return reader.read(path);
    }

    @HostAccess.Export
    public String locate(String path) {
      return reader.locate(path);
    }
  }

  /**
   * The CSS of a Less ({@code .less}) or Sass ({@code .scss}, {@code .sass}) file; rpx and WXSS stay as written for
   * the WXSS compiler.
   *
   * @throws CompileError located in the file that has the error (an import's, maybe)
   */
  public String style(String path, String text, Reader reader) {
    return onCompilerThread(thread, path, () -> runStyle(path, text, reader));
  }

  private String runStyle(String path, String text, Reader reader) {
    boolean less = path.endsWith(".less");
    Value r = (less ? less() : sass()).execute(path, text, new ReaderRef(reader));
    if (r.hasMember("css")) {
      return r.getMember("css").asString();
    }
    throw new CompileError((less ? "Less: " : "Sass: ") + r.getMember("error").asString(),
        r.getMember("file").asString(), r.getMember("line").asInt(), r.getMember("column").asInt());
  }

  private Value less() {
    if (lessRender == null) {
      lessContext = JsEngine.newContext();
      lessContext.eval("js", QUIET_CONSOLE + LESS_WINDOW);
      lessContext.eval(resource(LESS, "less.min.js"));
      lessRender = lessContext.eval("js", LESS_RENDER);
    }
    return lessRender;
  }

  private Value sass() {
    if (sassRender == null) {
      sassContext = JsEngine.newContext();
      sassContext.eval("js", QUIET_CONSOLE + SASS_GLOBALS);
      sassContext.eval(resource(IMMUTABLE, "immutable.min.js"));
      sassContext.eval(resource(SASS, "sass.dart.js"));
      sassContext.eval("js", "var sass = {}; globalThis._cliPkgExports.pop().load({immutable: Immutable}, sass);");
      sassRender = sassContext.eval("js", SASS_RENDER);
    }
    return sassRender;
  }

  private static Source resource(String name, String shortName) {
    return Source.newBuilder("js", text(name, shortName), shortName).cached(true).buildLiteral();
  }

  private static String text(String name, String shortName) {
    try (InputStream in = ScriptCompiler.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(shortName + " is not on the class path (" + name + ")");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sucrase; a file that may export a {@code var}/{@code let}/{@code const} of several names (a cheap, cautious
   * look by {@link EsModules#exportsSeveralDeclarators}) is split first ({@link #TRANSFORM}).
   */
  private String run(String name, String text, boolean typescript) {
    Value r = transform().execute(name, text, typescript, EsModules.exportsSeveralDeclarators(text));
    if (r.hasMember("code")) {
      return SourceMap.attach(r.getMember("code").asString(), r.getMember("mappings").asString());
    }
    String message = r.getMember("error").asString();
    throw new CompileError("SyntaxError: " + message, name, r.getMember("line").asInt(), r.getMember("column").asInt());
  }

  private Value transform() {
    Value t = transform.get();
    if (t == null) {
      Context context = JsEngine.newContext();
      context.eval("js", QUIET_CONSOLE);
      Value sucrase = context.eval("js", LOADER).execute(new SucraseFiles(context, this::wrapped));
      t = context.eval("js", TRANSFORM).execute(sucrase);
      transform.set(t);
    }
    return t;
  }

  /** Sucrase's {@code dist} files as its {@code require} sees them: Node's resolution, each a cached source. */
  public static final class SucraseFiles {
    private final Context context;
    private final Function<String, Source> sources;

    SucraseFiles(Context context, Function<String, Source> sources) {
      this.context = context;
      this.sources = sources;
    }

    /** The file {@code path} (under {@code dist/}) is: the path, or with {@code .js}, or its folder's index. */
    @HostAccess.Export
    public String resolve(String path) {
      for (String p : new String[] {path, path + ".js", path + "/index.js"}) {
        if (p.endsWith(".js") && ScriptCompiler.class.getResource(SUCRASE + p) != null) {
          return p;
        }
      }
      throw new IllegalStateException("sucrase/dist/" + path + " is not on the class path");
    }

    /** The function of file {@code path} taking Node's {@code exports}, {@code require} and {@code module}. */
    @HostAccess.Export
    public Value load(String path) {
      return context.eval(sources.apply(path));
    }
  }

  private Source wrapped(String path) {
    return sucraseSources.computeIfAbsent(path, p -> {
      String text = text(SUCRASE + p, "sucrase/dist/" + p);
      if (p.equals("HelperManager.js")) {
        for (Map.Entry<String, String> fix : HELPER_FIXES.entrySet()) {
          if (!text.contains(fix.getKey())) {
            throw new IllegalStateException("sucrase/dist/HelperManager.js has no " + fix.getKey());
          }
          text = text.replace(fix.getKey(), fix.getValue());
        }
      }
      return Source.newBuilder("js", "(function (exports, require, module) {" + text + "\n})", "sucrase/" + p)
          .cached(true).buildLiteral();
    });
  }
}
