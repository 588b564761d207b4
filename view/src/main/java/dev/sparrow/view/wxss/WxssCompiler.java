package dev.sparrow.view.wxss;

import dev.sparrow.view.ViewProblem;
import dev.sparrow.view.ViewSources;
import dev.sparrow.view.wxs.WxsPaths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles WXSS into CSS for the browser simulator.
 *
 * <ul>
 *   <li>{@code @import "x.wxss";} inlines the file (relative to the importing file, or the root for {@code /});
 *       a file is inlined once per stylesheet; a missing file is reported;</li>
 *   <li>selectors are rewritten by WeChat's rules (see {@code SelectorRewriter}); {@code @media} and
 *       {@code @supports} bodies are rewritten too, {@code @keyframes} and {@code @font-face} are kept;</li>
 *   <li>{@code rpx} lengths become px ({@link Rpx});</li>
 *   <li>a broken rule (unbalanced braces, the unsupported {@code *} selector) is reported as file:line and dropped;
 *       compilation goes on with the next rule.</li>
 * </ul>
 * Style isolation: {@link #page} puts the app's stylesheet first and the page's after it, so page rules win ties;
 * each page gets its own stylesheet, so page rules never reach other pages. Component stylesheets use a class
 * prefix ({@link WxssOptions#classPrefix}) so that their class selectors only match their own elements.
 */
public final class WxssCompiler {
  private final ViewSources sources;

  public WxssCompiler(ViewSources sources) {
    this.sources = sources;
  }

  /** One stylesheet with everything it imports. */
  public WxssResult compile(String path, WxssOptions options) {
    List<ViewProblem> problems = new ArrayList<>();
    StringBuilder css = new StringBuilder();
    Optional<String> text = sources.read(path);
    if (text.isEmpty()) {
      problems.add(new ViewProblem(path, 1, 0, "file not found"));
    } else {
      new Unit(path, text.get(), options, css, problems, new HashSet<>(Set.of(path))).rules(0, false, false);
    }
    return new WxssResult(css.toString(), problems);
  }

  /** The CSS of one page: {@code app.wxss} (if present) then the page's own stylesheet (if present). */
  public WxssResult page(String appPath, String pagePath, WxssOptions options) {
    StringBuilder css = new StringBuilder();
    List<ViewProblem> problems = new ArrayList<>();
    for (String p : new String[] {appPath, pagePath}) {
      if (p != null && sources.read(p).isPresent()) {
        WxssResult r = compile(p, options);
        css.append("/* ").append(p).append(" */\n").append(r.css());
        problems.addAll(r.problems());
      }
    }
    return new WxssResult(css.toString(), problems);
  }

  /** Parser state for one file. */
  private final class Unit {
    private final String path;
    private final String src;
    private final WxssOptions options;
    private final StringBuilder out;
    private final List<ViewProblem> problems;
    private final Set<String> imported;
    private int pos;

    Unit(String path, String src, WxssOptions options, StringBuilder out, List<ViewProblem> problems,
        Set<String> imported) {
      this.path = path;
      this.src = src;
      this.options = options;
      this.out = out;
      this.problems = problems;
      this.imported = imported;
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
          atRule(depth);
        } else {
          rule(keyframes);
        }
      }
    }

    private void atRule(int depth) {
      int start = pos;
      int nameEnd = pos + 1;
      while (nameEnd < src.length() && (Character.isLetterOrDigit(src.charAt(nameEnd)) || src.charAt(nameEnd) == '-')) {
        nameEnd++;
      }
      String name = src.substring(pos + 1, nameEnd).toLowerCase(Locale.ROOT);
      int brace = find('{', nameEnd);
      int semi = find(';', nameEnd);
      if (semi >= 0 && (brace < 0 || semi < brace)) {
        String prelude = src.substring(nameEnd, semi).strip();
        pos = semi + 1;
        if (name.equals("import")) {
          importFile(start, prelude);
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

    private void importFile(int at, String prelude) {
      String target = prelude;
      if (target.startsWith("url(") && target.endsWith(")")) {
        target = target.substring(4, target.length() - 1).strip();
      }
      if (target.length() >= 2 && (target.charAt(0) == '"' || target.charAt(0) == '\'')) {
        target = target.substring(1, target.length() - 1);
      }
      String resolved = WxsPaths.resolve(path, target);
      if (!imported.add(resolved)) {
        return;
      }
      Optional<String> text = sources.read(resolved);
      if (text.isEmpty()) {
        problem(at, "imported file `" + target + "` not found");
        return;
      }
      new Unit(resolved, text.get(), options, out, problems, imported).rules(0, false, false);
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
      String body = stripComments(src.substring(pos, close)).strip();
      pos = close + 1;
      if (!keyframes && hasUniversal(selector)) {
        problem(start, "the universal selector `*` is not supported");
        return;
      }
      String sel = keyframes ? selector : SelectorRewriter.rewrite(selector, options.classPrefix());
      out.append(sel).append(" {").append(Rpx.convert(body, options)).append("}\n");
    }

    /** Index of the '}' closing the block whose body starts at {@code pos}; reports and gives up at the end. */
    private int blockEnd(int ruleStart) {
      int depth = 0;
      for (int i = pos; i < src.length(); i++) {
        char ch = src.charAt(i);
        if (ch == '"' || ch == '\'') {
          int q = src.indexOf(ch, i + 1);
          i = q < 0 ? src.length() : q;
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
          int q = src.indexOf(ch, i + 1);
          i = q < 0 ? src.length() : q;
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
      problems.add(new ViewProblem(path, line, 0, message));
    }
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
