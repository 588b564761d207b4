package dev.sparrow.view.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sparrow.view.tree.VElement;
import dev.sparrow.view.tree.VNode;
import dev.sparrow.view.wxs.WxsRuntime;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link CompiledPage} against data into a fresh virtual tree rooted at a {@code page} element.
 * Rendering never throws for data reasons. Holds the page's WXS context: one thread at a time; close when done.
 */
public final class TemplateRenderer implements AutoCloseable {
  private final CompiledPage page;
  private final WxsRuntime wxs;
  private final boolean ownsWxs;
  private List<String> lastWarnings = List.of();

  TemplateRenderer(CompiledPage page) {
    this.page = page;
    this.wxs = new WxsRuntime(page.wxsSources());
    this.ownsWxs = true;
  }

  /** A renderer whose WXS modules live in {@code shared} (which its owner closes). */
  TemplateRenderer(CompiledPage page, WxsRuntime shared) {
    this.page = page;
    shared.add(page.wxsSources());
    this.wxs = shared;
    this.ownsWxs = false;
  }

  /** Renders with {@code data} as the page data (a non-object renders as if the data were empty). */
  public VElement render(JsonNode data) {
    JsonNode env = data != null && data.isObject() ? data : JsonNodeFactory.instance.objectNode();
    RenderContext ctx = new RenderContext(page, wxs);
    CompiledFile file = page.file(page.path());
    List<VNode> out = new ArrayList<>();
    Frame frame = Frame.of(ctx.modulesOf(page.path()), env);
    for (TNode n : file.body()) {
      n.render(ctx, frame, null, out);
    }
    lastWarnings = List.copyOf(ctx.warnings());
    return VElement.root(out);
  }

  /** Runtime warnings of the last render (unknown templates, recursion, node budget). */
  public List<String> lastWarnings() {
    return lastWarnings;
  }

  @Override
  public void close() {
    if (ownsWxs) {
      wxs.close();
    }
  }
}
