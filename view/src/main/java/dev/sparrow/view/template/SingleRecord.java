package dev.sparrow.view.template;

import dev.sparrow.view.tree.VNode;

/**
 * What one rendering of a {@link ListBindings#singles single} element or text made last: its scope (refreshed before
 * it is evaluated again) and its node (kept current).
 */
final class SingleRecord {
  final Frame frame;
  VNode node;

  SingleRecord(Frame frame, VNode node) {
    this.frame = frame;
    this.node = node;
  }
}
