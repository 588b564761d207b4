package dev.sparrow.view.template;

import dev.sparrow.view.expr.Interpolation;
import dev.sparrow.view.tree.VNode;
import dev.sparrow.view.tree.VText;
import java.util.List;

/** Text with bindings; always produces a text node, even when it evaluates to "" (as WeChat does). */
record TText(Interpolation text, int origin) implements TNode {
  @Override
  public void render(RenderContext ctx, Frame frame, String key, List<VNode> out) {
    if (ctx.count()) {
      VText t = new VText(text.evaluateString(frame), origin, key);
      out.add(t);
      ctx.single(this, frame, t);
    }
  }
}
