package dev.sparrow.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.view.component.ComponentState;
import dev.sparrow.view.component.Interaction;
import dev.sparrow.view.component.Interactions;
import dev.sparrow.view.data.DataPath;
import dev.sparrow.view.query.Selector;
import dev.sparrow.view.template.CompiledPage;
import dev.sparrow.view.template.TemplateRenderer;
import dev.sparrow.view.tree.Patch;
import dev.sparrow.view.tree.TreeDiff;
import dev.sparrow.view.tree.VElement;
import dev.sparrow.view.tree.VNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * One page instance in the view layer: its compiled template, its current data, the rendered tree with stable
 * node ids, and the state users gave its components.
 *
 * <p>Typical use by the runtime:
 * <pre>{@code
 * CompiledPage page = new WxmlCompiler(sources).compile("pages/index/index");
 * try (PageView view = PageView.open(page, initialData, clock)) {
 *   List<Patch> patches = view.setData(changes);             // after this.setData(...) in the logic layer
 *   Interaction r = view.find("button.submit").orElseThrow().tap();
 *   r.calls().forEach(c -> callPageMethod(c.handler(), c.event()));
 * }
 * }</pre>
 * Not thread-safe: use it from the page's event-loop thread.
 */
public final class PageView implements AutoCloseable {
  private final CompiledPage page;
  private final TemplateRenderer renderer;
  private final ObjectNode data;
  private final ComponentState state = new ComponentState();
  private final Interactions interactions;
  private int nextId = 1;
  private final TreeDiff diff = new TreeDiff(() -> nextId++);
  private VElement root;
  private Map<Integer, VNode> index;

  private PageView(CompiledPage page, ObjectNode data, LongSupplier clock) {
    this.page = page;
    this.renderer = page.newRenderer();
    this.data = data;
    this.interactions = new Interactions(state, clock);
    this.root = renderer.render(data);
    diff.assignIds(root);
  }

  /**
   * Renders {@code page} with (a copy of) {@code initialData}.
   *
   * @param clock milliseconds since the page was opened, for events' {@code timeStamp}
   */
  public static PageView open(CompiledPage page, ObjectNode initialData, LongSupplier clock) {
    ObjectNode copy = initialData == null ? JsonNodeFactory.instance.objectNode() : initialData.deepCopy();
    return new PageView(page, copy, clock);
  }

  /** Same, with a clock that starts now. */
  public static PageView open(CompiledPage page, ObjectNode initialData) {
    long start = System.currentTimeMillis();
    return open(page, initialData, () -> System.currentTimeMillis() - start);
  }

  /** The page's current data (live; change it only through {@link #setData}). */
  public ObjectNode data() {
    return data;
  }

  /** The rendered tree: a {@code page} element whose children are the page's top-level nodes. */
  public VElement root() {
    return root;
  }

  /**
   * Applies a {@code setData} payload: each key is a data path ({@code a.b[1].c}) whose value replaces what is
   * there, creating intermediates. Re-renders and returns the patches that turn the previous tree into the new one.
   * Throws {@link IllegalArgumentException} for a malformed path (nothing is applied then).
   *
   * <p>As in WeChat, data sent to a component overrides what the user did to it even when the value did not
   * change: {@code setData({v: ''})} clears an {@code <input value="{{v}}">} the user typed into although
   * {@code v} was already {@code ''}. Bindings through loop variables count as reading the loop's list.
   */
  public List<Patch> setData(ObjectNode changes) {
    List<DataPath> paths = new ArrayList<>();
    for (Iterator<String> it = changes.fieldNames(); it.hasNext(); ) {
      paths.add(DataPath.parse(it.next()));
    }
    Iterator<JsonNode> values = changes.elements();
    Set<String> roots = new HashSet<>();
    for (DataPath p : paths) {
      p.apply(data, values.next().deepCopy());
      roots.add((String) p.segments().get(0));
    }
    releaseControlledState(roots);
    return rerender();
  }

  private void releaseControlledState(Set<String> changedRoots) {
    state.touched().forEach((id, properties) -> {
      VNode n = node(id);
      if (!(n instanceof VElement)) {
        state.reset(id);
        return;
      }
      for (String property : properties) {
        for (String name : page.boundNames(n.origin(), property)) {
          if (changedRoots.contains(name) || !data.has(name)) {
            state.clear(id, property);
            break;
          }
        }
      }
    });
  }

  /** Re-renders from the current data (e.g. after a WXS-visible change) and returns the patches. */
  public List<Patch> rerender() {
    VElement fresh = renderer.render(data);
    List<Patch> patches = diff.diff(root, fresh);
    root = fresh;
    index = null;
    for (Patch p : patches) {
      if (p instanceof Patch.SetAttr) {
        state.clear(p.id(), ((Patch.SetAttr) p).name());
      } else if (p instanceof Patch.RemoveAttr) {
        state.clear(p.id(), ((Patch.RemoveAttr) p).name());
      }
    }
    return patches;
  }

  /** Warnings of the last render (unknown templates, recursion stopped, node budget). */
  public List<String> warnings() {
    return renderer.lastWarnings();
  }

  /** All elements matching a CSS-like {@link Selector}, in document order. */
  public List<ElementHandle> findAll(String selector) {
    List<ElementHandle> out = new ArrayList<>();
    for (VElement e : Selector.parse(selector).select(root)) {
      out.add(new ElementHandle(this, e.id()));
    }
    return out;
  }

  /** The first element matching {@code selector}. */
  public Optional<ElementHandle> find(String selector) {
    List<ElementHandle> all = findAll(selector);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /** A handle on the element with {@code id}, if it is still on the page. */
  public Optional<ElementHandle> handle(int id) {
    return node(id) instanceof VElement ? Optional.of(new ElementHandle(this, id)) : Optional.empty();
  }

  /** The node with {@code id} in the current tree, or null once it is gone. */
  public VNode node(int id) {
    if (index == null) {
      index = new HashMap<>();
      indexTree(root);
    }
    return index.get(id);
  }

  private void indexTree(VNode n) {
    index.put(n.id(), n);
    if (n instanceof VElement) {
      for (VNode c : ((VElement) n).children()) {
        indexTree(c);
      }
    }
  }

  /** The whole page as WXML-like markup (children of the page root). */
  public String wxml() {
    return dev.sparrow.view.query.Wxml.inner(root);
  }

  /**
   * What users did to built-in components that the page data does not show (typed text, toggled
   * checkboxes…): element id → property → value. A copy; a front-end compares two to repaint controls.
   */
  public Map<Integer, Map<String, JsonNode>> componentState() {
    return state.snapshot();
  }

  ComponentState state() {
    return state;
  }

  Interactions interactions() {
    return interactions;
  }

  /** Dispatches an event from an element by id; see {@link ElementHandle#trigger}. */
  public Interaction trigger(int elementId, String type, JsonNode detail) {
    return interactions.trigger(element(elementId), type, detail);
  }

  VElement element(int id) {
    VNode n = node(id);
    if (!(n instanceof VElement)) {
      throw new IllegalStateException("element " + id + " is no longer on the page");
    }
    return (VElement) n;
  }

  @Override
  public void close() {
    renderer.close();
  }
}
