package dev.sparrow.view.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparrow.view.tree.VNode;
import dev.sparrow.view.wxs.WxsRuntime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** State of one render pass: the page, its WXS runtime, recursion guards, the node budget and warnings. */
final class RenderContext {
  /** WeChat aborts a render past 16,000 nodes; we stop adding nodes instead of failing the page. */
  static final int MAX_NODES = 16_000;
  /** Deeper element nesting (reachable through chains of templates and includes) is cut off, not overflowed. */
  static final int MAX_DEPTH = 512;

  private final CompiledPage page;
  private final WxsRuntime wxs;
  private final Set<String> active = new HashSet<>();
  private final Map<String, Frame.ModuleScope> moduleScopes = new HashMap<>();
  private final List<String> warnings = new ArrayList<>();
  private final Set<TFor> recorded;
  private final Map<TFor, List<ListRecord>> records = new IdentityHashMap<>();
  /** Where lists record now: the page's records, or those of the list item being rendered (null until one). */
  private Map<TFor, List<ListRecord>> current = records;
  private final Set<TNode> singles;
  private final Map<TNode, List<SingleRecord>> singleRecords = new IdentityHashMap<>();
  private int nodes;
  private int depth;

  /** @param recorded the lists whose items' nodes this render notes (see {@link ListBindings}) */
  RenderContext(CompiledPage page, WxsRuntime wxs, Set<TFor> recorded, Set<TNode> singles) {
    this.page = page;
    this.wxs = wxs;
    this.recorded = recorded;
    this.singles = singles;
  }

  /** A render of one list item, nested {@code depth} elements deep, noting the lists {@code recorded} in it. */
  static RenderContext at(CompiledPage page, WxsRuntime wxs, int depth, Set<TFor> recorded) {
    RenderContext ctx = new RenderContext(page, wxs, recorded, Set.of());
    ctx.depth = depth;
    return ctx;
  }

  CompiledPage page() {
    return page;
  }

  /** Counts one node; false once the budget is spent. */
  boolean count() {
    if (nodes >= MAX_NODES) {
      if (nodes++ == MAX_NODES) {
        warn("more than " + MAX_NODES + " nodes, the rest is not rendered");
      }
      return false;
    }
    nodes++;
    return true;
  }

  /** Enters one element level; false (with a warning) past {@link #MAX_DEPTH}. */
  boolean descend() {
    if (depth >= MAX_DEPTH) {
      warn("elements nested deeper than " + MAX_DEPTH + ", the rest is not rendered");
      return false;
    }
    depth++;
    return true;
  }

  void ascend() {
    depth--;
  }

  int depth() {
    return depth;
  }

  /** Nodes counted so far. */
  int nodes() {
    return nodes;
  }

  /** A record for {@code list}'s items when this render notes them, else null. */
  ListRecord record(TFor list, Frame frame, String key) {
    if (recorded.isEmpty() || !recorded.contains(list)) {
      return null;
    }
    if (current == null) {
      current = new IdentityHashMap<>(4);
    }
    ListRecord r = new ListRecord(frame, key, depth);
    // rendered again (a template called twice): each rendering is a record of its own, told apart by its array
    current.computeIfAbsent(list, k -> new ArrayList<>(1)).add(r);
    return r;
  }

  /** Starts a recorded list's item: lists in it record for that item. Returns what {@link #leaveItem} restores. */
  Map<TFor, List<ListRecord>> enterItem() {
    Map<TFor, List<ListRecord>> saved = current;
    current = null;
    return saved;
  }

  /** Ends the item {@link #enterItem} started; returns the records of its lists (null when none). */
  Map<TFor, List<ListRecord>> leaveItem(Map<TFor, List<ListRecord>> saved) {
    Map<TFor, List<ListRecord>> item = current;
    current = saved;
    return item;
  }

  Map<TFor, List<ListRecord>> records() {
    return records;
  }

  /** Notes what a {@link ListBindings#singles single} node produced. */
  void single(TNode n, Frame frame, VNode produced) {
    if (singles.isEmpty() || !singles.contains(n)) {
      return;
    }
    // a template called more than once renders its singles once per call, each from its own call's data
    singleRecords.computeIfAbsent(n, k -> new ArrayList<>(1)).add(new SingleRecord(frame, produced));
  }

  Map<TNode, List<SingleRecord>> singleRecords() {
    return singleRecords;
  }

  boolean enter(String id) {
    return active.add(id);
  }

  void leave(String id) {
    active.remove(id);
  }

  void warn(String message) {
    if (warnings.size() < 100) {
      warnings.add(message);
    }
  }

  List<String> warnings() {
    return warnings;
  }

  /** The WXS modules declared by {@code file} (its own {@code <wxs>} tags). */
  Frame.ModuleScope modulesOf(String file) {
    return moduleScopes.computeIfAbsent(file, f -> {
      CompiledFile cf = page.file(f);
      if (cf == null || cf.modules().isEmpty()) {
        return Frame.ModuleScope.NONE;
      }
      Map<String, String> ids = cf.modules();
      return name -> {
        String id = ids.get(name);
        if (id == null) {
          return null;
        }
        JsonNode m = wxs.module(id);
        return m;
      };
    });
  }
}
