package dev.sparrow.view.template;

import dev.sparrow.view.ViewException;
import dev.sparrow.view.ViewProblem;
import dev.sparrow.view.ViewSources;
import dev.sparrow.view.wxml.WxmlNode;
import dev.sparrow.view.wxml.WxmlParser;
import dev.sparrow.view.wxs.WxsModuleSource;
import dev.sparrow.view.wxs.WxsPaths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a page's WXML and everything it reaches ({@code import}, {@code include}, {@code <wxs src>} and WXS
 * {@code require}) into a {@link CompiledPage}.
 *
 * <p>Paths in {@code src} resolve against the referring file's directory, or the project root when they start
 * with {@code /}; a WXML target may omit {@code .wxml}. A missing page, syntax error or missing WXS file fails the
 * compile with every problem found ({@link ViewException}); a missing import or include target is only a warning
 * and renders nothing, as in WeChat.
 */
public final class WxmlCompiler {
  private static final Pattern REQUIRE = Pattern.compile("require\\s*\\(\\s*(['\"])([^'\"]+)\\1\\s*\\)");

  private final ViewSources sources;

  public WxmlCompiler(ViewSources sources) {
    this.sources = sources;
  }

  /** Compiles the page at {@code pagePath} (project-relative, {@code .wxml} optional). */
  public CompiledPage compile(String pagePath) {
    String page = pagePath.startsWith("/") ? pagePath.substring(1) : pagePath;
    if (!page.endsWith(".wxml")) {
      page = page + ".wxml";
    }
    Map<String, CompiledFile> files = CompiledPage.newFileMap();
    Map<String, WxsModuleSource> wxs = new LinkedHashMap<>();
    List<ViewProblem> problems = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Optional<String> pageSource = sources.read(page);
    if (pageSource.isEmpty()) {
      throw new ViewException(new ViewProblem(page, 1, 1, "file not found"));
    }
    Deque<String> queue = new ArrayDeque<>();
    queue.add(page);
    while (!queue.isEmpty()) {
      String path = queue.poll();
      if (files.containsKey(path)) {
        continue;
      }
      String text = path.equals(page) ? pageSource.get() : sources.read(path).orElse(null);
      if (text == null) {
        continue;
      }
      FileCompiler fc = new FileCompiler(path, sources);
      CompiledFile file;
      try {
        List<WxmlNode> nodes = WxmlParser.parse(path, text);
        file = fc.compile(nodes);
      } catch (ViewException e) {
        problems.addAll(e.problems());
        files.put(path, new CompiledFile(path, List.of(), Map.of(), List.of(), List.of(), Map.of()));
        continue;
      }
      problems.addAll(fc.problems());
      files.put(path, file);
      wxs.putAll(fc.wxsSources());
      for (String target : fc.references()) {
        queue.add(target);
      }
      warnings.addAll(fc.warnings());
    }
    loadRequires(wxs, problems);
    if (!problems.isEmpty()) {
      throw new ViewException(problems);
    }
    return new CompiledPage(page, files, wxs, warnings);
  }

  /** Adds every {@code .wxs} file reachable through {@code require("...")} calls. */
  private void loadRequires(Map<String, WxsModuleSource> wxs, List<ViewProblem> problems) {
    Deque<WxsModuleSource> todo = new ArrayDeque<>(wxs.values());
    while (!todo.isEmpty()) {
      WxsModuleSource m = todo.poll();
      Matcher matcher = REQUIRE.matcher(m.code());
      while (matcher.find()) {
        String target = WxsPaths.resolve(m.path(), matcher.group(2));
        if (wxs.containsKey(target)) {
          continue;
        }
        Optional<String> code = sources.read(target);
        if (code.isEmpty()) {
          int line = m.line() + (int) m.code().substring(0, matcher.start()).chars().filter(c -> c == '\n').count();
          problems.add(new ViewProblem(m.path(), line, 1, "required WXS file `" + target + "` not found"));
          continue;
        }
        WxsModuleSource src = new WxsModuleSource(target, target, code.get(), 1);
        wxs.put(target, src);
        todo.add(src);
      }
    }
  }
}
