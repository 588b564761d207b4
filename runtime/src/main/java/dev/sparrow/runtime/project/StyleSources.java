package dev.sparrow.runtime.project;

import dev.sparrow.runtime.js.CompileCache;
import dev.sparrow.runtime.js.ScriptCompiler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code less} and {@code sass} compiler plugins: a {@code .less}/{@code .scss}/{@code .sass} file read as the
 * {@code .wxss} it stands for is compiled, its imports read from the package. Results are kept on disk with the
 * files each compile read and their hashes, so an unchanged style and its imports are never compiled twice; a file
 * that does not compile reads as empty (the page shows without its styles) and its error is a located problem.
 */
public final class StyleSources implements ProjectFiles.Compile {
  private static final String DEPS = "/*sparrow-deps ";

  private final ProjectFiles files;
  private final CompileCache cache;
  private final Map<String, Problem> problems = new ConcurrentHashMap<>();

  /**
   * @param files the package as it is on disk, where imports are read
   * @param cache where compiled styles are kept between launches
   */
  public StyleSources(ProjectFiles files, CompileCache cache) {
    this.files = files;
    this.cache = cache;
  }

  /** The compile errors met so far, one per file compiled. */
  public List<Problem> problems() {
    return new ArrayList<>(problems.values());
  }

  @Override
  public String apply(String path, String text) {
    String kind = "style " + path;
    Optional<String> hit = cache.peek(ScriptCompiler.STYLE_VERSION, kind, text).filter(this::fresh);
    if (hit.isPresent()) {
      problems.remove(path);
      return body(hit.get());
    }
    Map<String, String> read = new LinkedHashMap<>();
    try {
      String css = ScriptCompiler.shared().style(path, text, new ScriptCompiler.Reader() {
        @Override
        public String read(String p) {
          Optional<String> at = files.inPackage(p);
          String t = at.flatMap(files::read).orElse(null);
          if (t != null) {
            read.put(at.get(), CompileCache.sha256(t));
          }
          return t;
        }

        @Override
        public String locate(String p) {
          return files.inPackage(p).orElse(null);
        }
      });
      problems.remove(path);
      StringBuilder out = new StringBuilder(DEPS);
      read.forEach((p, sha) -> out.append(p).append('=').append(sha).append(' '));
      out.append("*/\n").append(css);
      cache.put(ScriptCompiler.STYLE_VERSION, kind, text, out.toString());
      return css;
    } catch (ScriptCompiler.CompileError e) {
      problems.put(path, new Problem(e.file(), e.line(), e.column(), e.getMessage()));
      return "";
    }
  }

  /** True when every file the cached compile read still has the text it had. */
  private boolean fresh(String cached) {
    int end = cached.indexOf("*/\n");
    if (!cached.startsWith(DEPS) || end < 0) {
      return false;
    }
    for (String dep : cached.substring(DEPS.length(), end).trim().split(" ")) {
      if (dep.isEmpty()) {
        continue;
      }
      int eq = dep.lastIndexOf('=');
      Optional<String> now = files.read(dep.substring(0, eq));
      if (now.isEmpty() || !CompileCache.sha256(now.get()).equals(dep.substring(eq + 1))) {
        return false;
      }
    }
    return true;
  }

  private static String body(String cached) {
    return cached.substring(cached.indexOf("*/\n") + 3);
  }
}
