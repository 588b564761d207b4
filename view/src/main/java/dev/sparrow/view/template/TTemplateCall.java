package dev.sparrow.view.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sparrow.view.expr.Interpolation;
import dev.sparrow.view.expr.Js;
import dev.sparrow.view.tree.VNode;
import java.util.List;

/**
 * {@code <template is="name" data="{{...}}"/>}. The name may be bound; it is looked up from the file that contains
 * the call (see {@link CompiledPage#findTemplate}). The body renders with the {@code data} object as its only data
 * (no outer loop variables) and with the WXS modules of the file that defines the template. A template already being
 * rendered is not entered again (WeChat stops recursion with a warning). An unknown name renders nothing.
 */
record TTemplateCall(String file, Interpolation is, Interpolation data) implements TNode {
  @Override
  public void render(RenderContext ctx, Frame frame, String key, List<VNode> out) {
    String name = Js.toDisplay(is.evaluate(frame));
    TemplateDef def = ctx.page().findTemplate(file, name);
    if (def == null) {
      ctx.warn(file + ": template `" + name + "` not found");
      return;
    }
    String id = def.file() + ":" + def.name();
    if (!ctx.enter(id)) {
      ctx.warn(file + ": template `" + name + "` is being called recursively, stopped");
      return;
    }
    try {
      Frame inner = Frame.called(ctx.modulesOf(def.file()), env(frame), this, frame);
      for (TNode n : def.body()) {
        n.render(ctx, inner, key, out);
      }
    } finally {
      ctx.leave(id);
    }
  }

  /** The template body's data object for a call rendered in {@code frame}. */
  JsonNode env(Frame frame) {
    JsonNode env = data == null ? null : data.evaluate(frame);
    return env == null || !Js.truthy(env) ? JsonNodeFactory.instance.objectNode() : env;
  }
}
