package dev.sparrow.view.template;

import dev.sparrow.view.ViewProblem;
import dev.sparrow.view.ViewSources;
import dev.sparrow.view.expr.ExprSyntaxException;
import dev.sparrow.view.expr.Interpolation;
import dev.sparrow.view.wxml.WxmlAttribute;
import dev.sparrow.view.wxml.WxmlElement;
import dev.sparrow.view.wxml.WxmlNode;
import dev.sparrow.view.wxml.WxmlText;
import dev.sparrow.view.wxs.WxsModuleSource;
import dev.sparrow.view.wxs.WxsPaths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns one parsed WXML file into {@link TNode}s. Directives: {@code wx:for} wraps the element (its {@code wx:if}
 * is then checked per item); consecutive siblings {@code wx:if}, {@code wx:elif}, {@code wx:else} form one chain
 * (whitespace and comments between them are ignored; anything else breaks the chain, and a dangling
 * {@code wx:elif}/{@code wx:else} is an error). Directive attributes never reach the rendered element.
 */
final class FileCompiler {
  private static final AtomicInteger ORIGINS = new AtomicInteger();
  private static final Set<String> DIRECTIVES = Set.of(
      "wx:if", "wx:elif", "wx:else", "wx:for", "wx:for-items", "wx:for-item", "wx:for-index", "wx:key");

  private final String path;
  private final ViewSources sources;
  private final List<ViewProblem> problems = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final Map<String, TemplateDef> templates = new LinkedHashMap<>();
  private final List<String> imports = new ArrayList<>();
  private final List<String> includes = new ArrayList<>();
  private final Set<String> references = new LinkedHashSet<>();
  private final Map<String, String> modules = new LinkedHashMap<>();
  private final Map<String, WxsModuleSource> wxsSources = new LinkedHashMap<>();

  FileCompiler(String path, ViewSources sources) {
    this.path = path;
    this.sources = sources;
  }

  CompiledFile compile(List<WxmlNode> nodes) {
    List<TNode> body = children(nodes);
    return new CompiledFile(path, List.copyOf(body), Map.copyOf(templates),
        Collections.unmodifiableList(imports), Collections.unmodifiableList(includes),
        Map.copyOf(modules));
  }

  List<ViewProblem> problems() {
    return problems;
  }

  List<String> warnings() {
    return warnings;
  }

  Set<String> references() {
    return references;
  }

  Map<String, WxsModuleSource> wxsSources() {
    return wxsSources;
  }

  private List<TNode> children(List<WxmlNode> nodes) {
    List<TNode> out = new ArrayList<>();
    List<Interpolation> conds = null;
    List<TNode> branches = null;
    for (WxmlNode n : nodes) {
      if (n instanceof WxmlText) {
        WxmlText t = (WxmlText) n;
        if (t.text().isBlank()) {
          continue;
        }
        conds = null;
        out.add(new TText(interpolate(t.text(), t.line(), t.column(), false), ORIGINS.incrementAndGet()));
        continue;
      }
      WxmlElement el = (WxmlElement) n;
      boolean looped = el.has("wx:for") || el.has("wx:for-items");
      if (!looped && el.has("wx:if")) {
        conds = new ArrayList<>();
        branches = new ArrayList<>();
        conds.add(condition(el, "wx:if"));
        branches.add(element(el));
        out.add(new TIf(conds, branches));
      } else if (!looped && (el.has("wx:elif") || el.has("wx:else"))) {
        String attr = el.has("wx:elif") ? "wx:elif" : "wx:else";
        if (conds == null || conds.get(conds.size() - 1) == null) {
          problems.add(new ViewProblem(path, el.line(), el.column(),
              "bad attr `" + attr + "`: no wx:if or wx:elif before it"));
          continue;
        }
        conds.add(attr.equals("wx:elif") ? condition(el, "wx:elif") : null);
        branches.add(element(el));
      } else {
        conds = null;
        TNode node = looped ? loop(el) : element(el);
        if (node != null) {
          out.add(node);
        }
      }
    }
    return out;
  }

  private Interpolation condition(WxmlElement el, String name) {
    WxmlAttribute a = el.attribute(name).orElseThrow();
    if (a.value() == null) {
      problems.add(new ViewProblem(path, a.line(), a.column(), "bad attr `" + name + "`: value not set"));
      return Interpolation.literal("");
    }
    return attributeValue(a, false);
  }

  private TNode loop(WxmlElement el) {
    WxmlAttribute listAttr = el.attribute("wx:for").or(() -> el.attribute("wx:for-items")).orElseThrow();
    if (listAttr.value() == null) {
      problems.add(new ViewProblem(path, listAttr.line(), listAttr.column(),
          "bad attr `" + listAttr.name() + "`: value not set"));
    }
    Interpolation list = listAttr.value() == null ? Interpolation.literal("") : attributeValue(listAttr, false);
    String item = staticValue(el, "wx:for-item", "item");
    String index = staticValue(el, "wx:for-index", "index");
    String key = el.attribute("wx:key").map(WxmlAttribute::value).filter(v -> v != null && !v.isEmpty())
        .orElse(null);
    TNode body = element(el);
    if (el.has("wx:if")) {
      body = new TIf(List.of(condition(el, "wx:if")), List.of(body == null ? new TFragment(List.of()) : body));
    }
    return new TFor(list, item, index, key, body == null ? new TFragment(List.of()) : body,
        ORIGINS.incrementAndGet());
  }

