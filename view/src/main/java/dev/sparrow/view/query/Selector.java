package dev.sparrow.view.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparrow.view.expr.Js;
import dev.sparrow.view.tree.VElement;
import dev.sparrow.view.tree.VNode;
import java.util.ArrayList;
import java.util.List;

/**
 * CSS-like selectors over the virtual tree: type ({@code view}, {@code *}; letter case ignored, as in the HTML
 * document DevTools queries: {@code mp-actionsheet} finds {@code <mp-actionSheet>}), {@code #id}, {@code .class},
 * {@code [attr]}, {@code [attr=value]} (value quoted or bare; compared with the attribute's string form),
 * compounds of those ({@code button.primary[disabled]}), descendant ({@code a b}) and child ({@code a > b})
 * combinators, WeChat's descendant across custom components ({@code .the-ancestor >>> .the-descendant}: the
 * descendant may sit in the template of a component below the ancestor), and comma-separated lists. Matches are
 * returned in document order without duplicates.
 */
public final class Selector {
  /** No template scope: ancestors are taken in the composed tree. */
  private static final int ANY_SCOPE = -1;

  private final List<List<Step>> alternatives;
  private final boolean crossesComponents;

  private record Simple(String tag, String id, List<String> classes, List<String[]> attrs) {}

  /** One compound and the combinator before it: child ({@code >}), deep ({@code >>>}) or else descendant. */
  private record Step(Simple simple, boolean child, boolean deep) {}

  private Selector(List<List<Step>> alternatives) {
    this.alternatives = alternatives;
    this.crossesComponents = alternatives.stream().flatMap(List::stream).anyMatch(Step::deep);
  }

  /** Parses {@code text}; throws {@link IllegalArgumentException} naming the selector when it is malformed. */
  public static Selector parse(String text) {
    List<List<Step>> alts = new ArrayList<>();
    for (String part : splitTopLevel(text)) {
      alts.add(steps(text, part.strip()));
    }
    return new Selector(alts);
  }

  /** All elements under {@code root} (not {@code root} itself) that match, in document order. */
  public List<VElement> select(VElement root) {
    List<VElement> out = new ArrayList<>();
    walk(root, out);
    return out;
  }

  private void walk(VElement el, List<VElement> out) {
    for (VNode c : el.children()) {
      if (c instanceof VElement) {
        VElement e = (VElement) c;
        if (matches(e)) {
          out.add(e);
        }
        walk(e, out);
      }
    }
  }

  /**
   * The elements under {@code root} written by template {@code scope} (0: the page's own WXML, else a custom
   * component instance: its "shadow tree") that match, with ancestors taken in that template's own tree. This is
   * how WeChat's queries see custom components: a page query finds a component's host but nothing inside it,
   * unless a {@code >>>} step reaches into components (the selector's first compound still matches in
   * {@code scope}).
   */
  public List<VElement> select(VElement root, int scope) {
    List<VElement> out = new ArrayList<>();
    walkScopes(root, scope, scope, out);
    return out;
  }

  /**
   * The elements under a custom component's {@code host} that match: those of its own template (the shadow tree)
   * and the content its page or parent component put in its slots, in document order, each with ancestors taken in
   * the template that wrote it. This is what DevTools' {@code element.$} on a component finds (a WeUI
   * {@code mp-cells} host finds the {@code mp-cell}s written in its slot).
   */
  public List<VElement> selectInHost(VElement host) {
    List<VElement> out = new ArrayList<>();
    walkScopes(host, host.hosted(), host.scope(), out);
    return out;
  }

  /**
   * The elements under {@code el} written by template {@code shadow} or {@code light} (or any, past a {@code >>>}
   * step) that match, each in its own template: one walk for a scoped query ({@code shadow == light}) and for a
   * component host's own template plus its slot content.
   */
  private void walkScopes(VElement el, int shadow, int light, List<VElement> out) {
    for (VNode c : el.children()) {
      if (c instanceof VElement e) {
        int scope = e.scope();
        if ((scope == shadow || scope == light || crossesComponents)
            && matches(e, scope == light ? light : shadow)) {
          out.add(e);
        }
        walkScopes(e, shadow, light, out);
      }
    }
  }

  /** Whether {@code el} matches, its ancestors taken in the composed tree. */
  public boolean matches(VElement el) {
    return matches(el, ANY_SCOPE);
  }

