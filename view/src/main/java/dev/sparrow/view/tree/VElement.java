package dev.sparrow.view.tree;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparrow.view.expr.Expr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An element: tag as written in WXML ({@code view}, not {@code wx-view}), evaluated attributes (lone bindings keep
 * their JSON type; event bindings such as {@code bindtap} stay as attributes, as in WeChat's tree) and children.
 * {@code undefined} attribute values are kept as {@link com.fasterxml.jackson.databind.node.MissingNode}.
 */
public final class VElement extends VNode {
  final String tag;
  final Map<String, JsonNode> attributes;
  final List<VNode> children;
  /** The read-only view {@link #children()} hands out, made once (tree walks ask for it at every element). */
  private List<VNode> childrenView;
  /** The component instance this element hosts (0 when it is not a custom component's host). */
  int hosted;
  /** The path of the component this element hosts (the browser's {@code is} attribute), or null. */
  String componentPath;
  /** The class list as the browser should see it (component style isolation applied), or null: {@code class}. */
  String cssClass;
  /** A {@code virtualHost} component's host: no box of its own; its class and style reach nothing. */
  boolean virtualHost;
  /** {@code generic:name="tag"} written on the element (which component implements an abstract node). */
  Map<String, String> generics = Map.of();
  /** Attributes whose bound value (or an object literal's key) came out undefined: where each was read from. */
  Map<String, Map<String, Expr.Origin>> undefinedOrigins = Map.of();
  /** {@code model:} (two-way) bindings: attribute name → the owner's data path it writes back to. */
  Map<String, String> models = Map.of();

  public VElement(String tag, Map<String, JsonNode> attributes, List<VNode> children, int origin, String key) {
    super(origin, key);
    this.tag = tag;
    this.attributes = attributes;
    this.children = children;
    for (VNode c : children) {
      c.parent = this;
    }
  }

  /**
   * A copy of {@code e} with the same attributes, marks and children, the children not re-parented: the committed
   * tree stays as it is until the diff hands the children over (see {@link Splice}).
   */
  VElement(VElement e) {
    super(e.origin, e.key);
    this.tag = e.tag;
    this.attributes = new LinkedHashMap<>(e.attributes);
    this.children = new ArrayList<>(e.children);
    this.hosted = e.hosted;
    this.componentPath = e.componentPath;
    this.cssClass = e.cssClass;
    this.virtualHost = e.virtualHost;
    this.generics = e.generics;
    this.undefinedOrigins = e.undefinedOrigins;
    this.models = e.models;
    this.scope = e.scope;
    this.slotHost = e.slotHost;
  }

  /**
   * A copy of this element with {@code attributes} in place of its own (marks kept; attributes whose bound value came
   * out undefined are none: such attributes take a whole render), holding the same children, not re-parented until
   * the copy takes this element's place ({@link #adoptChildren}, or the diff's hand-over).
   */
  public VElement withAttributes(Map<String, JsonNode> attributes) {
    VElement c = new VElement(this);
    c.attributes.clear();
    c.attributes.putAll(attributes);
    c.undefinedOrigins = Map.of();
    return c;
  }

  /** Makes this element its children's parent (a copy that took the place of the element they had). */
  public void adoptChildren() {
    for (VNode child : children) {
      child.parent = this;
    }
  }

  /** A page root ({@code page}) holding {@code children}. */
  public static VElement root(List<VNode> children) {
    return new VElement("page", new LinkedHashMap<>(), new ArrayList<>(children), -1, null);
  }

  public String tag() {
    return tag;
  }

  public Map<String, JsonNode> attributes() {
    return Collections.unmodifiableMap(attributes);
  }

  /**
   * Changes one attribute in place (what a WXS ComponentDescriptor's {@code setStyle}/{@code addClass} does); the
   * caller reports the patch.
   */
  public void setAttribute(String name, JsonNode value) {
    attributes.put(name, value);
  }

  /** The attribute value, or null when absent. */
  public JsonNode attribute(String name) {
    return attributes.get(name);
  }

  public List<VNode> children() {
    List<VNode> v = childrenView;
    if (v == null) {
      v = Collections.unmodifiableList(children);
      childrenView = v;
    }
    return v;
  }

  /** The component instance this element is the host of, or 0 for ordinary elements. */
  public int hosted() {
    return hosted;
  }

  /** Marks the element as the host of component instance {@code instance} (composition only). */
  public void hosted(int instance, String componentPath) {
    this.hosted = instance;
    this.componentPath = componentPath;
  }

  /** The path of the component this element hosts ({@code components/card/card}), or null. */
  public String componentPath() {
    return componentPath;
  }

  public Map<String, String> generics() {
    return generics;
  }

  public void generics(Map<String, String> generics) {
    this.generics = generics;
  }

  /**
   * The element's {@code model:} bindings: attribute name → data path of the template's owner (the page, or the
   * component whose WXML holds the element) that a change of the attribute by the element itself writes back to.
   */
  public Map<String, String> models() {
    return models;
  }

  public void models(Map<String, String> models) {
    this.models = models;
  }

  /** See {@link dev.sparrow.view.expr.Interpolation#undefinedOrigins}: attribute name → key → origin. */
  public Map<String, Map<String, Expr.Origin>> undefinedOrigins() {
    return undefinedOrigins;
  }

  public void undefinedOrigins(Map<String, Map<String, Expr.Origin>> origins) {
    this.undefinedOrigins = origins;
  }

  public boolean virtualHost() {
    return virtualHost;
  }

  public void virtualHost(boolean virtual) {
    this.virtualHost = virtual;
  }

  /** The browser class list when it differs from {@code class} (component style scoping), else null. */
  public String cssClass() {
    return cssClass;
  }

  public void cssClass(String cssClass) {
    this.cssClass = cssClass;
  }

  /** Puts {@code fresh} where {@code old} is among the children (composition of one component's subtree). */
  public void replaceChild(VNode old, VNode fresh) {
    int i = children.indexOf(old);
    if (i < 0) {
      throw new IllegalArgumentException("not a child");
    }
    children.set(i, fresh);
    fresh.parent = this;
  }

  /** Child elements only. */
  public List<VElement> elementChildren() {
    List<VElement> out = new ArrayList<>();
    for (VNode c : children) {
      if (c instanceof VElement) {
        out.add((VElement) c);
      }
    }
    return out;
  }
}