  private static String staticValue(WxmlElement el, String name, String fallback) {
    // wcc uses the value as written: " it " is not `it`
    return el.attribute(name).map(WxmlAttribute::value).filter(v -> v != null && !v.isEmpty()).orElse(fallback);
  }

  /** The element itself, without its directives; null for definitions that render nothing in place. */
  private TNode element(WxmlElement el) {
    switch (el.tag()) {
      case "block":
        return new TFragment(children(el.children()));
      case "import":
        reference(el, imports);
        return null;
      case "include":
        String target = reference(el, includes);
        return new TInclude(path, target);
      case "wxs":
        wxs(el);
        return null;
      case "template":
        return template(el);
      default:
        return plainElement(el);
    }
  }

  private TNode plainElement(WxmlElement el) {
    List<TAttribute> attrs = new ArrayList<>();
    Map<String, Integer> positions = new LinkedHashMap<>();
    Map<String, String> generics = new LinkedHashMap<>();
    for (WxmlAttribute a : el.attributes()) {
      if (a.name().startsWith("generic:") && a.value() != null) {
        generics.put(a.name().substring("generic:".length()), a.value().strip());
      }
      String name = DIRECTIVES.contains(a.name()) ? null : AttributeNames.rendered(a.name());
      if (name == null) {
        continue;
      }
      Interpolation value = a.value() == null ? null : attributeValue(a, false);
      TAttribute ta = new TAttribute(name, value, a.name().startsWith("model:") && value != null && value.isLone());
      Integer at = positions.get(name);
      if (at != null) {
        attrs.set(at, ta);
      } else {
        positions.put(name, attrs.size());
        attrs.add(ta);
      }
    }
    return new TElement(el.tag(), List.copyOf(attrs), List.copyOf(children(el.children())),
        ORIGINS.incrementAndGet(), Map.copyOf(generics));
  }

  private TNode template(WxmlElement el) {
    Optional<WxmlAttribute> name = el.attribute("name");
    if (name.isPresent() && name.get().value() != null) {
      templates.putIfAbsent(name.get().value(),
          new TemplateDef(name.get().value(), path, List.copyOf(children(el.children()))));
      return null;
    }
    Optional<WxmlAttribute> is = el.attribute("is");
    if (is.isEmpty() || is.get().value() == null) {
      problems.add(new ViewProblem(path, el.line(), el.column(), "template needs a `name` or an `is` attribute"));
      return null;
    }
    Interpolation data = el.attribute("data").filter(a -> a.value() != null)
        .map(a -> attributeValue(a, true)).orElse(null);
    return new TTemplateCall(path, attributeValue(is.get(), false), data);
  }

  private String reference(WxmlElement el, List<String> into) {
    Optional<WxmlAttribute> src = el.attribute("src").filter(a -> a.value() != null && !a.value().isBlank());
    if (src.isEmpty()) {
      warnings.add(path + ":" + el.line() + ":" + el.column() + ": `" + el.tag() + "` without src");
      into.add(null);
      return null;
    }
    String ref = WxsPaths.resolve(path, src.get().value().strip());
    String target = null;
    if (sources.read(ref).isPresent()) {
      target = ref;
    } else if (sources.read(ref + ".wxml").isPresent()) {
      target = ref + ".wxml";
    }
    if (target == null) {
      warnings.add(path + ":" + el.line() + ":" + el.column() + ": " + el.tag() + " path `" + src.get().value()
          + "` not found");
    } else {
      references.add(target);
    }
    into.add(target);
    return target;
  }

  private void wxs(WxmlElement el) {
    Optional<WxmlAttribute> module = el.attribute("module").filter(a -> a.value() != null && !a.value().isBlank());
    if (module.isEmpty()) {
      problems.add(new ViewProblem(path, el.line(), el.column(), "wxs needs a `module` attribute"));
      return;
    }
    String name = module.get().value().strip();
    if (!name.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
      problems.add(new ViewProblem(path, el.line(), el.column(), "invalid wxs module name `" + name + "`"));
      return;
    }
    // A repeated module name: the later <wxs> wins, as in WeChat.
    Optional<WxmlAttribute> src = el.attribute("src").filter(a -> a.value() != null && !a.value().isBlank());
    if (src.isPresent()) {
      String target = WxsPaths.resolve(path, src.get().value().strip());
      Optional<String> code = sources.read(target);
      if (code.isEmpty()) {
        problems.add(new ViewProblem(path, el.line(), el.column(), "wxs file `" + target + "` not found"));
        return;
      }
      modules.put(name, target);
      wxsSources.put(target, new WxsModuleSource(target, target, code.get(), 1));
    } else {
      String code = el.children().isEmpty() ? "" : ((WxmlText) el.children().get(0)).text();
      int line = el.children().isEmpty() ? el.line() : el.children().get(0).line();
      String id = path + "#" + name;
      modules.put(name, id);
      wxsSources.put(id, new WxsModuleSource(id, path, code, line));
    }
  }

  private Interpolation attributeValue(WxmlAttribute a, boolean objectBody) {
    return interpolate(a.value(), a.valueLine(), a.valueColumn(), objectBody);
  }

  private Interpolation interpolate(String text, int line, int column, boolean objectBody) {
    try {
      return Interpolation.parse(text, objectBody);
    } catch (ExprSyntaxException e) {
      int l = line;
      int c = column;
      for (int i = 0; i < e.offset() && i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          l++;
          c = 1;
        } else {
          c++;
        }
      }
      problems.add(new ViewProblem(path, l, c, "bad value: " + e.getMessage()));
      return Interpolation.literal("");
    }
  }
}
