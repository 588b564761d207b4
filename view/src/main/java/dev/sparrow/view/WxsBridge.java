package dev.sparrow.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.sparrow.view.custom.ComponentTree;
import dev.sparrow.view.custom.Instance;
import dev.sparrow.view.event.Dataset;
import dev.sparrow.view.event.EventDispatcher;
import dev.sparrow.view.event.HandlerCall;
import dev.sparrow.view.expr.HostValue;
import dev.sparrow.view.expr.Js;
import dev.sparrow.view.template.AttributeNames;
import dev.sparrow.view.tree.Patch;
import dev.sparrow.view.tree.VElement;
import dev.sparrow.view.tree.VNode;
import dev.sparrow.view.wxs.WxsElements;
import dev.sparrow.view.wxs.WxsEvents;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The view side of WXS event handlers and {@code change:} observers for one {@link PageView}: runs them, keeps what
 * their descriptors did to elements (style and classes over the template's, applied again after each render, as
 * WeChat keeps them above the WXML's), and collects the patches and logic-layer calls that follows.
 */
final class WxsBridge implements EventDispatcher.WxsHandlers, WxsElements {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** What WXS did to one element, and the template values it did it over. */
  private static final class Change {
    String templateStyle = "";
    String style;
    String appliedStyle;
    String templateClass = "";
    final Set<String> added = new LinkedHashSet<>();
    final Set<String> removed = new LinkedHashSet<>();
    String appliedClass;
  }

  private final PageView page;
  private final LongSupplier clock;
  private final Map<Integer, Change> changes = new HashMap<>();
  /** change: observers' last values: "nodeId prop" → value; null before the first render. */
  private Map<String, JsonNode> observed;
  private int observedAtWalk;
  private final List<Patch> patches = new ArrayList<>();
  private final List<HandlerCall> calls = new ArrayList<>();
  private final List<Runnable> frames = new ArrayList<>();

  WxsBridge(PageView page, LongSupplier clock) {
    this.page = page;
    this.clock = clock;
  }

  @Override
  public boolean run(HostValue fn, ObjectNode event, VElement current, List<HandlerCall> out) {
    boolean stop = WxsEvents.handle(fn, event, ref(current), owner(current), this);
    out.addAll(calls);
    calls.clear();
    return stop;
  }

  /** Patches WXS made since the last call (the runtime sends them after an interaction). */
  List<Patch> takePatches() {
    List<Patch> out = new ArrayList<>(patches);
    patches.clear();
    return out;
  }

  /** Logic-layer calls WXS asked for outside an event ({@code change:} observers, animation frames). */
  List<HandlerCall> takeCalls() {
    List<HandlerCall> out = new ArrayList<>(calls);
    calls.clear();
    return out;
  }

  boolean hasCalls() {
    return !calls.isEmpty();
  }

  boolean hasFrames() {
    return !frames.isEmpty();
  }

  /** Runs the animation-frame callbacks asked for so far (those they ask for wait for the next frame). */
  void runFrames() {
    List<Runnable> now = new ArrayList<>(frames);
    frames.clear();
    now.forEach(Runnable::run);
  }

  /**
   * After a render: WXS styles and classes applied again over the elements' new template values, then the
   * {@code change:} observers whose value changed (all of them the first time). Returns {@code rendered} followed
   * by the patches that made.
   */
  List<Patch> afterRender(List<Patch> rendered, VElement root) {
    Set<String> kept = reapply();
    observe(root, rendered);
    if (patches.isEmpty() && kept.isEmpty()) {
      return rendered;
    }
    List<Patch> out = new ArrayList<>(rendered.size() + patches.size());
    for (Patch p : rendered) {
      String key = p instanceof Patch.SetAttr a ? a.id() + " " + a.name()
          : p instanceof Patch.RemoveAttr r ? r.id() + " " + r.name()
          : p instanceof Patch.SetCssClass c ? c.id() + " class" : null;
      if (key == null || !kept.contains(key)) {
        out.add(p); // the render's own change of a style or class WXS set is replaced by the WXS value
      }
    }
    out.addAll(takePatches());
    return out;
  }

  /** Puts WXS styles and classes back over the rendered ones; returns the "id attribute" keys it kept. */
  private Set<String> reapply() {
    changes.entrySet().removeIf(en -> !(page.node(en.getKey()) instanceof VElement));
    Set<String> kept = new LinkedHashSet<>();
    for (Map.Entry<Integer, Change> en : changes.entrySet()) {
      VElement el = (VElement) page.node(en.getKey());
      Change c = en.getValue();
      if (c.appliedStyle != null && !c.appliedStyle.equals(attr(el, "style"))) {
        c.templateStyle = attr(el, "style");
        kept.add(el.id() + " style");
        applyStyle(el, c, c.appliedStyle);
      }
      if (c.appliedClass != null && !c.appliedClass.equals(attr(el, "class"))) {
        c.templateClass = attr(el, "class");
        kept.add(el.id() + " class");
        applyClass(el, c, c.appliedClass);
      }
    }
    return kept;
  }

  /**
   * Runs the observers whose value changed: after the first render all of them; later only on the elements the
   * render's patches name (a changed attribute, an inserted subtree), so updates by data path stay as cheap as
   * their patches. Entries of elements gone are dropped when they outnumber the observed ones.
   */
  private void observe(VElement root, List<Patch> rendered) {
    List<Runnable> due = new ArrayList<>();
    if (observed == null || observed.size() > 2 * observedAtWalk + 64) {
      Map<String, JsonNode> seen = new HashMap<>();
      Map<String, JsonNode> before = observed == null ? Map.of() : observed;
      observed = before;
      walk(root, seen, due, true);
      observed = seen;
      observedAtWalk = seen.size();
    } else {
      Set<Integer> checked = new HashSet<>();
      for (Patch p : rendered) {
        if ((p instanceof Patch.SetAttr || p instanceof Patch.RemoveAttr) && checked.add(p.id())
            && page.node(p.id()) instanceof VElement e) {
          walk(e, observed, due, false);
        } else if (p instanceof Patch.Insert ins && ins.node() instanceof VElement e) {
          walk(e, observed, due, true);
        }
      }
    }
    due.forEach(Runnable::run);
  }

  private void walk(VElement e, Map<String, JsonNode> seen, List<Runnable> due, boolean deep) {
    for (Map.Entry<String, JsonNode> a : e.attributes().entrySet()) {
      if (a.getKey().startsWith("change:") && a.getValue() instanceof POJONode p
          && p.getPojo() instanceof HostValue fn && fn.callable()) {
        String prop = a.getKey().substring("change:".length());
        JsonNode v = e.attribute(prop);
        v = v == null ? e.attribute(AttributeNames.camel(prop)) : v;
        JsonNode value = v == null ? Js.UNDEFINED : Js.jsonValue(v);
        String key = e.id() + " " + prop;
        JsonNode old = observed.get(key);
        seen.put(key, value);
        if (old == null || !old.equals(value)) {
          JsonNode was = old == null ? Js.UNDEFINED : old;
          due.add(() -> WxsEvents.observe(fn, value, was, owner(e), ref(e), this));
        }
      }
    }
    if (!deep) {
      return;
    }
    for (VNode c : e.children()) {
      if (c instanceof VElement child) {
        walk(child, seen, due, true);
      }
    }
  }

  /** The descriptor reference of an element: callMethod reaches the component it hosts, else its template's. */
  private static Ref ref(VElement e) {
    return new Ref(e.id(), e.hosted() != 0 ? e.hosted() : e.scope());
  }

  /** The owner of an element: the host of the component whose template wrote it, or the page root. */
  private Ref owner(VElement e) {
    ComponentTree tree = page.components();
    Instance in = e.scope() == 0 || tree == null ? null : tree.instance(e.scope());
    if (in != null && in.host() != null) {
      return new Ref(in.host().id(), e.scope());
    }
    return new Ref(page.root().id(), 0);
  }

  private VElement element(int id) {
    return page.node(id) instanceof VElement e && e.parent() != null ? e : null;
  }

  private static String attr(VElement e, String name) {
    JsonNode v = e.attribute(name);
    return v == null || v.isMissingNode() ? "" : Js.toDisplay(v);
  }

  @Override
  public void setStyle(int id, String css) {
    VElement el = element(id);
    if (el == null) {
      return;
    }
    Change c = change(el);
    c.style = css;
    applyStyle(el, c, attr(el, "style"));
  }

  private Change change(VElement el) {
    Change c = changes.computeIfAbsent(el.id(), k -> new Change());
    if (c.appliedStyle == null || !c.appliedStyle.equals(attr(el, "style"))) {
      c.templateStyle = attr(el, "style");
    }
    if (c.appliedClass == null || !c.appliedClass.equals(attr(el, "class"))) {
      c.templateClass = attr(el, "class");
    }
    return c;
  }

  /** Sets the style WXS composed; a patch when it differs from {@code shown}, what the front-end has now. */
  private void applyStyle(VElement el, Change c, String shown) {
    if (c.style == null) {
      return;
    }
    String t = c.templateStyle.strip();
    while (t.endsWith(";")) {
      t = t.substring(0, t.length() - 1).strip();
    }
    String style = t.isEmpty() ? c.style : c.style.isEmpty() ? t : t + ";" + c.style;
    c.appliedStyle = style;
    el.setAttribute("style", Js.string(style));
    if (!style.equals(shown)) {
      patches.add(new Patch.SetAttr(el.id(), "style", Js.string(style)));
    }
  }

  @Override
  public void addClass(int id, String name) {
    classes(id, name, true);
  }

  @Override
  public void removeClass(int id, String name) {
    classes(id, name, false);
  }

  private void classes(int id, String names, boolean add) {
    VElement el = element(id);
    if (el == null) {
      return;
    }
    Change c = change(el);
    for (String n : names.strip().split("\\s+")) {
      if (!n.isEmpty()) {
        (add ? c.added : c.removed).add(n);
        (add ? c.removed : c.added).remove(n);
      }
    }
    applyClass(el, c, attr(el, "class"));
  }

  private void applyClass(VElement el, Change c, String shown) {
    if (c.added.isEmpty() && c.removed.isEmpty()) {
      return;
    }
    Set<String> list = new LinkedHashSet<>();
    for (String n : c.templateClass.strip().split("\\s+")) {
      if (!n.isEmpty() && !c.removed.contains(n)) {
        list.add(n);
      }
    }
    list.addAll(c.added);
    String cls = String.join(" ", list);
    c.appliedClass = cls;
    el.setAttribute("class", Js.string(cls));
    ComponentTree tree = page.components();
    String css = tree == null ? null : tree.cssClassOf(el);
    if (css != null) {
      el.cssClass(css);
    }
    if (!cls.equals(shown)) {
      patches.add(new Patch.SetAttr(el.id(), "class", Js.string(cls)));
      if (css != null) {
        patches.add(new Patch.SetCssClass(el.id(), css));
      }
    }
  }

  @Override
  public boolean hasClass(int id, String name) {
    VElement el = element(id);
    if (el == null) {
      return false;
    }
    for (String n : attr(el, "class").strip().split("\\s+")) {
      if (n.equals(name)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public JsonNode dataset(int id) {
    VElement el = element(id);
    return el == null ? F.objectNode() : Dataset.of(el);
  }

  @Override
  public void callMethod(int instance, String name, JsonNode args) {
    if (name.isEmpty()) {
      return;
    }
    ObjectNode arg = args instanceof ObjectNode o ? o : F.objectNode();
    calls.add(new HandlerCall(name, arg, 0, instance));
  }

  @Override
  public void triggerEvent(int instance, String name, JsonNode detail) {
    if (instance != 0 && !name.isEmpty()) {
      calls.addAll(page.componentEvent(instance, name, Js.jsonValue(detail), false, false, false,
          clock.getAsLong()));
    }
  }

  @Override
  public List<Ref> select(int instance, String selector) {
    List<Ref> out = new ArrayList<>();
    try {
      for (ElementHandle h : page.query(instance, selector)) {
        out.add(ref(h.element()));
      }
    } catch (RuntimeException e) {
      return List.of(); // a malformed selector finds nothing
    }
    return out;
  }

  @Override
  public void requestAnimationFrame(Runnable frame) {
    frames.add(frame);
  }
}
