package dev.sparrow.view.tree;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fresh tree made from the committed one by replacing runs of children, sharing every other node: only the
 * elements on the way from a replaced run up to the root are copied. {@link TreeDiff#diff} skips shared subtrees,
 * so the diff walks the copied path and the replaced nodes only. The committed tree is not changed.
 */
public final class Splice {
  private final VElement root;
  private final Map<VElement, VElement> copies = new IdentityHashMap<>();

  /** @param root the committed tree's root */
  public Splice(VElement root) {
    this.root = root;
  }

  /**
   * Puts {@code fresh} in place of {@code old}, consecutive children of one element of the committed tree.
   *
   * @return false (nothing replaced) when {@code old} is empty or not such a run
   */
  public boolean replace(List<VNode> old, List<VNode> fresh) {
    if (old.isEmpty() || old.get(0).parent == null || !inTree(old.get(0).parent)) {
      return false;
    }
    List<VNode> kids = copy(old.get(0).parent).children;
    int at = indexOf(kids, old.get(0));
    if (at < 0 || at + old.size() > kids.size()) {
      return false;
    }
    for (int i = 0; i < old.size(); i++) {
      if (kids.get(at + i) != old.get(i)) {
        return false;
      }
    }
    kids.subList(at, at + old.size()).clear();
    kids.addAll(at, fresh);
    return true;
  }

  /**
   * True when {@code fresh} matches {@code old} node for node in place (same template node, key, kind and tag), so
   * that the diff pairs every other child of their parent with itself.
   */
  public static boolean sameShape(List<VNode> old, List<VNode> fresh) {
    if (old.size() != fresh.size()) {
      return false;
    }
    for (int i = 0; i < old.size(); i++) {
      VNode o = old.get(i);
      VNode n = fresh.get(i);
      if (o.origin != n.origin || !Objects.equals(o.key, n.key) || !TreeDiff.compatible(o, n)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Gives the fresh tree's version of {@code old} (an element of the committed tree) these attributes, its children
   * staying shared.
   *
   * @return that element in the fresh tree, or null when {@code old} is not in the committed tree
   */
  public VElement attributes(VElement old, Map<String, JsonNode> attributes) {
    if (!inTree(old)) {
      return null;
    }
    VElement c = copy(old);
    c.attributes.clear();
    c.attributes.putAll(attributes);
    c.undefinedOrigins = Map.of(); // such attributes take a whole render
    return c;
  }

  /** The fresh tree's copy of node {@code n} of the committed tree, or {@code n} itself when it was not copied. */
  public VNode copyOf(VNode n) {
    VElement c = n instanceof VElement e ? copies.get(e) : null;
    return c == null ? n : c;
  }

  /** The elements copied into the fresh tree (the way from each change up to the root). */
  public Collection<VElement> copies() {
    return copies.values();
  }

  /** The fresh tree: a copy of the root when something was replaced, else the committed root itself. */
  public VElement result() {
    return copies.getOrDefault(root, root);
  }

  private boolean inTree(VElement e) {
    VElement top = e;
    while (top.parent != null) {
      top = top.parent;
    }
    return top == root;
  }

  private VElement copy(VElement e) {
    VElement c = copies.get(e);
    if (c != null) {
      return c;
    }
    c = new VElement(e);
    copies.put(e, c);
    if (e.parent != null) {
      List<VNode> siblings = copy(e.parent).children;
      siblings.set(indexOf(siblings, e), c);
    }
    return c;
  }

  private static int indexOf(List<VNode> nodes, VNode n) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i) == n) {
        return i;
      }
    }
    return -1;
  }
}
