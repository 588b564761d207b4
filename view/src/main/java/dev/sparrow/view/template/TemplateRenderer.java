package dev.sparrow.view.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sparrow.view.tree.VElement;
import dev.sparrow.view.tree.VNode;
import dev.sparrow.view.tree.VText;
import dev.sparrow.view.wxs.WxsRuntime;
import dev.sparrow.view.wxs.WxsWatchdog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

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
  private Map<TFor, List<ListRecord>> records = Map.of();
  private Map<TNode, List<SingleRecord>> singleRecords = Map.of();
  private int lastNodes;

  /** A renderer with a WXS runtime of its own, limited by {@code watchdog} (null: one of the runtime's own). */
  TemplateRenderer(CompiledPage page, WxsWatchdog watchdog) {
    this.page = page;
    this.wxs = watchdog == null ? new WxsRuntime(page.wxsSources()) : new WxsRuntime(page.wxsSources(), watchdog);
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
   * A list item a data path names, which can render again on its own: item {@code index} of a recorded list (see
   * {@link #item}). {@link #address()} is the path's part naming it ({@code rows, 3} or {@code rows, 3, cells, 7}).
   */
  public static final class Item {
    private final TFor list;
    private final ListRecord record;
    private final int index;
    private final Item outer;
    private final List<Object> address;

    private Item(TFor list, ListRecord record, int index, Item outer, List<Object> address) {
      this.list = list;
      this.record = record;
      this.index = index;
      this.outer = outer;
      this.address = address;
    }

    public List<Object> address() {
      return address;
    }

    /** The item of the list around this one whose item holds it, or null for an item of a page list. */
    public Item outer() {
      return outer;
    }
  }

  /**
   * The deepest list item data path {@code segments} ({@code rows, 3, title}) changes that can render again on its
   * own: an item of a list bound to the data name, or of a list over a field of such an item ({@code rows, 3, cells,
   * 7, text}: cell 7 of row 3). Null when the path names no item the last render made. {@code data} is the
   * template's data (the path applied): a list in a template called more than once renders once per call, and the
   * rendering meant is the one over that very array.
   */
  public Item item(JsonNode data, List<Object> segments) {
    if (!lastWarnings.isEmpty() || segments.size() < 2 || !(segments.get(1) instanceof Integer i)) {
      return null;
    }
    String name = (String) segments.get(0);
    TFor f = bindings.list(name);
    List<ListRecord> rs = f == null ? null : records.get(f);
    ListRecord r = rs == null ? null : rs.size() == 1 ? rs.get(0) : over(f, rs, data.get(name));
    if (r == null || i < 0 || i >= r.items().size()) {
      return null;
    }
    Item it = new Item(f, r, i, null, List.copyOf(segments.subList(0, 2)));
    for (int k = 2; k + 1 < segments.size(); k += 2) {
      if (!(segments.get(k) instanceof String field) || !(segments.get(k + 1) instanceof Integer j)) {
        break;
      }
      TFor inner = bindings.nested(it.list, field);
      Map<TFor, List<ListRecord>> in = inner == null ? null : it.record.inner().get(it.index);
      List<ListRecord> irs = in == null ? null : in.get(inner);
      ListRecord ir = irs == null || irs.size() != 1 ? null : irs.get(0);
      if (ir == null || j < 0 || j >= ir.items().size()) {
        break;
      }
      it = new Item(inner, ir, j, it, List.copyOf(segments.subList(0, k + 2)));
    }
    return it;
  }

  /** The one of {@code list}'s renderings that went over {@code array} (by identity), or null. */
  private static ListRecord over(TFor list, List<ListRecord> renderings, JsonNode array) {
    ListRecord found = null;
    for (ListRecord r : renderings) {
      if (list.list().evaluate(r.frame().refreshed()) == array && array != null) {
        if (found != null) {
          return null;
        }
        found = r;
      }
    }
    return found;
  }

  /** The nodes {@code item} made in the last render (in the committed tree). */
  public List<VNode> nodes(Item item) {
    return item.record.items().get(item.index);
  }

  /**
   * Renders {@code item} again from the current data, exactly as a whole render would, and notes the fresh nodes
   * (and the records of its own lists) as the item's; null (nothing noted) when the item cannot render on its own:
   * the list's length changed, or the render would warn or pass the node budget.
   */
  public List<VNode> renderItem(Item item) {
    ListRecord r = item.record;
    Frame frame = r.frame().refreshed();
    JsonNode items = item.list.list().evaluate(frame);
    if (!items.isArray() || items.size() != r.items().size()) {
      return null;
    }
    List<VNode> old = r.items().get(item.index);
    Map<TFor, List<ListRecord>> oldInner = r.inner().get(item.index);
    RenderContext ctx = RenderContext.at(page, wxs, r.depth(), bindings.lists());
    List<VNode> out = new ArrayList<>();
    item.list.recordedItem(ctx, r, frame, item.index, out, items.get(item.index));
    int nodes = lastNodes - count(old) + ctx.nodes();
    if (!ctx.warnings().isEmpty() || nodes > RenderContext.MAX_NODES) {
      r.items().set(item.index, old);
      r.inner().set(item.index, oldInner);
      return null;
    }
    lastNodes = nodes;
    return out;
  }

  /**
   * After the committed tree took the fresh nodes of {@code items}, where elements on the way up were copied
   * ({@link dev.sparrow.view.tree.Splice}): the items around them and the single nodes follow to the copies.
   */
  public void copied(Collection<Item> items, UnaryOperator<VNode> copyOf) {
    for (Item it : items) {
      for (Item o = it.outer; o != null; o = o.outer) {
        List<VNode> nodes = o.record.items().get(o.index);
        nodes.replaceAll(copyOf);
      }
    }
    for (List<SingleRecord> rs : singleRecords.values()) {
      for (SingleRecord r : rs) {
        r.node = copyOf.apply(r.node);
      }
    }
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
   * {@code names} (outside lists, under no condition reading them; in a template body from its call's data made
   * again), each rendering once, and hands them to {@code update}. False when one of them cannot be updated on its
   * own (then the page must render again).
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
        for (SingleRecord r : singleRecords.get(n)) {
          Frame frame = r.frame.refreshed();
          Map<String, JsonNode> attributes = n instanceof TElement e ? e.attributes(frame) : null;
          if (n instanceof TElement && attributes == null) {
            return false;
          }
          VNode now = n instanceof TElement
              ? update.element((VElement) r.node, attributes)
              : update.text((VText) r.node, new VText(((TText) n).text().evaluateString(frame), r.node.origin(),
                  r.node.key()));
          if (now == null) {
            return false;
          }
          r.node = now;
        }
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
