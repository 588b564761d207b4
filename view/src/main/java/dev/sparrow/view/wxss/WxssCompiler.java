package dev.sparrow.view.wxss;

import dev.sparrow.view.ViewProblem;
import dev.sparrow.view.ViewSources;
import dev.sparrow.view.wxs.WxsPaths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles WXSS into CSS for the browser simulator, rule for rule as WeChat's {@code wcsc} does (checked by the WXSS
 * differential, see docs/view-oracle-differences.md).
 *
 * <ul>
 *   <li>{@code @import "x.wxss"} (the semicolon is optional, {@code .wxss} may be left out) inlines the file,
 *       relative to the importing file or to the root for {@code /}. A file reached twice lands at its last import:
 *       wcsc's runtime builds a stylesheet back to front and skips files it has already placed. A missing file or an
 *       import cycle is reported. An {@code @import} inside {@code @media} stays as written, unresolved;</li>
 *   <li>selectors are rewritten by WeChat's rules (see {@code SelectorRewriter}); {@code @media} and
 *       {@code @supports} bodies are rewritten too, {@code @keyframes} and {@code @font-face} are kept;</li>
 *   <li>{@code :host} rules style the component's host element: {@code [is="<file path>"]}, collected apart in
 *       {@link WxssResult#hostCss()} (wcsc puts them in one global sheet, ahead of the others);</li>
 *   <li>{@code rpx} lengths become px ({@link Rpx});</li>
 *   <li>a broken rule (unbalanced braces, the unsupported {@code *} selector) is reported as file:line and dropped;
 *       compilation goes on with the next rule (wcsc rejects the whole file).</li>
 * </ul>
 * Style isolation: {@link #page} puts the app's stylesheet first and the page's after it, so page rules win ties;
 * each page gets its own stylesheet, so page rules never reach other pages. Component stylesheets use a class
 * prefix ({@link WxssOptions#classPrefix}, see {@link StyleScope}) so that their class selectors only match their own
 * elements.
 */
public final class WxssCompiler {
  private final ViewSources sources;

  public WxssCompiler(ViewSources sources) {
    this.sources = sources;
  }

  /** One stylesheet with everything it imports. */
  public WxssResult compile(String path, WxssOptions options) {
    Build build = new Build(options);
    Optional<String> text = build.text(path);
    if (text.isEmpty()) {
      build.problems.add(new ViewProblem(path, 1, 0, "file not found"));
      return new WxssResult("", build.problems);
    }
    build.parse(path, text.get());
    Deque<String> parts = new ArrayDeque<>();
    build.makeup(path, parts, new HashSet<>(Set.of(path)));
    return new WxssResult(String.join("", parts), build.problems, build.host.toString());
  }

  /** The CSS of one page: {@code app.wxss} (if present) then the page's own stylesheet (if present). */
  public WxssResult page(String appPath, String pagePath, WxssOptions options) {
    StringBuilder css = new StringBuilder();
    StringBuilder host = new StringBuilder();
    List<ViewProblem> problems = new ArrayList<>();
    for (String p : new String[] {appPath, pagePath}) {
      if (p != null && sources.read(p).isPresent()) {
        WxssResult r = compile(p, options);
        css.append("/* ").append(p).append(" */\n").append(r.css());
        host.append(r.hostCss());
        problems.addAll(r.problems());
      }
    }
    return new WxssResult(css.toString(), problems, host.toString());
  }

  /** An {@code @import} in a parsed file: where the imported file's CSS goes. */
  private record Import(String path) {}

  /** One compilation: each file reached is parsed once into CSS chunks and imports, then assembled. */
  private final class Build {
    private final WxssOptions options;
    private final List<ViewProblem> problems = new ArrayList<>();
    private final Map<String, List<Object>> files = new HashMap<>();
    private final Set<String> parsing = new HashSet<>();
    private final Map<String, Optional<String>> texts = new HashMap<>();
    private final StringBuilder host = new StringBuilder();

    Build(WxssOptions options) {
      this.options = options;
    }

    void parse(String path, String text) {
      List<Object> items = new ArrayList<>();
      files.put(path, items);
      parsing.add(path);
      Unit unit = new Unit(path, text, options, this, items);
      unit.rules(0, false, false);
      unit.flush();
      parsing.remove(path);
    }

    /** wcsc's runtime order: the items back to front, each file placed once (at its last import). */
    void makeup(String path, Deque<String> out, Set<String> placed) {
      List<Object> items = files.get(path);
      for (int i = items.size() - 1; i >= 0; i--) {
        Object item = items.get(i);
        if (item instanceof Import imp) {
          if (placed.add(imp.path())) {
            makeup(imp.path(), out, placed);
          }
        } else {
          out.addFirst((String) item);
        }
      }
    }

    /** A file's text, read once per compilation. */
    Optional<String> text(String path) {
      return texts.computeIfAbsent(path, sources::read);
    }

    /** Parses an imported file once; false when it does not exist. */
    boolean reach(String path) {
      if (files.containsKey(path)) {
        return true;
      }
      Optional<String> text = text(path);
      text.ifPresent(t -> parse(path, t));
      return text.isPresent();
    }
  }

  /** Parser state for one file. */
  private final class Unit {
    private final String path;
    private final String src;
    private final WxssOptions options;
    private final Build build;
    private final List<Object> items;
    private StringBuilder out = new StringBuilder();
    private int pos;

    Unit(String path, String src, WxssOptions options, Build build, List<Object> items) {
      this.path = path;
      this.src = src;
      this.options = options;
      this.build = build;
      this.items = items;
    }

    void flush() {
      if (out.length() > 0) {
        items.add(out.toString());
        out = new StringBuilder();
      }
    }

    /** Rules until end of input, or until the '}' closing a block when {@code nested}. */
    void rules(int depth, boolean nested, boolean keyframes) {
      while (true) {
        skipSpaceAndComments();
        if (pos >= src.length()) {
          return;
        }
        char ch = src.charAt(pos);
        if (ch == '}') {
          if (nested) {
            pos++;
            return;
          }
          problem(pos, "unexpected `}`");
          pos++;
        } else if (ch == '@') {
          atRule(depth, nested);
        } else {
          rule(keyframes);
        }
      }
    }

    private void atRule(int depth, boolean nested) {
      int start = pos;
      int nameEnd = pos + 1;
      while (nameEnd < src.length() && (Character.isLetterOrDigit(src.charAt(nameEnd)) || src.charAt(nameEnd) == '-')) {
        nameEnd++;
      }
      String name = src.substring(pos + 1, nameEnd).toLowerCase(Locale.ROOT);
      if (name.equals("import") && !nested && importString(start, nameEnd)) {
        return;
      }
      int brace = find('{', nameEnd);
      int semi = find(';', nameEnd);
      if (semi >= 0 && (brace < 0 || semi < brace)) {
        String prelude = src.substring(nameEnd, semi).strip();
        pos = semi + 1;
        if (name.equals("import") && !nested) {
          importFile(start, unquote(prelude));
        } else {
          out.append('@').append(name).append(' ').append(prelude).append(";\n");
        }
        return;
      }
      if (brace < 0) {
        problem(start, "`@" + name + "` has no block");
        pos = src.length();
        return;
      }
      String prelude = src.substring(nameEnd, brace).strip();
      pos = brace + 1;
      if (depth > 32) {
        problem(start, "blocks nested too deeply");
        skipBlock(start);
        return;
      }
      if (name.equals("media") || name.equals("supports") || name.equals("document")) {
        out.append('@').append(name).append(' ').append(prelude).append(" {\n");
        rules(depth + 1, true, false);
        out.append("}\n");
      } else if (name.endsWith("keyframes")) {
        out.append('@').append(name).append(' ').append(prelude).append(" {\n");
        rules(depth + 1, true, true);
        out.append("}\n");
      } else {
        int close = blockEnd(start);
        if (close < 0) {
          return;
        }
        out.append('@').append(name).append(prelude.isEmpty() ? "" : " " + prelude).append(" {")
            .append(Rpx.convert(src.substring(pos, close).strip(), options)).append("}\n");
        pos = close + 1;
      }
    }

    /** {@code @import "file"} with an optional semicolon, as wcsc reads it; false if no string follows. */
    private boolean importString(int start, int nameEnd) {
      int i = nameEnd;
      while (i < src.length() && Character.isWhitespace(src.charAt(i))) {
        i++;
      }
      if (i >= src.length() || (src.charAt(i) != '"' && src.charAt(i) != '\'')) {
        return false;
      }
      int after = CssText.stringEnd(src, i);
      if (after - 1 <= i || src.charAt(after - 1) != src.charAt(i)) { // not closed
        return false;
      }
      String target = src.substring(i + 1, after - 1);
      while (after < src.length() && Character.isWhitespace(src.charAt(after))) {
        after++;
      }
      if (after < src.length() && src.charAt(after) == ';') {
        after++;
      } else {
        int semi = find(';', after);
        String between = semi < 0 ? "" : src.substring(after, semi);
        if (!between.isBlank() && between.chars().noneMatch(c -> c == '{' || c == '}' || c == '@')) {
          after = semi + 1; // `@import "x" screen;`: a media list wcsc rejects; the file is imported anyway
        }
      }
      pos = after;
      importFile(start, target);
      return true;
    }

    private void importFile(int at, String target) {
      String resolved = WxsPaths.resolve(path, target);
      if (!resolved.endsWith(".wxss") && build.text(resolved).isEmpty()) {
        resolved = resolved + ".wxss"; // wcsc adds the extension
      }
      if (build.parsing.contains(resolved)) {
        problem(at, "import cycle: `" + target + "` is already being imported");
        return;
      }
      if (!build.reach(resolved)) {
        problem(at, "imported file `" + target + "` not found");
        return;
      }
      flush();
      items.add(new Import(resolved));
    }

    private void rule(boolean keyframes) {
      int start = pos;
      int brace = find('{', pos);
      int stray = find('}', pos);
      if (brace < 0 || (stray >= 0 && stray < brace)) {
        problem(start, "expected `{` after selector");
        pos = stray >= 0 ? stray + 1 : src.length();
        return;
      }
      String selector = stripComments(src.substring(pos, brace)).strip();
      pos = brace + 1;
      int close = blockEnd(start);
      if (close < 0) {
        return;
      }
      String body = Rpx.convert(stripComments(src.substring(pos, close)).strip(), options);
      pos = close + 1;
      if (keyframes) {
        out.append(selector).append(" {").append(body).append("}\n");
        return;
      }
      if (hasUniversal(selector)) {
        problem(start, "the universal selector `*` is not supported");
        return;
      }
      Optional<String> host = SelectorRewriter.hostClasses(selector);
      if (host.isPresent()) {
        build.host.append(host.get()).append("[is=\"").append(hostPath()).append("\"] {").append(body).append("}\n");
        return;
      }
      out.append(SelectorRewriter.rewrite(selector, options.classPrefix())).append(" {").append(body).append("}\n");
    }

    /** This file's component path as the host's {@code is} attribute holds it, escaped for a CSS string. */
    private String hostPath() {
      String p = path.endsWith(".wxss") ? path.substring(0, path.length() - 5) : path;
      return p.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Index of the '}' closing the block whose body starts at {@code pos}; reports and gives up at the end. */
    private int blockEnd(int ruleStart) {
      int depth = 0;
      for (int i = pos; i < src.length(); i++) {
        char ch = src.charAt(i);
        if (ch == '"' || ch == '\'') {
          i = CssText.stringEnd(src, i) - 1;
        } else if (ch == '/' && i + 1 < src.length() && src.charAt(i + 1) == '*') {
          int e = src.indexOf("*/", i + 2);
          i = e < 0 ? src.length() : e + 1;
        } else if (ch == '{') {
          depth++;
        } else if (ch == '}') {
          if (depth == 0) {
            return i;
          }
          depth--;
        }
      }
      problem(ruleStart, "block is not closed, expected `}`");
      pos = src.length();
      return -1;
    }

    private void skipBlock(int start) {
      int close = blockEnd(start);
      pos = close < 0 ? src.length() : close + 1;
    }

    private int find(char target, int from) {
      for (int i = from; i < src.length(); i++) {
        char ch = src.charAt(i);
        if (ch == '"' || ch == '\'') {
          i = CssText.stringEnd(src, i) - 1;
        } else if (ch == '/' && i + 1 < src.length() && src.charAt(i + 1) == '*') {
          int e = src.indexOf("*/", i + 2);
          i = e < 0 ? src.length() : e + 1;
        } else if (ch == target) {
          return i;
        }
      }
      return -1;
    }

    private void skipSpaceAndComments() {
      while (pos < src.length()) {
        if (Character.isWhitespace(src.charAt(pos))) {
          pos++;
        } else if (src.startsWith("/*", pos)) {
          int e = src.indexOf("*/", pos + 2);
          pos = e < 0 ? src.length() : e + 2;
        } else {
          return;
        }
      }
    }

    private void problem(int offset, String message) {
      int line = 1;
      for (int i = 0; i < offset && i < src.length(); i++) {
        if (src.charAt(i) == '\n') {
          line++;
        }
      }
      build.problems.add(new ViewProblem(path, line, 0, message));
    }
  }

  /** The file named by an {@code @import} prelude: {@code "x"}, {@code 'x'}, {@code url(x)}, {@code url("x")}. */
  private static String unquote(String prelude) {
    String target = prelude;
    if (target.startsWith("url(") && target.endsWith(")")) {
      target = target.substring(4, target.length() - 1).strip();
    }
    if (target.length() >= 2 && (target.charAt(0) == '"' || target.charAt(0) == '\'')) {
      target = target.substring(1, target.length() - 1);
    }
    return target;
  }

  private static boolean hasUniversal(String selector) {
    boolean inAttr = false;
    for (int i = 0; i < selector.length(); i++) {
      char ch = selector.charAt(i);
      if (ch == '[') {
        inAttr = true;
      } else if (ch == ']') {
        inAttr = false;
      } else if (ch == '*' && !inAttr) {
        return true;
      }
    }
    return false;
  }

  private static String stripComments(String s) {
    if (!s.contains("/*")) {
      return s;
    }
    return s.replaceAll("(?s)/\\*.*?(\\*/|$)", "");
  }
}
