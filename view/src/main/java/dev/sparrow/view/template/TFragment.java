package dev.sparrow.view.template;

import dev.sparrow.view.tree.VNode;
import java.util.List;

/** {@code <block>} and other node lists that leave no element of their own. */
record TFragment(List<TNode> children) implements TNode {
  @Override
  public void render(RenderContext ctx, Frame frame, String key, List<VNode> out) {
    for (TNode c : children) {
      c.render(ctx, frame, key, out);
    }
  }
}
