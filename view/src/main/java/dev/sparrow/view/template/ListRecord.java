package dev.sparrow.view.template;

import dev.sparrow.view.tree.VNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What one render of a {@link ListBindings#list list} produced: the scope it rendered in (its data object is the
 * live page data), the outer key and element depth, and the nodes of each item in order (kept in step with the
 * committed tree when an item renders again on its own).
 */
record ListRecord(Frame frame, String key, int depth, List<List<VNode>> items) {
  ListRecord(Frame frame, String key, int depth) {
    this(frame, key, depth, new ArrayList<>());
  }
}
