package dev.sparrow.runtime.js;

import dev.sparrow.runtime.project.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Source;

/**
 * Finds and wraps the JavaScript files of a package as WeChat does: each file becomes a function of
 * {@code require, module, exports} (and the framework globals), ES modules are first rewritten to
 * CommonJS, and {@code require} paths resolve like WeChat's: app.json's {@code resolveAlias} first, {@code /x}
 * from the package root, anything else from the requiring file's folder, with {@code .js} and {@code /index.js}
 * tried, and bare names also looked up in {@code miniprogram_npm} folders.
 *
 * <p>{@link Source}s are cached for the whole JVM by file and modification time: sessions sharing
 * the engine then share parsed code, which is what makes a second session start fast.
 */
public final class ModuleSources {
  /**
   * Every module is a function of the framework names (the names after {@code global} are left undefined, as in
   * WeChat) returning the function that holds the file's code. The file runs in that inner function, which has no
   * parameters of its own: a top-level {@code const self = this} or {@code let window} in the file (DevTools'
   * compiled {@code _commons} bundles) declares a new name there instead of colliding with a parameter.
   */
  public static final String WRAPPER_PREFIX =
      "(function(require,module,exports,wx,App,Page,Component,Behavior,getApp,getCurrentPages,global,"
          + "window,document,frames,self,location,navigator,localStorage,history,Caches,screen,alert,confirm,prompt,"
          + "XMLHttpRequest,WebSocket,Reporter,webkit,WeixinJSCore){return function(){";
  private static final String WRAPPER_SUFFIX = "\n}})";

  private record Key(Path file, long modified, long size) {}

  private static final ConcurrentHashMap<Key, Source> CACHE = new ConcurrentHashMap<>();
  /** The source maps of compiled modules, read from their code when an error first names them. */
  private static final ConcurrentHashMap<Key, Optional<SourceMap>> MAPS = new ConcurrentHashMap<>();
  /** A frame's place in a stack or message: package file, line, column. */
  private static final Pattern PLACE = Pattern.compile("([A-Za-z0-9_@$.~\\-/]+\\.(?:js|ts)):(\\d+):(\\d+)");
  /** A {@code require} of a string literal, as compiled modules and CommonJS files write it. */
  private static final Pattern REQUIRE = Pattern.compile("\\brequire\\(\\s*(['\"])([^'\"\\n]+)\\1\\s*\\)");

  private final ProjectFiles files;
  private final CompileCache cache;

  public ModuleSources(ProjectFiles files) {
    this(files, CompileCache.none());
  }

  /** @param cache where compiled modules are kept between launches */
  public ModuleSources(ProjectFiles files, CompileCache cache) {
    this.files = files;
    this.cache = cache;
  }

