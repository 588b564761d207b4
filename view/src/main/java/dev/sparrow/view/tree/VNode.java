package dev.sparrow.view.tree;

/**
 * A node of a rendered page: {@link VElement} or {@link VText}.
 *
 * <p>Ids are assigned when a tree is committed to a page (see {@code TreeDiff}); they stay stable across
 * re-renders for nodes the diff matches, so patches and element handles can refer to them. A fresh render has ids 0.
 */
public abstract sealed class VNode permits VElement, VText {
  int id;
  VElement parent;
  /** Identity of the template node that produced this node; nodes of different origins are never matched. */
  final int origin;
  /** The {@code wx:key} of the list item that produced this node, or null. */
  final String key;
  /** The component instance whose template wrote this node (0 for the page); see {@code dev.sparrow.view.custom}. */
  int scope;
  /** For slot content: the host element it was written under (its parent in its own tree); else null. */
  VElement slotHost;

  VNode(int origin, String key) {
    this.origin = origin;
    this.key = key;
  }

  public int id() {
    return id;
  }

  /** The parent element, or null for the page root. */
  public VElement parent() {
    return parent;
  }

  public int origin() {
    return origin;
  }

  public String key() {
    return key;
  }

  /** The component instance whose template wrote this node: 0 for the page's own WXML. */
  public int scope() {
    return scope;
  }

  /**
   * The node's parent in the tree of its own template (WeChat's "shadow tree"): the composed parent, except for
   * slot content, whose parent there is the component host it was written in, and for a component's top-level
   * nodes, which have none (null: the shadow root).
   */
  public VElement logicalParent() {
    if (slotHost != null) {
      return slotHost;
    }
    if (parent == null || parent.hosted != 0 && parent.hosted == scope) {
      return null;
    }
    return parent;
  }

  /** Marks the node as written by component instance {@code scope} (composition only). */
  public void scope(int scope) {
    this.scope = scope;
  }

  /** For slot content: the host element it was written under; else null. */
  public VElement slotHost() {
    return slotHost;
  }

  /** Marks the node as slot content written under {@code host} (composition only). */
  public void slotHost(VElement host) {
    this.slotHost = host;
  }
}
