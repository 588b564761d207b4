package dev.sparrow.view.template;

import dev.sparrow.view.expr.Interpolation;
import dev.sparrow.view.expr.Js;
import dev.sparrow.view.tree.VNode;
import java.util.List;

/**
 * A {@code wx:if} / {@code wx:elif} / {@code wx:else} chain of siblings: the first truthy branch renders.
 * The condition of a {@code wx:else} branch is null.
 */
record TIf(List<Interpolation> conditions, List<TNode> branches) implements TNode {
  @Override
  public void render(RenderContext ctx, Frame frame, String key, List<VNode> out) {
    for (int i = 0; i < branches.size(); i++) {
      Interpolation c = conditions.get(i);
      if (c == null || Js.truthy(c.evaluate(frame))) {
        branches.get(i).render(ctx, frame, key, out);
        return;
      }
    }
  }
}
