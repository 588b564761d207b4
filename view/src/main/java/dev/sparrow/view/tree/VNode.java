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
}
