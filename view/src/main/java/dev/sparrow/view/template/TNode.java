package dev.sparrow.view.template;

import dev.sparrow.view.tree.VNode;
import java.util.List;

/**
 * A compiled WXML node. Rendering appends the produced nodes to {@code out}: an element appends one node, while
 * {@code block}, {@code wx:if}, {@code wx:for}, {@code template is} and {@code include} append zero or more (WeChat's
 * "virtual" nodes vanish from the tree).
 *
 * @see TemplateRenderer
 */
interface TNode {
  /**
   * @param key the list-item key to stamp on top-level produced nodes (null outside keyed {@code wx:for} items)
   */
  void render(RenderContext ctx, Frame frame, String key, List<VNode> out);
}
