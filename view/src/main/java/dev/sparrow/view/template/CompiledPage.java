package dev.sparrow.view.template;

import dev.sparrow.view.wxs.WxsModuleSource;
import dev.sparrow.view.wxs.WxsRuntime;
import dev.sparrow.view.wxs.WxsWatchdog;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A page's WXML compiled together with every file it imports or includes and every WXS module they use.
 * Immutable and shareable between page instances; render it through {@link #newRenderer()}.
 */
public final class CompiledPage {
  private final String path;
  private final Map<String, CompiledFile> files;
  private final Map<String, WxsModuleSource> wxs;
  private final List<String> warnings;

  CompiledPage(String path, Map<String, CompiledFile> files, Map<String, WxsModuleSource> wxs, List<String> warnings) {
    this.path = path;
    this.files = Map.copyOf(files);
    this.wxs = Map.copyOf(wxs);
    this.warnings = List.copyOf(warnings);
  }

  /** The page's WXML path, e.g. {@code pages/index/index.wxml}. */
  public String path() {
    return path;
  }

  /** Compile-time warnings WeChat also only warns about (missing import or include targets). */
  public List<String> warnings() {
    return warnings;
  }

  /** A renderer with its own WXS context; close it when the page goes away. */
  public TemplateRenderer newRenderer() {
    return new TemplateRenderer(this, (WxsWatchdog) null);
  }

  /** Same, its WXS calls limited by {@code watchdog} (which its owner closes). */
  public TemplateRenderer newRenderer(WxsWatchdog watchdog) {
    return new TemplateRenderer(this, watchdog);
  }

  /** A renderer whose WXS modules are evaluated in {@code shared}, the page's runtime (see {@link WxsRuntime#add}). */
  public TemplateRenderer newRenderer(WxsRuntime shared) {
    return new TemplateRenderer(this, shared);
  }

  /**
   * The page-data names that attribute {@code attribute} of the elements made by template node {@code origin}
   * ({@link dev.sparrow.view.tree.VNode#origin()}) depends on. Loop variables are traced back to their list
   * ({@code value="{{item.v}}"} inside {@code wx:for="{{todos}}"} depends on {@code todos}); names inside template
   * bodies are the template's own data. Empty when the attribute is static or absent.
   */
  public Set<String> boundNames(int origin, String attribute) {
    Map<String, Set<String>> attrs = dependencies().get(origin);
    Set<String> names = attrs == null ? null : attrs.get(attribute);
    return names == null ? Set.of() : names;
  }

  private Map<Integer, Map<String, Set<String>>> dependencyIndex;
  private ListBindings listBindings;

  /** What the bindings read, for updates by data path (computed once, on first use). */
  synchronized ListBindings listBindings() {
    if (listBindings == null) {
      listBindings = new ListBindings(this, files.get(path));
    }
    return listBindings;
  }

  private Map<Integer, Map<String, Set<String>>> dependencies() {
    if (dependencyIndex == null) {
      Map<Integer, Map<String, Set<String>>> index = new HashMap<>();
      for (CompiledFile f : files.values()) {
        f.body().forEach(n -> indexNode(n, Map.of(), index));
        f.templates().values().forEach(t -> t.body().forEach(n -> indexNode(n, Map.of(), index)));
      }
      dependencyIndex = index;
    }
    return dependencyIndex;
  }

  private static void indexNode(TNode n, Map<String, Set<String>> loops, Map<Integer, Map<String, Set<String>>> index) {
    if (n instanceof TElement) {
      TElement el = (TElement) n;
      Map<String, Set<String>> attrs = new HashMap<>();
      for (TAttribute a : el.attributes()) {
        if (a.value() != null && a.value().isDynamic()) {
          attrs.put(a.name(), resolve(a.value().names(), loops));
        }
      }
      index.put(el.origin(), attrs);
      el.children().forEach(c -> indexNode(c, loops, index));
    } else if (n instanceof TFragment) {
      ((TFragment) n).children().forEach(c -> indexNode(c, loops, index));
    } else if (n instanceof TIf) {
      ((TIf) n).branches().forEach(c -> indexNode(c, loops, index));
    } else if (n instanceof TFor) {
      TFor f = (TFor) n;
      Set<String> list = resolve(f.list().names(), loops);
      Map<String, Set<String>> inner = new HashMap<>(loops);
      inner.put(f.itemName(), list);
      inner.put(f.indexName(), list);
      indexNode(f.body(), inner, index);
    }
  }

  private static Set<String> resolve(Set<String> names, Map<String, Set<String>> loops) {
    Set<String> out = new LinkedHashSet<>();
    for (String name : names) {
      out.addAll(loops.getOrDefault(name, Set.of(name)));
    }
    return out;
  }

  CompiledFile file(String p) {
    return files.get(p);
  }

  Map<String, WxsModuleSource> wxsSources() {
    return wxs;
  }

  /**
   * Finds template {@code name} as seen from {@code from}, in WeChat's order: templates defined in {@code from};
   * then those defined in the files {@code from} imports (the last import first; imports are not transitive); then
   * those defined in files imported by the files {@code from} includes, directly or through further includes.
   */
  TemplateDef findTemplate(String from, String name) {
    CompiledFile f = files.get(from);
    if (f == null || name.isEmpty()) {
      return null;
    }
    TemplateDef own = f.templates().get(name);
    if (own != null) {
      return own;
    }
    TemplateDef imported = fromImports(f, name);
    if (imported != null) {
      return imported;
    }
    Deque<String> queue = new ArrayDeque<>(nonNull(f.includes()));
    Set<String> seen = new HashSet<>(queue);
    seen.add(from);
    while (!queue.isEmpty()) {
      CompiledFile inc = files.get(queue.poll());
      if (inc == null) {
        continue;
      }
      TemplateDef t = fromImports(inc, name);
      if (t != null) {
        return t;
      }
      for (String next : nonNull(inc.includes())) {
        if (seen.add(next)) {
          queue.add(next);
        }
      }
    }
    return null;
  }

  private TemplateDef fromImports(CompiledFile f, String name) {
    for (int i = f.imports().size() - 1; i >= 0; i--) {
      CompiledFile imp = f.imports().get(i) == null ? null : files.get(f.imports().get(i));
      if (imp != null && imp.templates().containsKey(name)) {
        return imp.templates().get(name);
      }
    }
    return null;
  }

  private static List<String> nonNull(List<String> paths) {
    List<String> out = new ArrayList<>();
    for (String p : paths) {
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  static Map<String, CompiledFile> newFileMap() {
    return new LinkedHashMap<>();
  }
}
