package dev.sparrow.view.tree;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparrow.view.expr.Js;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Reconciles a freshly rendered tree with the committed one and produces the minimal {@link Patch} list.
 *
 * <p>Matching rules, per children list: nodes match only if they come from the same template node (origin), are
 * of the same kind and tag, and have the same {@code wx:key} (keyed items follow their key wherever they move;
 * unkeyed nodes match in order). Matched nodes keep their id and are compared attribute by attribute and text by
 * text; moves are kept to a minimum (children on the longest increasing run of old positions stay put). Unmatched
 * old nodes are removed; unmatched new nodes are inserted with fresh ids. After {@link #diff} the new tree carries
 * the ids and is the one to keep.
 */
public final class TreeDiff {
  private final IntSupplier ids;

  /** @param ids source of fresh node ids (never reused within a page) */
  public TreeDiff(IntSupplier ids) {
    this.ids = ids;
  }

  /** Gives every node of a first render a fresh id. */
  public void assignIds(VNode node) {
    node.id = ids.getAsInt();
    if (node instanceof VElement) {
      for (VNode c : ((VElement) node).children) {
        c.parent = (VElement) node;
        assignIds(c);
      }
    }
  }

  /** Patches turning {@code committed} into {@code fresh}; {@code fresh} receives the ids. */
  public List<Patch> diff(VElement committed, VElement fresh) {
    List<Patch> out = new ArrayList<>();
    fresh.id = committed.id;
    element(committed, fresh, out);
    return out;
  }

  /**
   * Patches turning {@code committed}, a node of the committed tree, into {@code fresh}, which matches it (same
   * template node, key, kind and tag: {@link Splice#sameShape}); {@code fresh} receives the ids and {@code committed}'s
   * parent, and the caller puts it in {@code committed}'s place. Subtrees {@code fresh} shares with it are not walked.
   */
  public List<Patch> replace(VNode committed, VNode fresh) {
    List<Patch> out = new ArrayList<>();
    update(committed, fresh, committed.parent, out);
    return out;
  }

  private void element(VElement old, VElement neu, List<Patch> out) {
    attributes(old, neu, out);
    if (!Objects.equals(old.cssClass, neu.cssClass)) {
      out.add(new Patch.SetCssClass(neu.id, neu.cssClass == null ? Js.toDisplay(neu.attributes.getOrDefault("class", Js.string(""))) : neu.cssClass));
    }
    children(old, neu, out);
  }

  private static void attributes(VElement old, VElement neu, List<Patch> out) {
    if (old.attributes.equals(neu.attributes)) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : neu.attributes.entrySet()) {
      JsonNode before = old.attributes.get(e.getKey());
      JsonNode now = e.getValue();
      if (before != null && same(before, now)) {
        continue;
      }
      if (now.isMissingNode()) {
        if (before != null && !before.isMissingNode()) {
          out.add(new Patch.RemoveAttr(neu.id, e.getKey()));
        }
      } else {
        out.add(new Patch.SetAttr(neu.id, e.getKey(), now));
      }
    }
    for (String name : old.attributes.keySet()) {
      if (!neu.attributes.containsKey(name) && !old.attributes.get(name).isMissingNode()) {
        out.add(new Patch.RemoveAttr(neu.id, name));
      }
    }
  }

  private static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return Js.strictEquals(a, b) || Double.isNaN(a.doubleValue()) && Double.isNaN(b.doubleValue());
    }
    return a.equals(b);
  }

  private void children(VElement oldParent, VElement newParent, List<Patch> out) {
    List<VNode> olds = oldParent.children;
    List<VNode> news = newParent.children;
    if (olds.isEmpty() && news.isEmpty()) {
      return;
    }
    if (samePositions(olds, news)) {
      for (int j = 0; j < news.size(); j++) {
        update(olds.get(j), news.get(j), newParent, out);
      }
      return;
    }
    Map<String, Integer> keyed = new HashMap<>();
    Map<Integer, ArrayDeque<Integer>> unkeyed = new HashMap<>();
    for (int i = 0; i < olds.size(); i++) {
      VNode o = olds.get(i);
      if (o.key == null || keyed.putIfAbsent(o.origin + "|" + o.key, i) != null) {
        unkeyed.computeIfAbsent(o.origin, k -> new ArrayDeque<>()).add(i);
      }
    }
    int[] source = new int[news.size()];
    boolean[] used = new boolean[olds.size()];
    Set<String> seenKeys = new HashSet<>();
    for (int j = 0; j < news.size(); j++) {
      VNode n = news.get(j);
      Integer match = null;
      if (n.key != null && seenKeys.add(n.origin + "|" + n.key)) {
        match = keyed.remove(n.origin + "|" + n.key);
      } else {
        ArrayDeque<Integer> q = unkeyed.get(n.origin);
        match = q == null ? null : q.poll();
      }
      source[j] = match != null && compatible(olds.get(match), n) ? match : -1;
      if (source[j] >= 0) {
        used[source[j]] = true;
      }
    }
    for (int i = 0; i < olds.size(); i++) {
      if (!used[i]) {
        out.add(new Patch.Remove(olds.get(i).id));
      }
    }
    boolean[] stays = longestIncreasing(source);
    Integer next = null;
    for (int j = news.size() - 1; j >= 0; j--) {
      VNode n = news.get(j);
      n.parent = newParent;
      if (source[j] < 0) {
        assignIds(n);
        out.add(new Patch.Insert(newParent.id, next, n));
      } else {
        VNode o = olds.get(source[j]);
        n.id = o.id;
        if (!stays[j]) {
          out.add(new Patch.Move(n.id, newParent.id, next));
        }
        update(o, n, newParent, out);
      }
      next = n.id;
    }
  }

  /** The common case: every child matches the old child at the same position (no insert, remove or move). */
  private static boolean samePositions(List<VNode> olds, List<VNode> news) {
    if (olds.size() != news.size()) {
      return false;
    }
    for (int i = 0; i < olds.size(); i++) {
      VNode o = olds.get(i);
      VNode n = news.get(i);
      if (o.origin != n.origin || !Objects.equals(o.key, n.key) || !compatible(o, n)) {
        return false;
      }
    }
    return true;
  }

  /** {@code n} takes over matched {@code o}: same id, then text or attributes and children are compared. */
  private void update(VNode o, VNode n, VElement newParent, List<Patch> out) {
    n.id = o.id;
    n.parent = newParent;
    if (n == o) {
      return; // a subtree the fresh tree shares with the committed one (see Splice): nothing changed in it
    }
    if (n instanceof VText) {
      if (!((VText) n).text.equals(((VText) o).text)) {
        out.add(new Patch.SetText(n.id, ((VText) n).text));
      }
    } else {
      element((VElement) o, (VElement) n, out);
    }
  }

  static boolean compatible(VNode o, VNode n) {
    if (o instanceof VText) {
      return n instanceof VText;
    }
    return n instanceof VElement && ((VElement) o).tag.equals(((VElement) n).tag)
        && ((VElement) o).hosted == ((VElement) n).hosted;
  }

  /** Marks the positions whose old index lies on a longest increasing subsequence (those need no move). */
  static boolean[] longestIncreasing(int[] source) {
    int n = source.length;
    boolean[] stays = new boolean[n];
    int[] tailIndex = new int[n];
    int[] prev = new int[n];
    int length = 0;
    for (int j = 0; j < n; j++) {
      if (source[j] < 0) {
        continue;
      }
      int lo = 0;
      int hi = length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (source[tailIndex[mid]] < source[j]) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      prev[j] = lo > 0 ? tailIndex[lo - 1] : -1;
      tailIndex[lo] = j;
      if (lo == length) {
        length++;
      }
    }
    if (length == 0) {
      return stays;
    }
    for (int j = tailIndex[length - 1]; j >= 0; j = prev[j]) {
      stays[j] = true;
    }
    Arrays.fill(prev, 0);
    return stays;
  }
}
