package dev.sparrow.view.template;

import dev.sparrow.view.tree.VNode;

/** What a {@link ListBindings#singles single} element or text rendered last: its scope and its node (kept current). */
final class SingleRecord {
  final Frame frame;
  VNode node;

  SingleRecord(Frame frame, VNode node) {
    this.frame = frame;
    this.node = node;
  }
}
