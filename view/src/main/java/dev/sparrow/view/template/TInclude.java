package dev.sparrow.view.template;

import dev.sparrow.view.tree.VNode;
import java.util.List;

/**
 * {@code <include src="..."/>}: renders the included file's content (everything except its {@code template} and
 * {@code wxs} definitions) in place, with the includer's data, loop variables and WXS modules. A missing file or an
 * include cycle renders nothing.
 */
record TInclude(String file, String target) implements TNode {
  @Override
  public void render(RenderContext ctx, Frame frame, String key, List<VNode> out) {
    CompiledFile included = target == null ? null : ctx.page().file(target);
    if (included == null) {
      return;
    }
    String id = "include:" + target;
    if (!ctx.enter(id)) {
      ctx.warn(file + ": `" + target + "` is being included in a loop, stopped");
      return;
    }
    try {
      for (TNode n : included.body()) {
        n.render(ctx, frame, key, out);
      }
    } finally {
      ctx.leave(id);
    }
  }
}
