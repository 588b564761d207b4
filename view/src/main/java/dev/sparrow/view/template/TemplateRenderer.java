package dev.sparrow.view.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sparrow.view.expr.Js;
import dev.sparrow.view.tree.VElement;
import dev.sparrow.view.tree.VNode;
import dev.sparrow.view.tree.VText;
import dev.sparrow.view.wxs.WxsRuntime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a {@link CompiledPage} against data into a fresh virtual tree rooted at a {@code page} element.
 * Rendering never throws for data reasons. Holds the page's WXS context: one thread at a time; close when done.
 */
public final class TemplateRenderer implements AutoCloseable {
  private final CompiledPage page;
  private final WxsRuntime wxs;
  private final boolean ownsWxs;
  private final ListBindings bindings;
  private List<String> lastWarnings = List.of();
  private Map<TFor, ListRecord> records = Map.of();
  private Map<TNode, SingleRecord> singleRecords = Map.of();
  private int lastNodes;

  TemplateRenderer(CompiledPage page) {
    this.page = page;
    this.wxs = new WxsRuntime(page.wxsSources());
    this.ownsWxs = true;
    this.bindings = page.listBindings();
  }

  /** A renderer whose WXS modules live in {@code shared} (which its owner closes). */
  TemplateRenderer(CompiledPage page, WxsRuntime shared) {
    this.page = page;
    shared.add(page.wxsSources());
    this.wxs = shared;
    this.ownsWxs = false;
    this.bindings = page.listBindings();
  }

  /** Renders with {@code data} as the page data (a non-object renders as if the data were empty). */
  public VElement render(JsonNode data) {
    JsonNode env = data != null && data.isObject() ? data : JsonNodeFactory.instance.objectNode();
    RenderContext ctx = new RenderContext(page, wxs, bindings.lists(), bindings.singleNodes());
    CompiledFile file = page.file(page.path());
    List<VNode> out = new ArrayList<>();
    Frame frame = Frame.of(ctx.modulesOf(page.path()), env);
    for (TNode n : file.body()) {
      n.render(ctx, frame, null, out);
    }
    lastWarnings = List.copyOf(ctx.warnings());
    records = ctx.records();
    singleRecords = ctx.singleRecords();
    lastNodes = ctx.nodes();
    return VElement.root(out);
  }

  /** False when no binding reads data name {@code name}: changing it changes nothing rendered. */
  public boolean reads(String name) {
    return bindings.reads(name);
  }

  /**
   * The nodes item {@code index} of the list bound to data {@code list} made in the last render (in the committed
   * tree), when that item can render again on its own (see {@link #renderItem}); else null.
   */
  public List<VNode> itemNodes(String list, int index) {
    TFor f = bindings.list(list);
    ListRecord r = f == null || !lastWarnings.isEmpty() ? null : records.get(f);
    return r == null || index < 0 || index >= r.items().size() ? null : r.items().get(index);
  }

  /**
   * Renders item {@code index} of the list bound to data {@code list} again from the current data, exactly as a
   * whole render would, and notes the fresh nodes as the item's; null (nothing noted) when the item cannot render
   * on its own: no such item, the list's length changed, or the render would warn or pass the node budget.
   */
  public List<VNode> renderItem(String list, int index) {
    List<VNode> old = itemNodes(list, index);
    if (old == null) {
      return null;
    }
    TFor f = bindings.list(list);
    ListRecord r = records.get(f);
    JsonNode items = f.list().evaluate(r.frame());
    if (!items.isArray() || items.size() != r.items().size()) {
      return null;
    }
    RenderContext ctx = RenderContext.at(page, wxs, r.depth());
    List<VNode> out = new ArrayList<>();
    f.item(ctx, r.frame(), r.key(), out, items.get(index), Js.number(index));
    int nodes = lastNodes - count(old) + ctx.nodes();
    if (!ctx.warnings().isEmpty() || nodes > RenderContext.MAX_NODES) {
      return null;
    }
    lastNodes = nodes;
    r.items().set(index, out);
    return out;
  }

  /** True when only single elements and texts read data {@code name} (see {@link #renderSingles}). */
  public boolean single(String name) {
    return bindings.singles(name) != null;
  }

  /** Takes the new state of one element or text into the fresh tree; returns its node there, or null if it cannot. */
  public interface Singles {
    VNode element(VElement old, Map<String, JsonNode> attributes);

    VNode text(VText old, VText fresh);
  }

  /**
   * Evaluates again, from the current data, the elements' attributes and the texts that alone read the data
   * {@code names} (rendered once per page render, outside lists, templates and includes, under no condition reading
   * them), each once, and hands them to {@code update}. False when one of them cannot be updated on its own (then
   * the page must render again).
   */
  public boolean renderSingles(Collection<String> names, Singles update) {
    if (!lastWarnings.isEmpty()) {
      return false;
    }
    Set<TNode> done = Collections.newSetFromMap(new IdentityHashMap<>());
    for (String name : names) {
      for (TNode n : bindings.singles(name)) {
        if (!done.add(n) || !singleRecords.containsKey(n)) {
          continue; // done, or not rendered (in a branch not taken)
        }
        SingleRecord r = singleRecords.get(n);
        if (r == null) {
          return false;
        }
        Map<String, JsonNode> attributes = n instanceof TElement e ? e.attributes(r.frame) : null;
        if (n instanceof TElement && attributes == null) {
          return false;
        }
        VNode now = n instanceof TElement
            ? update.element((VElement) r.node, attributes)
            : update.text((VText) r.node, new VText(((TText) n).text().evaluateString(r.frame), r.node.origin(),
                r.node.key()));
        if (now == null) {
          return false;
        }
        r.node = now;
      }
    }
    return true;
  }

  private static int count(List<VNode> nodes) {
    int n = 0;
    for (VNode v : nodes) {
      n++;
      if (v instanceof VElement e) {
        n += count(e.children());
      }
    }
    return n;
  }

  /** Runtime warnings of the last render (unknown templates, recursion, node budget). */
  public List<String> lastWarnings() {
    return lastWarnings;
  }

  @Override
  public void close() {
    if (ownsWxs) {
      wxs.close();
    }
  }
}
