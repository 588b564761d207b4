package dev.sparrow.view.template;

import dev.sparrow.view.expr.Interpolation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a compiled page's bindings read, for updating the view by data path instead of rendering the page again.
 *
 * <ul>
 *   <li>{@link #reads}: every name any binding of any file body mentions (data keys, loop variables, modules: a
 *       superset of the page data it reads; template bodies read only their call's {@code data}, which is counted
 *       at the call). A change to a name nothing reads changes nothing in the view.</li>
 *   <li>{@link #list}: a data name whose one mention (besides {@code name.length}, which an item's change leaves
 *       alone) is {@code wx:for="{{name}}"} of a list rendered once
 *       per page render: in the page's own file, outside any other list, template or include (under elements,
 *       {@code block}s and {@code wx:if} branches only). Its item {@code i} renders from item {@code i}, its index
 *       and the other data alone, so {@code name[i].…} changes re-render that item only.</li>
 * </ul>
 */
final class ListBindings {
  private static final String OPAQUE = "";
  private final Set<String> reads = new HashSet<>();
  private final Map<String, TFor> lists = new HashMap<>();
  /** The same lists by identity (template nodes are records: their own equals and hashCode walk the subtree). */
  private final Set<TFor> listNodes = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<String, List<TNode>> singles = new HashMap<>();
  private final Set<TNode> singleNodes = Collections.newSetFromMap(new IdentityHashMap<>());
  private boolean opaque;

  ListBindings(CompiledFile own, Iterable<CompiledFile> files) {
    Map<String, Integer> mentions = new HashMap<>();
    Map<String, Integer> items = new HashMap<>();
    for (CompiledFile f : files) {
      for (TNode n : f.body()) {
        count(n, mentions, items);
      }
    }
    reads.addAll(mentions.keySet());
    opaque = mentions.containsKey(OPAQUE);
    if (own != null && !opaque) {
      Map<String, Integer> once = new HashMap<>();
      Map<String, List<TNode>> byName = new HashMap<>();
      for (TNode n : own.body()) {
        findLists(n, items);
        findSingles(n, once, byName);
      }
      byName.forEach((name, nodes) -> {
        if (once.get(name).equals(mentions.get(name))) {
          singles.put(name, nodes);
          singleNodes.addAll(nodes);
        }
      });
    }
  }

  /**
   * The elements and texts that alone read data {@code name}, in their own attributes or text, each rendered once
   * per page render (in the page's own file under elements, {@code block}s and {@code wx:if} branches, no condition
   * reading it); null when some other binding reads it.
   */
  List<TNode> singles(String name) {
    return singles.get(name);
  }

  /** The nodes of {@link #singles}, to record while rendering. */
  Set<TNode> singleNodes() {
    return Collections.unmodifiableSet(singleNodes);
  }

  private static void findSingles(TNode n, Map<String, Integer> once, Map<String, List<TNode>> byName) {
    if (n instanceof TElement e) {
      for (TAttribute a : e.attributes()) {
        single(e, a.value(), once, byName);
      }
      e.children().forEach(c -> findSingles(c, once, byName));
    } else if (n instanceof TText t) {
      single(t, t.text(), once, byName);
    } else if (n instanceof TFragment f) {
      f.children().forEach(c -> findSingles(c, once, byName));
    } else if (n instanceof TIf i) {
      i.branches().forEach(c -> findSingles(c, once, byName));
    }
  }

  private static void single(TNode n, Interpolation value, Map<String, Integer> once, Map<String, List<TNode>> byName) {
    if (value == null) {
      return;
    }
    for (String name : value.names()) {
      once.merge(name, 1, Integer::sum);
      List<TNode> nodes = byName.computeIfAbsent(name, k -> new ArrayList<>());
      if (nodes.isEmpty() || nodes.get(nodes.size() - 1) != n) {
        nodes.add(n);
      }
    }
  }

  /** True when some binding may read {@code name}. */
  boolean reads(String name) {
    return opaque || reads.contains(name);
  }

  /** The list that renders once from data {@code name} alone (see the class comment), or null. */
  TFor list(String name) {
    return lists.get(name);
  }

  /** The lists of {@link #list}, to record while rendering. */
  Set<TFor> lists() {
    return Collections.unmodifiableSet(listNodes);
  }

  /** @param items how many bindings mention each name other than as {@code name.length} */
  private void findLists(TNode n, Map<String, Integer> items) {
    if (n instanceof TElement e) {
      e.children().forEach(c -> findLists(c, items));
    } else if (n instanceof TFragment f) {
      f.children().forEach(c -> findLists(c, items));
    } else if (n instanceof TIf i) {
      i.branches().forEach(c -> findLists(c, items));
    } else if (n instanceof TFor f) {
      String name = f.list().loneName();
      if (name != null && items.getOrDefault(name, 0) == 1 && !name.equals(f.itemName())
          && !name.equals(f.indexName())) {
        lists.put(name, f);
        listNodes.add(f);
      }
    }
  }

  private static void count(TNode n, Map<String, Integer> mentions, Map<String, Integer> items) {
    if (n instanceof TElement e) {
      for (TAttribute a : e.attributes()) {
        mention(a.value(), mentions, items);
      }
      e.children().forEach(c -> count(c, mentions, items));
    } else if (n instanceof TText t) {
      mention(t.text(), mentions, items);
    } else if (n instanceof TFragment f) {
      f.children().forEach(c -> count(c, mentions, items));
    } else if (n instanceof TIf i) {
      i.conditions().forEach(c -> mention(c, mentions, items));
      i.branches().forEach(c -> count(c, mentions, items));
    } else if (n instanceof TFor f) {
      mention(f.list(), mentions, items);
      count(f.body(), mentions, items);
    } else if (n instanceof TTemplateCall c) {
      mention(c.is(), mentions, items);
      mention(c.data(), mentions, items);
    } else if (!(n instanceof TInclude)) {
      // a node kind this analysis does not know: nothing may be updated on its own
      mentions.put(OPAQUE, 2);
    }
  }

  private static void mention(Interpolation value, Map<String, Integer> mentions, Map<String, Integer> items) {
    if (value == null) {
      return;
    }
    for (String name : value.names()) {
      mentions.merge(name, 1, Integer::sum);
    }
    for (String name : value.namesBesideLength()) {
      items.merge(name, 1, Integer::sum);
    }
  }
}
