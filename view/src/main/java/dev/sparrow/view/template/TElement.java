package dev.sparrow.view.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparrow.view.event.Binding;
import dev.sparrow.view.expr.Expr;
import dev.sparrow.view.expr.Js;
import dev.sparrow.view.tree.VElement;
import dev.sparrow.view.tree.VNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An element: attributes evaluated in order (a lone binding keeps its type), then children; {@code generics} are its
 * {@code generic:name="tag"} choices (abstract node name → the tag implementing it in this template).
 */
record TElement(String tag, List<TAttribute> attributes, List<TNode> children, int origin, Map<String, String> generics)
    implements TNode {
  @Override
  public void render(RenderContext ctx, Frame frame, String key, List<VNode> out) {
    if (!ctx.count()) {
      return;
    }
    Map<String, JsonNode> attrs = new LinkedHashMap<>();
    Map<String, Map<String, Expr.Origin>> origins = null;
    Map<String, String> models = null;
    for (TAttribute a : attributes) {
      JsonNode v = a.value() == null ? Js.bool(true) : evaluate(a, frame);
      attrs.put(a.name(), v);
      String model = a.model() ? a.value().modelPath(frame, frame::modelRoot) : null;
      if (model != null) {
        models = models == null ? new LinkedHashMap<>() : models;
        models.put(a.name(), model);
      }
      if (a.value() != null && a.value().isLone() && (v.isMissingNode() || v.isObject())) {
        Map<String, Expr.Origin> o = a.value().undefinedOrigins(frame, v);
        if (!o.isEmpty()) {
          origins = origins == null ? new LinkedHashMap<>() : origins;
          origins.put(a.name(), o);
        }
      }
    }
    List<VNode> kids = new ArrayList<>(children.size());
    if (ctx.descend()) {
      try {
        for (TNode c : children) {
          c.render(ctx, frame, null, kids);
        }
      } finally {
        ctx.ascend();
      }
    }
    VElement e = new VElement(tag, attrs, kids, origin, key);
    e.generics(generics);
    if (origins != null) {
      e.undefinedOrigins(origins);
    }
    if (models != null) {
      e.models(Map.copyOf(models));
    }
    out.add(e);
    ctx.single(this, frame, e);
  }

  /** An attribute's value; an event binding or {@code change:} observer keeps a WXS function it is bound to. */
  private static JsonNode evaluate(TAttribute a, Frame frame) {
    String n = a.name();
    if (a.value().isLone() && (n.startsWith("change:") || Binding.isEvent(n))) {
      return a.value().evaluateKeepingFunction(frame);
    }
    return a.value().evaluate(frame);
  }

  /**
   * The attributes evaluated in {@code frame}, in order, as {@link #render} does; null when a lone binding gives
   * {@code undefined} or an object (the render notes where such values come from: only a whole render does that).
   */
  Map<String, JsonNode> attributes(Frame frame) {
    Map<String, JsonNode> attrs = new LinkedHashMap<>();
    for (TAttribute a : attributes) {
      JsonNode v = a.value() == null ? Js.bool(true) : evaluate(a, frame);
      if (a.value() != null && a.value().isLone() && (v.isMissingNode() || v.isObject())) {
        return null;
      }
      attrs.put(a.name(), v);
    }
    return attrs;
  }
}
