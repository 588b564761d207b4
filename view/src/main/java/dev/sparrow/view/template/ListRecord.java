package dev.sparrow.view.template;

import dev.sparrow.view.tree.VNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one render of a {@link ListBindings#list list} produced: the scope it rendered in (refreshed before an item
 * renders again: see {@link Frame#refreshed}), the outer key and element depth, the nodes of each item in order (kept
 * in step with the committed tree when an item renders again on its own), and per item the records of the
 * {@link ListBindings#nested nested} lists it rendered (null when none). A list rendered more than once (a template
 * called twice) has a record per rendering.
 */
record ListRecord(Frame frame, String key, int depth, List<List<VNode>> items,
    List<Map<TFor, List<ListRecord>>> inner) {
  ListRecord(Frame frame, String key, int depth) {
    this(frame, key, depth, new ArrayList<>(), new ArrayList<>());
  }
}