  private boolean matches(VElement el, int scope) {
    for (List<Step> steps : alternatives) {
      if (matchFrom(el, steps, steps.size() - 1, scope)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code el} matches {@code steps[0..i]}. With a {@code scope}, ancestors are taken in each template's
   * own tree, a {@code >>>} step climbs out of a component through its host, and the first compound must match
   * in {@code scope}; with {@link #ANY_SCOPE}, in the composed tree.
   */
  private static boolean matchFrom(VElement el, List<Step> steps, int i, int scope) {
    if (el == null || !simple(el, steps.get(i).simple())) {
      return false;
    }
    if (i == 0) {
      return scope == ANY_SCOPE || el.scope() == scope;
    }
    Step step = steps.get(i);
    if (step.child()) {
      return matchFrom(up(el, scope, false), steps, i - 1, scope);
    }
    for (VElement a = up(el, scope, step.deep()); a != null; a = up(a, scope, step.deep())) {
      if (matchFrom(a, steps, i - 1, scope)) {
        return true;
      }
    }
    return false;
  }

  /** The parent: composed; or in the element's template, or (deep) its component's host at the template's top. */
  private static VElement up(VElement el, int scope, boolean deep) {
    VElement p = scope == ANY_SCOPE ? el.parent() : el.logicalParent();
    if (p == null && deep) {
      p = el.parent();
    }
    return p == null || p.parent() == null && p.tag().equals("page") ? null : p;
  }

  private static boolean simple(VElement el, Simple s) {
    if (s.tag() != null && !s.tag().equalsIgnoreCase(el.tag())) {
      return false;
    }
    if (s.id() != null && !s.id().equals(text(el.attribute("id")))) {
      return false;
    }
    if (!s.classes().isEmpty()) {
      String cls = text(el.attribute("class"));
      List<String> have = cls == null ? List.of() : List.of(cls.strip().split("\\s+"));
      if (!have.containsAll(s.classes())) {
        return false;
      }
    }
    for (String[] a : s.attrs()) {
      JsonNode v = el.attribute(a[0]);
      if (v == null || v.isMissingNode()) {
        return false;
      }
      if (a[1] != null && !a[1].equals(text(v))) {
        return false;
      }
    }
    return true;
  }

  private static String text(JsonNode v) {
    return v == null ? null : Js.toDisplay(v);
  }

  private static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quote != 0) {
        quote = ch == quote ? 0 : quote;
      } else if (ch == '"' || ch == '\'') {
        quote = ch;
      } else if (ch == '[') {
        depth++;
      } else if (ch == ']') {
        depth--;
      } else if (ch == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  private static List<Step> steps(String whole, String part) {
    List<Step> steps = new ArrayList<>();
    int i = 0;
    boolean child = false;
    boolean deep = false;
    while (i < part.length()) {
      char ch = part.charAt(i);
      if (Character.isWhitespace(ch)) {
        i++;
        continue;
      }
      if (ch == '>') {
        if (steps.isEmpty() || child || deep) {
          throw bad(whole);
        }
        deep = part.startsWith(">>>", i);
        child = !deep;
        i += deep ? 3 : 1;
        continue;
      }
      int[] end = {i};
      Simple s = compound(whole, part, end);
      steps.add(new Step(s, child, deep));
      child = false;
      deep = false;
      i = end[0];
    }
    if (steps.isEmpty() || child || deep) {
      throw bad(whole);
    }
    return steps;
  }

  private static Simple compound(String whole, String p, int[] at) {
    int i = at[0];
    String tag = null;
    String id = null;
    List<String> classes = new ArrayList<>();
    List<String[]> attrs = new ArrayList<>();
    if (p.charAt(i) == '*') {
      i++;
    } else if (isName(p.charAt(i))) {
      int s = i;
      while (i < p.length() && isName(p.charAt(i))) {
        i++;
      }
      tag = p.substring(s, i);
    }
    while (i < p.length() && !Character.isWhitespace(p.charAt(i)) && p.charAt(i) != '>') {
      char ch = p.charAt(i);
      if (ch == '#' || ch == '.') {
        int s = ++i;
        while (i < p.length() && isName(p.charAt(i))) {
          i++;
        }
        if (s == i) {
          throw bad(whole);
        }
        if (ch == '#') {
          id = p.substring(s, i);
        } else {
          classes.add(p.substring(s, i));
        }
      } else if (ch == '[') {
        int close = closing(p, i);
        if (close < 0) {
          throw bad(whole);
        }
        String body = p.substring(i + 1, close).strip();
        int eq = body.indexOf('=');
        String name = (eq < 0 ? body : body.substring(0, eq)).strip();
        if (name.isEmpty()) {
          throw bad(whole);
        }
        String value = null;
        if (eq >= 0) {
          value = body.substring(eq + 1).strip();
          if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
              && value.charAt(value.length() - 1) == value.charAt(0)) {
            value = value.substring(1, value.length() - 1);
          }
        }
        attrs.add(new String[] {name, value});
        i = close + 1;
      } else {
        throw bad(whole);
      }
    }
    if (tag == null && id == null && classes.isEmpty() && attrs.isEmpty() && p.charAt(at[0]) != '*') {
      throw bad(whole);
    }
    at[0] = i;
    return new Simple(tag, id, classes, attrs);
  }

  private static int closing(String p, int open) {
    char quote = 0;
    for (int i = open + 1; i < p.length(); i++) {
      char ch = p.charAt(i);
      if (quote != 0) {
        quote = ch == quote ? 0 : quote;
      } else if (ch == '"' || ch == '\'') {
        quote = ch;
      } else if (ch == ']') {
        return i;
      }
    }
    return -1;
  }

  private static boolean isName(char ch) {
    return Character.isLetterOrDigit(ch) || ch == '-' || ch == '_' || ch == ':';
  }

  private static IllegalArgumentException bad(String selector) {
    return new IllegalArgumentException("invalid selector `" + selector + "`");
  }
}