  /**
   * Compiles now, as DevTools compiles a project before it runs it, so that page code does not wait for the
   * compiler: the project's TypeScript files under the plugin, and every module {@code entries} (app, pages,
   * components) reach through literal {@code require}s, npm packages included. A file that does not compile is
   * reported when it is loaded; any other ES module compiles when required (a project's unused ones are not worth
   * the compiler's time in the interpreter, and {@code check} reads their syntax with GraalJS's own parser, {@link
   * #syntaxSource}).
   */
  public void precompile(boolean typescript, Collection<String> entries) {
    List<String> wave = new ArrayList<>();
    for (String p : ownScripts()) {
      if (typescript && p.endsWith(".ts") && !p.endsWith(".d.ts")) {
        wave.add(p.substring(0, p.length() - 3) + ".js");
      }
    }
    wave.addAll(entries);
    // a wave's files compile side by side (on the compiler's workers), the modules they require make the next wave
    ExecutorService waiters = Executors.newFixedThreadPool(ScriptCompiler.WORKERS, r -> {
      Thread t = new Thread(r, "sparrow-precompile");
      t.setDaemon(true);
      return t;
    });
    try {
      Set<String> seen = new HashSet<>();
      while (!wave.isEmpty()) {
        Map<String, Future<String>> jobs = new LinkedHashMap<>();
        for (String module : wave) {
          if (seen.add(module) && files.exists(module)) {
            jobs.put(module, waiters.submit(() -> code(module)));
          }
        }
        wave = new ArrayList<>();
        for (Map.Entry<String, Future<String>> job : jobs.entrySet()) {
          String code = job.getValue().get();
          Matcher required = REQUIRE.matcher(code == null ? "" : code);
          while (required.find()) {
            resolve(job.getKey(), required.group(2)).ifPresent(wave::add);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // not a compile error (those are reported when the module loads): the launch compiles what it loads
    } finally {
      waiters.shutdownNow();
    }
  }

  /** The compiled code of {@code module}, or {@code null} when it does not compile (reported when it loads). */
  private String code(String module) {
    try {
      return source(module).getCharacters().toString();
    } catch (ScriptCompiler.CompileError | UncheckedIOException e) {
      return null;
    }
  }

  /** The package's {@code .js} and {@code .ts} files outside {@code node_modules} and {@code miniprogram_npm}. */
  private List<String> ownScripts() {
    Path root = files.root();
    List<String> out = new ArrayList<>();
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
          return !dir.equals(root) && (name.equals("node_modules") || name.equals("miniprogram_npm"))
              ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          String name = file.getFileName().toString();
          if (attrs.isRegularFile() && (name.endsWith(".js") || name.endsWith(".ts"))) {
            out.add(root.relativize(file).toString().replace('\\', '/'));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      // what was found so far
    }
    return out;
  }

  /** Resolves {@code request} as required from module {@code fromPath}; empty when nothing matches. */
  public Optional<String> resolve(String fromPath, String request) {
    if (request.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> aliased = files.aliased(request).flatMap(this::asFile);
    if (aliased.isPresent()) {
      return aliased;
    }
    String dir = fromPath.lastIndexOf('/') >= 0 ? fromPath.substring(0, fromPath.lastIndexOf('/') + 1) : "";
    String base = request.startsWith("/") ? request : dir + request;
    Optional<String> found = ProjectFiles.normalise(base).flatMap(this::asFile);
    if (found.isPresent() || request.startsWith("/") || request.startsWith(".")) {
      return found;
    }
    // bare name: miniprogram_npm in this folder or any above it
    for (String d : ProjectFiles.foldersUp(fromPath)) {
      Optional<String> npm = ProjectFiles.normalise(d + "miniprogram_npm/" + request).flatMap(this::asFile);
      if (npm.isPresent()) {
        return npm;
      }
    }
    return Optional.empty();
  }

  /**
   * The message for a {@code request} an app.json {@code resolveAlias} rule matched but nothing was found for
   * ({@code module "utils/x" is not defined, alias is "@/utils/x" (app.json resolveAlias "@/*": "/*")}); empty
   * when no rule matches, for the caller's ordinary message.
   */
  public Optional<String> aliasNotDefined(String request) {
    String note = files.aliasNote(request);
    if (note.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("module \"" + files.aliased(request).orElse(request) + "\" is not defined" + note);
  }

  private Optional<String> asFile(String path) {
    if (path.isEmpty()) {
      return Optional.empty();
    }
    for (String candidate : new String[] {path, path + ".js", path + "/index.js"}) {
      if (candidate.endsWith(".js") && files.exists(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * The wrapped source of a package file (which must exist), named by the file that holds its code ({@code x.ts}
   * for a TypeScript module), so that errors and stacks point there.
   *
   * @throws ScriptCompiler.CompileError when an ES module or TypeScript file does not parse
   */
  public Source source(String path) {
    Path file = files.file(path).orElseThrow(() -> new IllegalArgumentException("no such module " + path));
    try {
      Key key = key(file);
      Source known = CACHE.get(key);
      if (known == null) {
        known = build(realPath(path, file), file);
        CACHE.putIfAbsent(key, known);
      }
      return known;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code text} (an error's stack or message) with each {@code file:line:column} of a package module as its source
   * has it: through the module's source map when it was compiled (TypeScript, ES modules), and without the module
   * wrapper on the first line.
   */
  public String originalPlaces(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    Matcher m = PLACE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int[] at = original(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + ":" + at[0] + ":" + at[1]));
    }
    return m.appendTail(out).toString();
  }

  /**
   * The source's (line, column) for a (line, column), both 1-based, that the engine reported in package module
   * {@code path}; the same place when the module was not loaded from that file as it is now.
   */
  public int[] original(String path, int line, int column) {
    int[] same = {line, column};
    Optional<Path> file = ProjectFiles.normalise(path).flatMap(files::file);
    if (file.isEmpty()) {
      return same;
    }
    try {
      Key key = key(file.get());
      Source wrapped = CACHE.get(key);
      if (wrapped == null || !wrapped.getName().equals(path)) {
        return same;
      }
      int col = line == 1 ? column - WRAPPER_PREFIX.length() : column;
      if (col < 1) {
        return same;
      }
      CharSequence code = wrapped.getCharacters();
      Optional<SourceMap> map = MAPS.computeIfAbsent(key,
          k -> SourceMap.of(code.subSequence(0, code.length() - WRAPPER_SUFFIX.length())));
      return map.isEmpty() ? new int[] {line, col} : map.get().original(line, col).orElse(new int[] {line, col});
    } catch (IOException e) {
      return same;
    }
  }

  /**
   * What a syntax check parses for package file {@code path}: its wrapped source if it was compiled already, else
   * an ES module's own text as an ES module for GraalJS's parser (the same syntax question, without waiting for
   * the compiler), else {@link #source}.
   *
   * @throws ScriptCompiler.CompileError when a TypeScript file does not parse
   */
  public Source syntaxSource(String path) {
    Path file = files.file(path).orElseThrow(() -> new IllegalArgumentException("no such module " + path));
    String real = realPath(path, file);
    try {
      if (CACHE.containsKey(key(file)) || real.endsWith(".ts")) {
        return source(path);
      }
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      return EsModules.isModule(text)
          ? Source.newBuilder("js", text, real).mimeType("application/javascript+module").build()
          : source(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String realPath(String path, Path file) {
    return file.getFileName().toString().endsWith(".ts") && path.endsWith(".js")
        ? path.substring(0, path.length() - 3) + ".ts"
        : path;
  }

  private static Key key(Path file) throws IOException {
    BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
    return new Key(file.toAbsolutePath(), attrs.lastModifiedTime().toMillis(), attrs.size());
  }

  private Source build(String path, Path file) {
    try {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      String source = text;
      String body = path.endsWith(".ts")
          ? cache.get(ScriptCompiler.VERSION, "ts", text, () -> ScriptCompiler.shared().compile(path, source, true))
          : EsModules.toCommonJs(path, text, cache);
      return Source.newBuilder("js", WRAPPER_PREFIX + body + WRAPPER_SUFFIX, path).cached(true).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
