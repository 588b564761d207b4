package dev.sparrow.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.view.component.ComponentState;
import dev.sparrow.view.component.Interaction;
import dev.sparrow.view.component.Interactions;
import dev.sparrow.view.custom.ComponentHost;
import dev.sparrow.view.custom.ComponentTree;
import dev.sparrow.view.custom.Instance;
import dev.sparrow.view.data.DataPath;
import dev.sparrow.view.event.EventDispatcher;
import dev.sparrow.view.event.HandlerCall;
import dev.sparrow.view.query.Selector;
import dev.sparrow.view.query.Wxml;
import dev.sparrow.view.template.CompiledPage;
import dev.sparrow.view.template.TemplateRenderer;
import dev.sparrow.view.tree.Patch;
import dev.sparrow.view.tree.Splice;
import dev.sparrow.view.tree.TreeDiff;
import dev.sparrow.view.tree.VElement;
import dev.sparrow.view.tree.VNode;
import dev.sparrow.view.tree.VText;
import dev.sparrow.view.wxs.WxsWatchdog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
  private final ComponentTree components;
  private final ObjectNode data;
  private final ComponentState state = new ComponentState();
  private final Interactions interactions;
  private final WxsBridge wxs;
  private int nextId = 1;
  private final TreeDiff diff = new TreeDiff(() -> nextId++);
  private VElement root;
  private Map<Integer, VNode> index;
  private boolean byPath = true;
  private int wholeRenders;

  private PageView(CompiledPage page, ObjectNode data, LongSupplier clock, ComponentHost host,
      WxsWatchdog watchdog) {
    this.page = page;
    this.data = data;
    this.wxs = new WxsBridge(this, clock);
    this.interactions = new Interactions(state, clock, this::componentInstance, wxs);
    if (host == null) {
      this.renderer = page.newRenderer(watchdog);
      this.components = null;
      this.root = renderer.render(data);
    } else {
      this.renderer = null;
      String path = page.path().endsWith(".wxml") ? page.path().substring(0, page.path().length() - 5) : page.path();
      this.components = new ComponentTree(path, page, data, host, watchdog);
      this.root = components.renderPage();
    }
    diff.assignIds(root);
    if (components != null) {
      components.adopt(root);
    }
    wxs.afterRender(List.of(), root);
    wxs.takePatches(); // the first tree is shown as it is now
  }

  /**
   * Renders {@code page} with custom components: tags the {@code host} resolves become component instances
   * rendered inside the page tree (see {@link ComponentTree}). Call {@link #drain()} once the tree is shown, and
   * after every {@code setData}, to run the components' lifecycle in the logic layer.
   */
  public static PageView open(CompiledPage page, ObjectNode initialData, LongSupplier clock, ComponentHost host) {
    return open(page, initialData, clock, host, null);
  }

  /**
   * Renders {@code page}, with custom components when {@code host} is not null; {@code watchdog} (its owner's, who
   * closes it) limits the page's WXS calls, null: a watchdog of the page's own.
   */
  public static PageView open(CompiledPage page, ObjectNode initialData, LongSupplier clock, ComponentHost host,
      WxsWatchdog watchdog) {
    ObjectNode copy = initialData == null ? JsonNodeFactory.instance.objectNode() : initialData.deepCopy();
    return new PageView(page, copy, clock, host, watchdog);
  }

  /**
   * Renders {@code page} with (a copy of) {@code initialData}.
   *
   * @param clock milliseconds since the page was opened, for events' {@code timeStamp}
   */
  public static PageView open(CompiledPage page, ObjectNode initialData, LongSupplier clock) {
    return open(page, initialData, clock, null, null);
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
    return setData(0, changes);
  }

  /**
   * {@link #setData(ObjectNode)} for custom component instance {@code instance} (0 is the page): only that
   * template is rendered again, and the patches touch only the component's subtree.
   */
  public List<Patch> setData(int instance, ObjectNode changes) {
    return setData(instance, changes.deepCopy(), false);
  }

  /**
   * {@link #setData(int, ObjectNode)} for a payload handed over: its values become the view's data, not copied (the
   * runtime's, parsed for the view alone). With {@code wholeRender} the template renders again whatever the paths:
   * for a payload some of whose values did not come (functions the logic layer could not send), which bindings may
   * read.
   */
  public List<Patch> setData(int instance, ObjectNode changes, boolean wholeRender) {
    Instance in = instance == 0 ? null : components == null ? null : components.instance(instance);
    if (instance != 0 && in == null) {
      throw new IllegalStateException("component instance " + instance + " is no longer on the page");
    }
    ObjectNode target = in == null ? data : in.data();
    List<DataPath> paths = new ArrayList<>();
    for (Iterator<String> it = changes.fieldNames(); it.hasNext(); ) {
      paths.add(DataPath.parse(it.next()));
    }
    Iterator<JsonNode> values = changes.elements();
    Set<String> roots = new HashSet<>();
    for (DataPath p : paths) {
      p.apply(target, values.next());
      roots.add((String) p.segments().get(0));
    }
    releaseControlledState(instance, roots);
    List<Patch> patches = null;
    if (byPath && !wholeRender) {
      boolean plain = components == null || instance == 0 && components.plainPage() != null;
      patches = !plain ? byPathComposed(instance, paths) : instance == 0 ? byPath(paths) : null;
    }
    if (patches != null) {
      return released(patches);
    }
    return instance == 0 ? rerender() : rerender(instance);
  }

  /**
   * What a setData's paths touch in one template: the list items that render again (none inside another of them)
   * and the single bindings it evaluates again. Null when a path needs the whole render: a list path that names no
   * item the last render made. An item may be one of a list inside an item ({@code rows[3].cells[7]}).
   */
  private record Affected(List<TemplateRenderer.Item> items, Set<String> singles) {
    static Affected of(TemplateRenderer r, JsonNode data, List<DataPath> paths) {
      List<TemplateRenderer.Item> items = new ArrayList<>();
      Set<String> singles = new LinkedHashSet<>();
      for (DataPath p : paths) {
        String name = (String) p.segments().get(0);
        if (!r.reads(name)) {
          continue;
        }
        if (r.single(name)) {
          singles.add(name);
          continue;
        }
        TemplateRenderer.Item item = r.item(data, p.segments());
        if (item == null) {
          return null;
        }
        items.add(item);
      }
      if (items.size() > 1) {
        items.sort((a, b) -> Integer.compare(a.address().size(), b.address().size()));
        Set<List<Object>> kept = new HashSet<>();
        items.removeIf(it -> {
          for (int k = 2; k <= it.address().size(); k += 2) {
            if (kept.contains(it.address().subList(0, k))) {
              return true; // that item, or one around it, renders again
            }
          }
          kept.add(it.address());
          return false;
        });
      }
      return new Affected(items, singles);
    }
  }

  /**
   * Updates the page for {@code paths} without rendering it again, when every path is read by no binding, or is an
   * item of a list that renders on its own ({@code rows[3].title}: that item renders again), or under a name only
   * single elements and texts read ({@code {{title}}} outside lists: those bindings are evaluated again). The new
   * nodes replace the old ones in a tree sharing everything else, and the diff walks only what was replaced. Null
   * when a path needs the whole render (then nothing has changed here). The patches are those a whole render would
   * give. An item whose nodes change kind, tag or key also takes the whole render: the list's children must match
   * in place for the shared nodes to match themselves.
   */
  private List<Patch> byPath(List<DataPath> paths) {
    TemplateRenderer r = components == null ? renderer : components.plainPage();
    if (r == null || !r.lastWarnings().isEmpty()) {
      return null;
    }
    Affected affected = Affected.of(r, data, paths);
    if (affected == null) {
      return null;
    }
    List<TemplateRenderer.Item> items = affected.items();
    Set<String> singles = affected.singles();
    if (items.isEmpty() && singles.isEmpty()) {
      return List.of();
    }
    Map<List<Object>, Run> runs = new LinkedHashMap<>();
    for (TemplateRenderer.Item item : items) {
      if (!rerenderItem(r, item, runs)) {
        return null;
      }
    }
    Splice splice = new Splice(root);
    List<VNode> gone = new ArrayList<>();
    List<VNode> added = new ArrayList<>();
    for (Run run : runs.values()) {
      if (components != null && components.hostsAny(run.fresh) || !splice.replace(run.old, run.fresh)) {
        return null;
      }
      gone.addAll(run.old);
      added.addAll(run.fresh);
    }
    boolean updated = r.renderSingles(singles, new TemplateRenderer.Singles() {
      @Override
      public VNode element(VElement old, Map<String, JsonNode> attributes) {
        return splice.attributes(old, attributes);
      }

      @Override
      public VNode text(VText old, VText fresh) {
        if (!splice.replace(List.of(old), List.of(fresh))) {
          return null;
        }
        gone.add(old);
        added.add(fresh);
        return fresh;
      }
    });
    if (!updated) {
      return null;
    }
    VElement fresh = splice.result();
    List<Patch> patches = diff.diff(root, fresh);
    root = fresh;
    r.copied(runs.values().stream().map(Run::item).toList(), splice::copyOf);
    if (index != null) {
      gone.forEach(this::unindexTree);
      added.forEach(this::indexTree);
      splice.copies().forEach(c -> index.put(c.id(), c));
    }
    if (components != null) {
      components.pageCommitted(root);
    }
    return patches;
  }

  /** One list item rendered again: its committed nodes and the fresh ones. */
  private record Run(TemplateRenderer.Item item, List<VNode> old, List<VNode> fresh) {}

  /**
   * Renders {@code item} again into {@code runs} (by address) unless an item around it already did. When its fresh
   * nodes do not match the old ones in place (a key or a branch changed), the item around it renders instead,
   * replacing the runs inside that one. False when a list of the page's own does not render on its own.
   */
  private static boolean rerenderItem(TemplateRenderer r, TemplateRenderer.Item item, Map<List<Object>, Run> runs) {
    List<Object> address = item.address();
    for (int k = 2; k <= address.size(); k += 2) {
      if (runs.containsKey(address.subList(0, k))) {
        return true;
      }
    }
    for (TemplateRenderer.Item at = item; at != null; at = at.outer()) {
      List<Object> a = at.address();
      runs.keySet().removeIf(inner -> inner.size() > a.size() && inner.subList(0, a.size()).equals(a));
      List<VNode> old = r.nodes(at);
      List<VNode> fresh = r.renderItem(at);
      if (fresh == null) {
        return false;
      }
      if (Splice.sameShape(old, fresh)) {
        runs.put(a, new Run(at, old, fresh));
        return true;
      }
    }
    return false;
  }

  /**
   * {@link #byPath} for a template that custom components compose with others (the page when it hosts components, or
   * a component, {@code instance}): the same items and single bindings render again in the template's own render,
   * are composed as a whole composition would (hosts among them pass changed properties on at {@link #drain()}), and
   * each replaces its composed counterpart in the committed tree, diffed against it alone. Null, with nothing
   * changed, when a path needs the whole render: as {@link #byPath}, and when a replaced part gains or loses a
   * component instance, holds a {@code <slot>} of a component, or is slot content the component does not show.
   */
  private List<Patch> byPathComposed(int instance, List<DataPath> paths) {
    TemplateRenderer r = components.renderer(instance);
    if (r == null || !r.lastWarnings().isEmpty()) {
      return null;
    }
    Affected affected = Affected.of(r, instance == 0 ? data : components.instance(instance).data(), paths);
    if (affected == null) {
      return null;
    }
    List<TemplateRenderer.Item> items = affected.items();
    Set<String> singles = affected.singles();
    if (items.isEmpty() && singles.isEmpty()) {
      return List.of();
    }
    Map<List<Object>, Run> runs = new LinkedHashMap<>();
    for (TemplateRenderer.Item item : items) {
      if (!rerenderItem(r, item, runs)) {
        return null;
      }
    }
    List<Part> parts = new ArrayList<>();
    for (Run run : runs.values()) {
      parts.add(new Part(run.old, run.fresh, false));
    }
    boolean evaluated = r.renderSingles(singles, new TemplateRenderer.Singles() {
      @Override
      public VNode element(VElement old, Map<String, JsonNode> attributes) {
        VElement fresh = old.withAttributes(attributes);
        parts.add(new Part(List.of(old), List.of(fresh), !components.isHost(instance, old)));
        return fresh;
      }

      @Override
      public VNode text(VText old, VText fresh) {
        parts.add(new Part(List.of(old), List.of(fresh), false));
        return fresh;
      }
    });
    if (!evaluated) {
      return null;
    }
    for (Part part : parts) {
      if (composedRun(instance, part.old) == null
          || !part.attributesOnly && !components.canReplace(instance, part.old, part.fresh)) {
        return null;
      }
    }
    if (parts.size() > 1) {
      Map<Part, List<Integer>> at = new IdentityHashMap<>();
      parts.forEach(p -> at.put(p, position(composedRun(instance, p.old).get(0))));
      parts.sort((a, b) -> comparePositions(at.get(a), at.get(b)));
    }
    List<Patch> patches = new ArrayList<>();
    for (Part part : parts) {
      List<VNode> was = composedRun(instance, part.old);
      if (was == null) { // an earlier part composed this one away: finish with a whole render
        patches.addAll(instance == 0 ? rerender() : rerender(instance));
        return patches;
      }
      List<VNode> now = part.attributesOnly
          ? List.of(components.replaceAttributes(instance, (VElement) part.old.get(0), (VElement) part.fresh.get(0),
              (VElement) was.get(0)))
          : components.replace(instance, part.old, part.fresh);
      for (int j = 0; j < was.size(); j++) {
        VNode o = was.get(j);
        VNode n = now.get(j);
        n.slotHost(o.slotHost());
        VElement parent = o.parent();
        patches.addAll(diff.replace(o, n));
        parent.replaceChild(o, n);
        if (part.attributesOnly) {
          if (index != null) {
            index.put(n.id(), n);
          }
          if (n instanceof VElement e) {
            components.adoptHost(e); // a component's host with new attributes: the instance now lives there
          }
          continue;
        }
        if (index != null) {
          unindexTree(o);
          indexTree(n);
        }
        if (n instanceof VElement e) {
          components.adopt(e);
        }
      }
    }
    return patches;
  }

  /** Raw nodes of a template's render and their fresh replacement; attributes only: one element, children kept. */
  private record Part(List<VNode> old, List<VNode> fresh, boolean attributesOnly) {}

  /**
   * The committed nodes raw nodes {@code old} of instance {@code instance} were composed into, when they are
   * consecutive children of one element of the committed tree; else null.
   */
  private List<VNode> composedRun(int instance, List<VNode> old) {
    List<VNode> out = new ArrayList<>(old.size());
    VElement parent = null;
    int at = -1;
    for (VNode raw : old) {
      VNode c = components.composed(instance, raw);
      if (c == null || c.parent() == null || parent != null && c.parent() != parent) {
        return null;
      }
      List<VNode> siblings = c.parent().children();
      if (parent == null) {
        parent = c.parent();
        at = indexOf(siblings, c);
        if (at < 0 || !inTree(parent)) {
          return null;
        }
      } else if (++at >= siblings.size() || siblings.get(at) != c) {
        return null;
      }
      out.add(c);
    }
    return out;
  }

  private boolean inTree(VElement e) {
    VElement top = e;
    while (top.parent() != null) {
      top = top.parent();
    }
    return top == root;
  }

  private static int indexOf(List<VNode> nodes, VNode n) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i) == n) {
        return i;
      }
    }
    return -1;
  }

  /** Child indexes from the root down to {@code n}: document order compares them. */
  private static List<Integer> position(VNode n) {
    List<Integer> out = new ArrayList<>();
    for (VNode c = n; c.parent() != null; c = c.parent()) {
      out.add(0, indexOf(c.parent().children(), c));
    }
    return out;
  }

  private static int comparePositions(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = Integer.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** Turns updates by data path off (every {@code setData} renders the page again): for differential tests. */
  public void updateByPath(boolean on) {
    this.byPath = on;
  }

  private void releaseControlledState(int instance, Set<String> changedRoots) {
    state.touched().forEach((id, properties) -> {
      VNode n = node(id);
      if (!(n instanceof VElement)) {
        state.reset(id);
        return;
      }
      if (n.scope() != instance) {
        return;
      }
      CompiledPage template = instance == 0 ? page : components.instance(instance).template();
      ObjectNode own = instance == 0 ? data : components.instance(instance).data();
      for (String property : properties) {
        for (String name : template.boundNames(n.origin(), property)) {
          if (changedRoots.contains(name) || !own.has(name)) {
            state.clear(id, property);
            break;
          }
        }
      }
    });
  }

  /**
   * How many times a {@code setData} (or {@link #rerender()}) rendered a whole template again since the page opened
   * (the page, or one component instance): what updating by data path did not cover.
   */
  public int wholeRenders() {
    return wholeRenders;
  }

  /** Re-renders from the current data (e.g. after a WXS-visible change) and returns the patches. */
  public List<Patch> rerender() {
    wholeRenders++;
    VElement fresh = components == null ? renderer.render(data) : components.rerender(0);
    List<Patch> patches = diff.diff(root, fresh);
    root = fresh;
    index = null;
    if (components != null) {
      components.adopt(root);
    }
    return released(patches);
  }

  /** Re-renders one component instance and returns the patches of its subtree. */
  private List<Patch> rerender(int instance) {
    wholeRenders++;
    Instance in = components.instance(instance);
    VElement old = in.host();
    VElement fresh = components.rerender(instance);
    List<Patch> patches = diff.diff(old, fresh);
    old.parent().replaceChild(old, fresh);
    index = null;
    components.adopt(fresh);
    return released(patches);
  }

  private List<Patch> released(List<Patch> rendered) {
    List<Patch> patches = wxs.afterRender(rendered, root);
    for (Patch p : patches) {
      if (p instanceof Patch.SetAttr) {
        state.clear(p.id(), ((Patch.SetAttr) p).name());
      } else if (p instanceof Patch.RemoveAttr) {
        state.clear(p.id(), ((Patch.RemoveAttr) p).name());
      }
    }
    return patches;
  }

  /**
   * Patches that WXS event handlers made to the tree since the last call ({@code setStyle}, {@code addClass}…): a
   * front-end applies them after an interaction. Those made while rendering come with the render's patches.
   */
  public List<Patch> takeWxsPatches() {
    return wxs.takePatches();
  }

  /**
   * Logic-layer calls WXS asked for outside an event ({@code callMethod} of a {@code change:} observer or an
   * animation frame), to make in order: {@code instance[handler](event)}.
   */
  public List<HandlerCall> takeWxsCalls() {
    return wxs.takeCalls();
  }

  /** True when WXS left logic-layer calls to make ({@link #takeWxsCalls}). */
  public boolean hasWxsCalls() {
    return wxs.hasCalls();
  }

  /** True when a WXS {@code requestAnimationFrame} callback waits for the next frame. */
  public boolean hasAnimationFrames() {
    return wxs.hasFrames();
  }

  /** Runs the waiting WXS animation-frame callbacks; their patches and calls come from the two methods above. */
  public void runAnimationFrames() {
    wxs.runFrames();
  }

  /** Warnings of the last render (unknown templates, recursion stopped, node budget). */
  public List<String> warnings() {
    return components == null ? renderer.lastWarnings() : components.page().warnings();
  }

  private Instance componentInstance(int id) {
    return components == null ? null : components.instance(id);
  }

  /** The custom components of the page (null when the page was opened without a {@link ComponentHost}). */
  public ComponentTree components() {
    return components;
  }

  /** Runs the components' lifecycle for the last committed render (see {@link ComponentTree#drain()}). */
  public void drain() {
    if (components != null) {
      components.drain();
    }
  }

  /**
   * The handlers {@code this.triggerEvent(type, detail, options)} of component {@code instance} reaches, in order
   * (see {@link dev.sparrow.view.event.EventDispatcher#dispatchComponentEvent}).
   */
  public List<HandlerCall> componentEvent(int instance, String type, JsonNode detail,
      boolean bubbles, boolean composed, boolean capturePhase, long timeStamp) {
    Instance in = components == null ? null : components.instance(instance);
    if (in == null || in.host() == null) {
      return List.of();
    }
    return EventDispatcher.dispatchComponentEvent(in.host(), type, detail, timeStamp, bubbles,
        composed, capturePhase);
  }

  /**
   * What component relations see above instance {@code instance}: its host's ancestors in the tree of the template
   * that wrote it (glass-easel's {@code parentNode} chain: slot content's parent is the host it was written in; the
   * walk ends at that template's root), nearest first, each as the instance it hosts or 0 for a plain element.
   */
  public List<Integer> logicalAncestors(int instance) {
    Instance in = components == null ? null : components.instance(instance);
    List<Integer> out = new ArrayList<>();
    if (in == null || in.host() == null) {
      return out;
    }
    for (VElement e = in.host().logicalParent(); e != null && e.parent() != null; e = e.logicalParent()) {
      out.add(e.hosted());
    }
    return out;
  }

  /** Every component instance of the page in document order (pre-order of the composed tree). */
  public List<Integer> componentOrder() {
    List<Integer> out = new ArrayList<>();
    collectHosted(root, out);
    return out;
  }

  private static void collectHosted(VElement e, List<Integer> out) {
    if (e.hosted() != 0) {
      out.add(e.hosted());
    }
    for (VNode c : e.children()) {
      if (c instanceof VElement child) {
        collectHosted(child, out);
      }
    }
  }

  /**
   * The component instances that {@code selector} finds among the elements written by template {@code instance}
   * (0: the page), in document order: what {@code this.selectAllComponents(selector)} returns.
   */
  public List<Integer> selectComponents(int instance, String selector) {
    List<Integer> out = new ArrayList<>();
    for (VElement e : selectIn(instance, selector)) {
      if (e.hosted() != 0) {
        out.add(e.hosted());
      }
    }
    return out;
  }

  /**
   * The elements {@code selector} finds among those written by template {@code instance} (0: the
   * page), in document order: what a SelectorQuery scoped with {@code .in(component)} sees.
   */
  public List<ElementHandle> query(int instance, String selector) {
    List<ElementHandle> out = new ArrayList<>();
    for (VElement e : selectIn(instance, selector)) {
      out.add(new ElementHandle(this, e.id()));
    }
    return out;
  }

  private List<VElement> selectIn(int instance, String selector) {
    Selector parsed = Selector.parse(selector);
    if (instance == 0) {
      return parsed.select(root, 0);
    }
    Instance in = components == null ? null : components.instance(instance);
    // a component shown nowhere (slot content no slot takes now) finds nothing, as one that is not attached
    return in == null || in.host() == null || node(in.host().id()) != in.host() ? List.of()
        : parsed.select(in.host(), instance);
  }

  /** The component instance hosted by element {@code id}, or 0. */
  public int instanceAt(int id) {
    return node(id) instanceof VElement e ? e.hosted() : 0;
  }

  /** All elements matching a CSS-like {@link Selector}, in document order. */
  public List<ElementHandle> findAll(String selector) {
    List<ElementHandle> out = new ArrayList<>();
    for (VElement e : Selector.parse(selector).select(root, 0)) {
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

  private void unindexTree(VNode n) {
    index.remove(n.id());
    if (n instanceof VElement e) {
      for (VNode c : e.children()) {
        unindexTree(c);
      }
    }
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
    return Wxml.inner(root);
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

  /**
   * The {@code model:} write-backs of what users did to built-in components since {@code before} (a
   * {@link #componentState()} copy): each changed property bound with {@code model:} gives its value to the owner's
   * data path.
   */
  public List<ModelUpdate> modelUpdates(Map<Integer, Map<String, JsonNode>> before) {
    List<ModelUpdate> out = new ArrayList<>();
    Map<Integer, Map<String, JsonNode>> after = state.snapshot();
    for (Map.Entry<Integer, Map<String, JsonNode>> e : after.entrySet()) {
      VNode n = node(e.getKey());
      if (!(n instanceof VElement el) || el.models().isEmpty()) {
        continue;
      }
      Map<String, JsonNode> was = before.getOrDefault(e.getKey(), Map.of());
      e.getValue().forEach((prop, value) -> {
        String path = el.models().get(prop);
        if (path != null && !value.equals(was.get(prop))) {
          out.add(new ModelUpdate(el.scope(), path, value));
        }
      });
    }
    return out;
  }

  /**
   * The {@code model:} write-backs of component {@code instance}'s own {@code setData}: a property its host binds
   * with {@code model:my-value="{{path}}"}, set by the component, gives its new value to the host's owner.
   */
  public List<ModelUpdate> modelUpdates(int instance, ObjectNode changes) {
    Instance in = componentInstance(instance);
    VElement host = in == null ? null : in.host();
    if (host == null || host.models().isEmpty()) {
      return List.of();
    }
    List<ModelUpdate> out = new ArrayList<>();
    host.models().forEach((prop, path) -> {
      JsonNode value = changes.get(prop);
      if (value != null) {
        out.add(new ModelUpdate(host.scope(), path, value));
      }
    });
    return out;
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
    if (renderer != null) {
      renderer.close();
    }
    if (components != null) {
      components.close();
    }
  }
}
