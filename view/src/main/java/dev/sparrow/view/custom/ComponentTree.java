package dev.sparrow.view.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.view.event.Dataset;
import dev.sparrow.view.expr.Js;
import dev.sparrow.view.template.AttributeNames;
import dev.sparrow.view.template.CompiledPage;
import dev.sparrow.view.template.TemplateRenderer;
import dev.sparrow.view.tree.VElement;
import dev.sparrow.view.tree.VNode;
import dev.sparrow.view.tree.VText;
import dev.sparrow.view.wxs.WxsRuntime;
import dev.sparrow.view.wxs.WxsWatchdog;
import dev.sparrow.view.wxss.StyleScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Composes a page's tree out of the page's template and its custom components' templates, as WeChat shows it:
 * a component's host element (the custom tag) holds the component's own rendered WXML (its "shadow tree"), and each
 * {@code <slot>} there is replaced by the slot content written between the host's tags (rendered with the data of
 * the template that wrote it). {@code <slot>} elements themselves do not appear.
 *
 * <p>Each template renders on its own: a component's {@code setData} re-renders that component only and recomposes
 * its subtree, reusing the last render of every other template. A component instance is identified by where its
 * host element sits in its owner's render (template node, {@code wx:key}, position among like siblings), so it
 * survives re-renders and follows keyed list items; a host that disappears detaches its instance.
 *
 * <p>Every composed node carries its {@link VNode#scope() scope} (the instance whose template wrote it); hosts carry
 * the instance they host; slot content knows its host ({@link VNode#logicalParent()}).
 */
public final class ComponentTree implements AutoCloseable {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Set<String> NOT_PROPERTIES = Set.of("id", "class", "style", "slot");

  /** The template node of an appended component's host (no template wrote it). */
  private static final int APPENDED_ORIGIN = -1;

  private final ComponentHost host;
  private final Instance page;
  /** The component the page shows after its own content (the custom tab bar), or null. */
  private final ComponentHost.Appended appended;
  private final Instance.Child appendedChild;
  private final Map<Integer, Instance> instances = new HashMap<>();
  /** What each tag names, by the path of the template that uses it. */
  private final Map<String, Map<String, Optional<ComponentDefinition>>> resolved = new HashMap<>();
  private final List<Instance> created = new ArrayList<>();
  private final List<Instance> removed = new ArrayList<>();
  private final Map<Instance, ObjectNode> updates = new LinkedHashMap<>();
  private final Map<Instance, ObjectNode> updateOrigins = new HashMap<>();
  /** The page's one WXS runtime: every template's modules, each evaluated once per page. */
  private final WxsRuntime wxs;
  private final List<Instance> moved = new ArrayList<>();
  private Set<Instance> visited = new HashSet<>();
  /** Per owner, the instances its template wrote, in the order this render composed them. */
  private Map<Instance, List<Instance>> order = new HashMap<>();
  private int nextId = 1;

  /** {@code watchdog} limits the page's WXS calls (null: a watchdog of the page's own, closed with it). */
  public ComponentTree(String pagePath, CompiledPage page, ObjectNode data, ComponentHost host,
      WxsWatchdog watchdog) {
    this.host = host;
    this.wxs = watchdog == null ? new WxsRuntime(Map.of()) : new WxsRuntime(Map.of(), watchdog);
    this.page = new Instance(0, pagePath, null, null, "", page, wxs, data);
    this.appended = host == null ? null : host.appended().orElse(null);
    this.appendedChild = appended == null ? null : new Instance.Child(appended.definition(), "appended");
    instances.put(0, this.page);
  }

  public Instance page() {
    return page;
  }

  /** The instance with {@code id} (0 is the page), or null once it is gone. */
  public Instance instance(int id) {
    return instances.get(id);
  }

  /** Every live component instance (not the page), in creation order. */
  public List<Instance> components() {
    List<Instance> out = new ArrayList<>();
    collect(page, out);
    return out;
  }

  private static void collect(Instance in, List<Instance> out) {
    for (Instance c : in.children.values()) {
      out.add(c);
      collect(c, out);
    }
  }

  /** Renders the whole page (first render); the result has no node ids yet. */
  public VElement renderPage() {
    visited = new HashSet<>();
    order = new HashMap<>();
    renderRaw(page);
    VElement root = VElement.root(shadow(page, null));
    dropUnvisited(page);
    findMoves(page);
    return root;
  }

  /**
   * Re-renders instance {@code id} from its data and composes its subtree afresh.
   *
   * @return the fresh subtree root: a {@code page} element for the page, else a new host element to diff against
   *     {@link Instance#host()} and put in its place
   */
  public VElement rerender(int id) {
    Instance in = instances.get(id);
    visited = new HashSet<>();
    order = new HashMap<>();
    renderRaw(in);
    VElement fresh;
    if (in == page) {
      fresh = VElement.root(shadow(page, null));
    } else {
      SlotFill fill = fillFor(in);
      List<VNode> kids = shadow(in, fill);
      VElement old = in.host;
      fresh = new VElement(old.tag(), new LinkedHashMap<>(old.attributes()), kids, old.origin(), old.key());
      fresh.scope(old.scope());
      fresh.models(old.models());
      fresh.hosted(in.id, in.definition.path());
      fresh.cssClass(old.cssClass());
      fresh.virtualHost(old.virtualHost());
      fresh.slotHost(slotHostOf(old));
      fill.projected.forEach(p -> p.slotHost(fresh));
      // the owners' slot content this render reached through their slots (in this one's slot content) is
      // theirs: its logical parent is their host, which stays
      for (SlotFill f = fill.ownerFill; f != null; f = f.ownerFill) {
        VElement ownerHost = f.component.host;
        f.projected.forEach(p -> p.slotHost(ownerHost));
      }
    }
    dropUnvisited(in);
    findMoves(in);
    return fresh;
  }

  /**
   * The instances {@code owner}'s template wrote that changed places among the ones it kept (a keyed list
   * reordered): those outside the longest run that kept its order, as a list diff moves them.
   */
  private void findMoves(Instance owner) {
    List<Instance> now = order.getOrDefault(owner, List.of());
    List<Instance> before = owner.childOrder;
    owner.childOrder = now;
    Map<Instance, Integer> was = new IdentityHashMap<>();
    for (int i = 0; i < before.size(); i++) {
      was.put(before.get(i), i);
    }
    List<Instance> kept = new ArrayList<>();
    for (Instance c : now) {
      if (was.containsKey(c)) {
        kept.add(c);
      }
    }
    int n = kept.size();
    int[] tails = new int[n];
    int[] prev = new int[n];
    int len = 0;
    for (int i = 0; i < n; i++) {
      int v = was.get(kept.get(i));
      int lo = 0;
      int hi = len;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (was.get(kept.get(tails[mid])) < v) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      prev[i] = lo > 0 ? tails[lo - 1] : -1;
      tails[lo] = i;
      len = Math.max(len, lo + 1);
    }
    Set<Instance> stayed = new HashSet<>();
    for (int i = len == 0 ? -1 : tails[len - 1]; i >= 0; i = prev[i]) {
      stayed.add(kept.get(i));
    }
    for (Instance c : kept) {
      if (!stayed.contains(c)) {
        moved.add(c);
      }
    }
  }

  /**
   * The page's renderer when the page's last render is the whole tree (no custom component on the page), so that
   * parts of it can render again on their own (see {@code PageView}); else null.
   */
  public TemplateRenderer plainPage() {
    return page.hosts.isEmpty() && page.children.isEmpty() ? page.renderer : null;
  }

  /** True when a tag among {@code nodes} (or their descendants) names a custom component of the page. */
  public boolean hostsAny(List<VNode> nodes) {
    return mayHost(page) && anyHost(page, nodes);
  }

  /** A {@link #plainPage()} tree updated in parts is committed: it is the page's render now. */
  public void pageCommitted(VElement root) {
    page.raw = new ArrayList<>(root.children());
  }

  // ---- updating parts of a render -------------------------------------------------------------

  /** The renderer of instance {@code id}'s template (0: the page), or null once it is gone. */
  public TemplateRenderer renderer(int id) {
    Instance in = instances.get(id);
    return in == null ? null : in.renderer;
  }

  /**
   * The node raw node {@code raw} of instance {@code id}'s last render was composed into, or null. It may be stale
   * (slot content a component shows no more): the caller checks it is in the committed tree.
   */
  public VNode composed(int id, VNode raw) {
    Instance in = instances.get(id);
    return in == null ? null : in.composed.get(raw);
  }

  /** True when {@code raw}, an element of instance {@code id}'s last render, is a custom component's host. */
  public boolean isHost(int id, VElement raw) {
    Instance in = instances.get(id);
    return in != null && in.hosts.containsKey(raw);
  }

  /**
   * True when fresh raw nodes can take the place of {@code old} (consecutive nodes of instance {@code id}'s last
   * render, of the same shape) through {@link #replace}: they host the same component instances (none comes or
   * goes), and in a component's template they hold no {@code <slot>} (its content is composed once per render).
   */
  public boolean canReplace(int id, List<VNode> old, List<VNode> fresh) {
    Instance in = instances.get(id);
    if (in == null || in != page && (hasSlot(old) || hasSlot(fresh))) {
      return false;
    }
    Map<String, ComponentDefinition> before = new HashMap<>();
    for (VNode n : old) {
      hostsUnder(in, n, before);
    }
    Map<VElement, Instance.Child> now = new IdentityHashMap<>();
    for (int j = 0; j < fresh.size(); j++) {
      markInto(in, fresh.get(j), stepOf(in, old.get(j)), now);
    }
    if (now.size() != before.size()) {
      return false;
    }
    for (Instance.Child c : now.values()) {
      if (before.get(c.key()) != c.definition()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Puts {@code fresh} in place of {@code old} in instance {@code id}'s raw render (see {@link #canReplace}) and
   * composes it as a whole render would: hosts in it pass their changed properties on at the next {@link #drain}.
   *
   * @return the composed nodes, one per fresh node, to put in place of the old ones' composed nodes
   */
  public List<VNode> replace(int id, List<VNode> old, List<VNode> fresh) {
    Instance in = instances.get(id);
    Map<VElement, Instance.Child> now = new IdentityHashMap<>();
    for (int j = 0; j < fresh.size(); j++) {
      markInto(in, fresh.get(j), stepOf(in, old.get(j)), now);
    }
    for (VNode n : old) {
      forget(in, n);
    }
    in.hosts.putAll(now);
    for (int j = 0; j < old.size(); j++) {
      replaceRaw(in, old.get(j), fresh.get(j));
    }
    in.dataPaths = null;
    // the same instances in the same order (canReplace): the owners' orders of the last render stay as they are
    visited = new HashSet<>();
    order = new HashMap<>();
    SlotFill fill = in == page ? null : fillFor(in);
    List<VNode> out = new ArrayList<>(fresh.size());
    for (VNode n : fresh) {
      compose(in, n, fill, out);
    }
    return out;
  }

  /**
   * Gives {@code fresh}, the raw element of instance {@code id} that took {@code old}'s attributes and children (not a
   * host), the place of {@code old} in the raw render, and returns {@code composed}'s counterpart: a copy with the
   * fresh attributes, holding the same composed children.
   */
  public VElement replaceAttributes(int id, VElement old, VElement fresh, VElement composed) {
    Instance in = instances.get(id);
    replaceRaw(in, old, fresh);
    in.composed.remove(old);
    VElement copy = composed.withAttributes(new LinkedHashMap<>(fresh.attributes()));
    copy.cssClass(cssClass(in, fresh));
    in.composed.put(fresh, copy);
    return copy;
  }

  private static boolean hasSlot(List<VNode> nodes) {
    for (VNode n : nodes) {
      if (n instanceof VElement e && (e.tag().equals("slot") || hasSlot(e.children()))) {
        return true;
      }
    }
    return false;
  }

  private static void replaceRaw(Instance in, VNode old, VNode fresh) {
    if (old.parent() != null) {
      old.parent().replaceChild(old, fresh);
    }
    if (fresh instanceof VElement e) {
      e.adoptChildren();
    }
    for (int i = 0; i < in.raw.size(); i++) {
      if (in.raw.get(i) == old) {
        in.raw.set(i, fresh);
        break;
      }
    }
  }

  /** Drops what the raw subtree {@code n} left in {@code in}'s host and composition maps. */
  private static void forget(Instance in, VNode n) {
    in.composed.remove(n);
    if (n instanceof VElement e) {
      in.hosts.remove(e);
      for (VNode c : e.children()) {
        forget(in, c);
      }
    }
  }

  private static void hostsUnder(Instance in, VNode n, Map<String, ComponentDefinition> out) {
    if (n instanceof VElement e) {
      Instance.Child c = in.hosts.get(e);
      if (c != null) {
        out.put(c.key(), c.definition());
      }
      for (VNode k : e.children()) {
        hostsUnder(in, k, out);
      }
    }
  }

  /**
   * The identity step {@link #mark} gave raw element {@code n} of {@code in}'s render (null for a text): its
   * ordinal among like siblings, under its parent's step.
   */
  private KeyStep stepOf(Instance in, VNode n) {
    if (!(n instanceof VElement)) {
      return null;
    }
    VElement parent = n.parent();
    boolean top = parent == null || parent.parent() == null;
    List<VNode> siblings = top ? in.raw : parent.children();
    int ordinal = 0;
    for (VNode s : siblings) {
      if (s instanceof VElement && s.origin() == n.origin() && Objects.equals(s.key(), n.key())) {
        ordinal++;
      }
      if (s == n) {
        break;
      }
    }
    return new KeyStep(top ? null : stepOf(in, parent), n.origin(), n.key(), ordinal);
  }

  /** {@link #mark} for one fresh raw node whose own step is known, its hosts collected in {@code hosts}. */
  private void markInto(Instance in, VNode n, KeyStep step, Map<VElement, Instance.Child> hosts) {
    n.scope(in.id);
    if (n instanceof VElement e) {
      if (host != null) {
        resolveIn(in, e.tag()).ifPresent(d -> hosts.put(e, new Instance.Child(d, step.toString())));
      }
      Map<Sibling, Integer> seen = new HashMap<>();
      for (VNode c : e.children()) {
        KeyStep s = null;
        if (c instanceof VElement) {
          s = new KeyStep(step, c.origin(), c.key(), seen.merge(new Sibling(c.origin(), c.key()), 1, Integer::sum));
        }
        markInto(in, c, s, hosts);
      }
    }
  }

  /** After a committed render: points every instance at its host element in {@code subtree}. */
  public void adopt(VElement subtree) {
    if (instances.size() == 1) {
      return; // no component on the page: nothing to point
    }
    adoptAll(subtree);
  }

  /** After an attributes-only update: points the instance {@code element} hosts (if any) at it, not its subtree. */
  public void adoptHost(VElement element) {
    Instance in = element.hosted() == 0 ? null : instances.get(element.hosted());
    if (in != null) {
      in.host = element;
    }
  }

  private void adoptAll(VElement subtree) {
    if (subtree.hosted() != 0) {
      Instance in = instances.get(subtree.hosted());
      if (in != null) {
        in.host = subtree;
      }
    }
    for (VNode c : subtree.children()) {
      if (c instanceof VElement e) {
        adoptAll(e);
      }
    }
  }

  /**
   * Tells the logic layer what the last committed render did, in WeChat's order: instances that left are detached
   * (owner first); new ones get {@code created} as glass-easel runs it (the components a template wrote before the
   * component that owns the template, so its {@code created} finds them: post-order over the owners, siblings in
   * document order, slot content after its host), then {@code attached} (owner first, in the same sibling order);
   * then changed properties reach existing instances. Call after the patches are out; callbacks may re-render.
   */
  public void drain() {
    while (!removed.isEmpty() || !created.isEmpty() || !updates.isEmpty() || !moved.isEmpty()) {
      List<Instance> gone = new ArrayList<>(removed);
      removed.clear();
      List<Instance> fresh = new ArrayList<>(created);
      created.clear();
      Map<Instance, ObjectNode> changed = new LinkedHashMap<>(updates);
      updates.clear();
      Map<Instance, ObjectNode> origins = new HashMap<>(updateOrigins);
      updateOrigins.clear();
      List<Instance> shifted = new ArrayList<>(moved);
      moved.clear();
      gone.forEach(in -> host.detached(in.id));
      shifted.stream().filter(in -> instances.get(in.id) == in).forEach(in -> host.moved(in.id));
      Map<Instance, List<Instance>> below = new LinkedHashMap<>();
      for (Instance in : fresh) {
        below.computeIfAbsent(in, k -> new ArrayList<>());
        below.computeIfAbsent(freshOwner(in, below), k -> new ArrayList<>()).add(in);
      }
      List<Instance> born = new ArrayList<>();
      List<Instance> entering = new ArrayList<>();
      walk(null, below, born, entering);
      born.stream().filter(in -> instances.get(in.id) == in).forEach(in -> host.created(in.id));
      entering.stream().filter(in -> instances.get(in.id) == in).forEach(in -> host.attached(in.id));
      changed.forEach((in, props) -> {
        if (instances.get(in.id) == in) {
          host.propertiesChanged(in.id, props, origins.getOrDefault(in, F.objectNode()));
        }
      });
    }
  }

  /** The nearest owner of {@code in} that is new in the same drain (keys of {@code below}), or null. */
  private static Instance freshOwner(Instance in, Map<Instance, List<Instance>> below) {
    for (Instance o = in.owner; o != null; o = o.owner) {
      if (below.containsKey(o)) {
        return o;
      }
    }
    return null;
  }

  /** Post-order ({@code post}) and pre-order ({@code pre}) over the new instances under {@code at}. */
  private static void walk(Instance at, Map<Instance, List<Instance>> below, List<Instance> post, List<Instance> pre) {
    for (Instance c : below.getOrDefault(at, List.of())) {
      pre.add(c);
      walk(c, below, post, pre);
      post.add(c);
    }
  }

  // ---- rendering and composition ------------------------------------------------------------------

  private void renderRaw(Instance in) {
    in.raw = new ArrayList<>(in.renderer.render(in.data).children());
    in.dataPaths = null;
    in.composed.clear();
    in.hosts.clear();
    if (mayHost(in) && anyHost(in, in.raw)) {
      mark(in, in.raw, null);
    } else if (in.id != 0) {
      scopeAll(in.id, in.raw);
    }
    if (in == page && appended != null) {
      // after the page's own content, as if its template ended with the host
      VElement e = new VElement(appended.tag(), new LinkedHashMap<>(), new ArrayList<>(), APPENDED_ORIGIN, null);
      e.scope(0);
      in.raw.add(e);
      in.hosts.put(e, appendedChild);
    }
  }

  /**
   * True when an element among {@code nodes} (or under them) names a custom component: a render without any needs no
   * identity keys (most pages; walking for them cost a third of a 1,000-row render).
   */
  private boolean anyHost(Instance in, List<VNode> nodes) {
    for (VNode n : nodes) {
      if (n instanceof VElement e && (resolveIn(in, e.tag()).isPresent() || anyHost(in, e.children()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * False when no tag of {@code in}'s template can name a component (nothing declared for it, no generics): its
   * renders need no walk for hosts (the walk cost ~0.4 ms of a 1,000-row fill at C1).
   */
  private boolean mayHost(Instance in) {
    if (in.mayHost == null) {
      in.mayHost = host != null
          && (host.usesAny(in.path) || in.definition != null && !in.definition.generics().isEmpty());
    }
    return in.mayHost;
  }

  private static void scopeAll(int scope, List<VNode> nodes) {
    for (VNode n : nodes) {
      n.scope(scope);
      if (n instanceof VElement e) {
        scopeAll(scope, e.children());
      }
    }
  }

  /**
   * Stamps the scope on a fresh raw render and finds its custom-component hosts with their identity keys (the path
   * of {@code origin#key@ordinal} steps from the template's top; spelled out only for hosts).
   */
  private void mark(Instance in, List<VNode> nodes, KeyStep parent) {
    Map<Sibling, Integer> seen = null;
    for (VNode n : nodes) {
      n.scope(in.id);
      if (n instanceof VElement e) {
        if (seen == null) {
          seen = new HashMap<>();
        }
        int ordinal = seen.merge(new Sibling(n.origin(), n.key()), 1, Integer::sum);
        KeyStep step = new KeyStep(parent, n.origin(), n.key(), ordinal);
        if (host != null) {
          resolveIn(in, e.tag()).ifPresent(d -> in.hosts.put(e, new Instance.Child(d, step.toString())));
        }
        if (!e.children().isEmpty()) {
          mark(in, e.children(), step);
        }
      }
    }
  }

  private record Sibling(int origin, String key) {}

  /** One step of a host's identity key: {@code parent/origin#key@ordinal} ({@code #key} only when keyed). */
  private record KeyStep(KeyStep parent, int origin, String key, int ordinal) {
    @Override
    public String toString() {
      return (parent == null ? "" : parent.toString()) + "/" + origin + (key == null ? "" : "#" + key) + "@" + ordinal;
    }
  }

  /**
   * The component a tag names in {@code in}'s template: its usingComponents, or for an abstract node (generics) the
   * tag its host's {@code generic:tag} names, in the usingComponents of the template that wrote the host.
   */
  private Optional<ComponentDefinition> resolveIn(Instance in, String tag) {
    if (in.definition != null && in.definition.generics().contains(tag) && in.hostRaw != null) {
      String impl = in.hostRaw.generics().get(tag);
      if (impl != null) {
        return resolve(in.owner.path, impl);
      }
    }
    return resolve(in.path, tag);
  }

  private Optional<ComponentDefinition> resolve(String owner, String tag) {
    return resolved.computeIfAbsent(owner, k -> new HashMap<>()).computeIfAbsent(tag, t -> host.resolve(owner, t));
  }

  private List<VNode> shadow(Instance in, SlotFill fill) {
    visited.add(in);
    if (in == page && in.hosts.isEmpty()) {
      return in.raw; // a page without custom tags: its render is the tree, no copy
    }
    List<VNode> out = new ArrayList<>();
    for (VNode n : in.raw) {
      compose(in, n, fill, out);
    }
    return out;
  }

  private void compose(Instance in, VNode n, SlotFill fill, List<VNode> out) {
    if (n instanceof VText t) {
      VText copy = new VText(t.text(), t.origin(), t.key());
      copy.scope(in.id);
      in.composed.put(t, copy);
      out.add(copy);
      return;
    }
    VElement e = (VElement) n;
    if (fill != null && in != page && e.tag().equals("slot")) {
      fill.fill(this, e, out);
      return;
    }
    Instance.Child child = in.hosts.get(e);
    if (child != null && composeHost(in, e, child, fill, out)) {
      return;
    }
    List<VNode> kids = new ArrayList<>(e.children().size());
    for (VNode c : e.children()) {
      compose(in, c, fill, kids);
    }
    VElement copy = new VElement(e.tag(), new LinkedHashMap<>(e.attributes()), kids, e.origin(), e.key());
    copy.scope(in.id);
    copy.models(e.models());
    copy.cssClass(cssClass(in, e));
    in.composed.put(e, copy);
    out.add(copy);
  }

  private boolean composeHost(Instance owner, VElement e, Instance.Child child, SlotFill ownerFill, List<VNode> out) {
    Instance in = owner.children.get(child.key());
    ObjectNode props = properties(e, child.definition().virtualHost());
    if (in == null || in.definition != child.definition()) {
      if (in != null) {
        remove(in);
      }
      int id = child == appendedChild ? appended.instance() : nextId++;
      ObjectNode data = host.create(id, owner.id, child.definition(), props, origins(owner, e, props, true),
          hostInfo(e));
      if (data == null) {
        return false;
      }
      in = new Instance(id, child.definition().path(), child.definition(), owner, child.key(), child.definition().template(), wxs,
          data);
      in.properties = props.deepCopy();
      in.propertyNodes = props;
      in.hostRaw = e;
      owner.children.put(child.key(), in);
      instances.put(id, in);
      created.add(in);
      renderRaw(in);
    } else if (e != in.hostRaw) {
      // the owner rendered the host afresh (slot content recomposed inside a re-rendered component is the same
      // element: its writer did not render, so nothing reaches the instance, as in WeChat)
      ObjectNode changed = changedProperties(owner, in, props);
      // a property bound to a function, or an object literal holding one: the view cannot tell whether it changed;
      // the logic layer compares (!==)
      boolean functions = e.undefinedOrigins().values().stream().anyMatch(o -> !o.isEmpty());
      if (!changed.isEmpty() || functions || externalClassesChanged(in, e)) {
        updates.merge(in, changed, (a, b) -> a.setAll(b));
        updateOrigins.merge(in, origins(owner, e, changed, functions), (a, b) -> a.setAll(b));
      }
      in.properties = props.deepCopy();
      in.propertyNodes = props;
      in.hostRaw = e;
    }
    order.computeIfAbsent(owner, k -> new ArrayList<>()).add(in);
    SlotFill fill = new SlotFill(in, e.children(), owner, ownerFill);
    List<VNode> kids = shadow(in, fill);
    VElement hostEl = new VElement(e.tag(), new LinkedHashMap<>(e.attributes()), kids, e.origin(), e.key());
    hostEl.scope(owner.id);
    hostEl.models(e.models());
    hostEl.hosted(in.id, in.definition.path());
    hostEl.cssClass(child.definition().virtualHost() ? "" : cssClass(owner, e));
    hostEl.virtualHost(child.definition().virtualHost());
    fill.projected.forEach(p -> p.slotHost(hostEl));
    owner.composed.put(e, hostEl);
    out.add(hostEl);
    return true;
  }

  /** The slot content in effect for {@code in}: its host's children, written by its owner. */
  private SlotFill fillFor(Instance in) {
    Instance owner = in.owner;
    SlotFill ownerFill = owner == page ? null : fillFor(owner);
    return new SlotFill(in, in.hostRaw.children(), owner, ownerFill);
  }

  private static VElement slotHostOf(VElement host) {
    return host.logicalParent() != host.parent() ? host.logicalParent() : null;
  }

  private void dropUnvisited(Instance in) {
    for (Instance c : List.copyOf(in.children.values())) {
      if (!visited.contains(c)) {
        remove(c);
      }
    }
  }

  private void remove(Instance in) {
    in.owner.children.remove(in.key, in);
    instances.remove(in.id);
    created.remove(in);
    updates.remove(in);
    updateOrigins.remove(in);
    moved.remove(in);
    removed.add(in);
    for (Instance c : List.copyOf(in.children.values())) {
      remove(c);
    }
    in.close();
  }

  /** The browser class list of {@code e} as its template's scope makes it (null for the page's own elements). */
  public String cssClassOf(VElement e) {
    Instance in = e.scope() == 0 ? page : instance(e.scope());
    return in == null ? null : cssClass(in, e);
  }

  // ---- classes --------------------------------------------------------------------------------------

  /**
   * The browser class list of an element written by {@code in}: each class gets the component's prefix (also kept
   * bare when outer styles apply inside); an external class is replaced by the classes the host passes, scoped as
   * the owner's. Null for the page's own elements.
   */
  private String cssClass(Instance in, VElement e) {
    if (in == page) {
      return null;
    }
    JsonNode cls = e.attribute("class");
    String text = cls == null || cls.isMissingNode() ? "" : Js.toDisplay(cls).strip();
    if (text.isEmpty()) {
      return "";
    }
    ComponentDefinition d = in.definition;
    StringBuilder sb = new StringBuilder();
    for (String c : text.split("\\s+")) {
      if (d.externalClasses().contains(c)) {
        JsonNode passed = in.hostRaw == null ? null : in.hostRaw.attribute(AttributeNames.camel(c));
        if (passed != null && !passed.isMissingNode()) {
          for (String outer : Js.toDisplay(passed).strip().split("\\s+")) {
            if (!outer.isEmpty()) {
              append(sb, in.owner == page ? outer : StyleScope.scopedClass(in.owner.definition.classPrefix(), outer));
            }
          }
        }
        continue;
      }
      append(sb, StyleScope.scopedClass(d.classPrefix(), c));
      if (d.sharesOuterStyles()) {
        append(sb, c);
      }
    }
    return sb.toString();
  }

  private static void append(StringBuilder sb, String c) {
    if (sb.length() > 0) {
      sb.append(' ');
    }
    sb.append(c);
  }

  private static boolean externalClassesChanged(Instance in, VElement e) {
    for (String c : in.definition.externalClasses()) {
      JsonNode before = in.hostRaw == null ? null : in.hostRaw.attribute(AttributeNames.camel(c));
      JsonNode now = e.attribute(AttributeNames.camel(c));
      if (!Objects.equals(before, now)) {
        return true;
      }
    }
    return false;
  }

  // ---- properties -------------------------------------------------------------------------------

  /**
   * The host's attributes that may be component properties (not id/class/style/slot, data-*, events, marks; a
   * virtual host's {@code style} is one).
   */
  static ObjectNode properties(VElement e, boolean virtualHost) {
    ObjectNode out = F.objectNode();
    e.attributes().forEach((name, value) -> {
      if (!value.isMissingNode() && isProperty(name, virtualHost)) {
        out.set(name, value);
      }
    });
    return out;
  }

  private static boolean isProperty(String name, boolean virtualHost) {
    return !(NOT_PROPERTIES.contains(name) && !(virtualHost && name.equals("style")) || name.startsWith("data-")
        || name.indexOf(':') >= 0 || isEventBinding(name));
  }

  /**
   * Where the values of {@code props} (and bound values that came out undefined, such as functions) were read in
   * the owner's data: {@code {name: [{at, from}]}} for the logic layer, which passes its own values from there, as
   * glass-easel passes properties within the logic layer. An update passes those of the changed values, and with
   * {@code functions} those of every binding that came out undefined (the logic layer keeps a function it already has).
   */
  private ObjectNode origins(Instance owner, VElement e, ObjectNode props, boolean functions) {
    ObjectNode out = F.objectNode();
    props.fields().forEachRemaining(f -> {
      if (f.getValue().isContainerNode()) {
        ArrayNode list = F.arrayNode();
        containerOrigins(owner, f.getValue(), new ArrayList<>(), list, 0);
        if (!list.isEmpty()) {
          out.set(f.getKey(), list);
        }
      }
    });
    boolean virtualHost = owner.hosts.get(e) != null && owner.hosts.get(e).definition().virtualHost();
    e.undefinedOrigins().forEach((name, keys) -> {
      if (!isProperty(name, virtualHost) || !props.has(name) && !functions) {
        return;
      }
      keys.forEach((k, o) -> {
        List<Object> base = dataPaths(owner).get(o.base());
        if (base == null) {
          return;
        }
        List<Object> from = new ArrayList<>(base);
        from.addAll(o.path());
        List<Object> at = k.isEmpty() ? List.of() : List.of(k);
        if (!out.has(name)) {
          out.set(name, F.arrayNode());
        }
        ((ArrayNode) out.get(name)).add(origin(at, from));
      });
    });
    return out;
  }

  private void containerOrigins(Instance owner, JsonNode v, List<Object> at, ArrayNode out, int depth) {
    List<Object> from = dataPaths(owner).get(v);
    if (from != null) {
      out.add(origin(at, from));
      return;
    }
    if (depth > 16) {
      return;
    }
    if (v.isObject()) {
      v.fields().forEachRemaining(f -> {
        if (f.getValue().isContainerNode()) {
          at.add(f.getKey());
          containerOrigins(owner, f.getValue(), at, out, depth + 1);
          at.remove(at.size() - 1);
        }
      });
    } else if (v.isArray()) {
      for (int i = 0; i < v.size(); i++) {
        if (v.get(i).isContainerNode()) {
          at.add(i);
          containerOrigins(owner, v.get(i), at, out, depth + 1);
          at.remove(at.size() - 1);
        }
      }
    }
  }

  private static ObjectNode origin(List<Object> at, List<Object> from) {
    ObjectNode o = F.objectNode();
    o.set("at", pathNode(at));
    o.set("from", pathNode(from));
    return o;
  }

  private static ArrayNode pathNode(List<Object> path) {
    ArrayNode a = F.arrayNode();
    for (Object p : path) {
      if (p instanceof Integer i) {
        a.add(i);
      } else {
        a.add(p.toString());
      }
    }
    return a;
  }

  /** Each container node of the owner's data (as of its last render) by identity, with its path. */
  private static Map<JsonNode, List<Object>> dataPaths(Instance owner) {
    if (owner.dataPaths == null) {
      Map<JsonNode, List<Object>> paths = new IdentityHashMap<>();
      index(owner.data, new ArrayList<>(), paths, 0);
      owner.dataPaths = paths;
    }
    return owner.dataPaths;
  }

  private static void index(JsonNode v, List<Object> path, Map<JsonNode, List<Object>> out, int depth) {
    if (!v.isContainerNode() || depth > 32) {
      return;
    }
    out.putIfAbsent(v, List.copyOf(path));
    if (v.isObject()) {
      v.fields().forEachRemaining(f -> {
        path.add(f.getKey());
        index(f.getValue(), path, out, depth + 1);
        path.remove(path.size() - 1);
      });
    } else {
      for (int i = 0; i < v.size(); i++) {
        path.add(i);
        index(v.get(i), path, out, depth + 1);
        path.remove(path.size() - 1);
      }
    }
  }

  private static boolean isEventBinding(String name) {
    for (String p : new String[] {"bind", "catch", "captureBind", "captureCatch", "mutBind"}) {
      if (name.startsWith(p) && name.length() > p.length() && Character.isLowerCase(name.charAt(p.length()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The property values of a host the owner rendered again that reach the instance: those whose value changed, and
   * those bound to a part of the owner's data that a setData replaced, even with an equal value (glass-easel applies
   * a binding when the data it reads was set). A value the owner's data still holds unchanged is not re-sent, so an
   * unrelated setData of the owner fires none of the component's observers.
   */
  private ObjectNode changedProperties(Instance owner, Instance in, ObjectNode now) {
    ObjectNode out = F.objectNode();
    now.fields().forEachRemaining(f -> {
      JsonNode was = in.properties == null ? null : in.properties.get(f.getKey());
      JsonNode v = f.getValue();
      boolean replaced = v.isContainerNode() && in.propertyNodes != null && in.propertyNodes.get(f.getKey()) != v
          && dataPaths(owner).containsKey(v);
      if (was == null || !was.equals(v) || replaced) {
        out.set(f.getKey(), v);
      }
    });
    return out;
  }

  static ObjectNode hostInfo(VElement e) {
    ObjectNode o = F.objectNode();
    JsonNode id = e.attribute("id");
    o.put("id", id == null || id.isMissingNode() ? "" : Js.toDisplay(id));
    o.set("dataset", Dataset.of(e));
    return o;
  }

  @Override
  public void close() {
    for (Instance in : components()) {
      in.close();
    }
    page.close();
    wxs.close();
  }

  /** The slot content of one host while its component's template is composed. */
  static final class SlotFill {
    private final Instance component;
    private final List<VNode> light;
    private final Instance owner;
    private final SlotFill ownerFill;
    private final Set<String> used = new HashSet<>();
    final List<VNode> projected = new ArrayList<>();

    SlotFill(Instance component, List<VNode> light, Instance owner, SlotFill ownerFill) {
      this.component = component;
      this.light = light;
      this.owner = owner;
      this.ownerFill = ownerFill;
    }

    /** Puts the content meant for {@code slot} in its place (once per slot name). */
    void fill(ComponentTree tree, VElement slot, List<VNode> out) {
      boolean multiple = component.definition != null && component.definition.multipleSlots();
      String name = multiple ? name(slot.attribute("name")) : "";
      if (!used.add(name)) {
        return;
      }
      for (VNode n : light) {
        String target = n instanceof VElement e ? name(e.attribute("slot")) : "";
        if (multiple && !target.equals(name)) {
          continue;
        }
        int from = out.size();
        tree.compose(owner, n, ownerFill, out);
        projected.addAll(out.subList(from, out.size()));
      }
    }

    private static String name(JsonNode v) {
      return v == null || v.isMissingNode() ? "" : Js.toDisplay(v);
    }
  }
}
