package dev.sparrow.view.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparrow.view.expr.Interpolation;
import dev.sparrow.view.expr.Js;
import dev.sparrow.view.tree.VNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code wx:for}, as WeChat's runtime iterates:
 * <ul>
 *   <li>array: each element, index 0..n-1;</li>
 *   <li>object: each own key in JavaScript order, the index variable holding the key;</li>
 *   <li>string (including a mixed attribute such as {@code "a,b"}): each character;</li>
 *   <li>number n: items 0, 1, … while {@code i < n} ({@code 2.5} gives 0, 1, 2);</li>
 *   <li>anything else (null, undefined, booleans): nothing.</li>
 * </ul>
 * The body sees {@code item}/{@code index} (or the names from {@code wx:for-item}/{@code wx:for-index}), shadowing
 * outer names. With {@code wx:key}, each item's nodes carry the key ({@code *this} = the item itself, otherwise the
 * item's property of that name) so the diff can follow moves.
 */
record TFor(Interpolation list, String itemName, String indexName, String keyName, TNode body, int origin)
    implements TNode {
  @Override
  public void render(RenderContext ctx, Frame frame, String key, List<VNode> out) {
    JsonNode items = list.evaluate(frame);
    if (Js.isNullish(items) || items.isBoolean()) {
      return;
    }
    if (items.isArray()) {
      ListRecord record = ctx.record(this, frame, key);
      for (int i = 0; i < items.size(); i++) {
        if (record == null) {
          item(ctx, frame, key, out, items.get(i), Js.number(i), true);
        } else {
          record.items().add(null);
          record.inner().add(null);
          recordedItem(ctx, record, frame, i, out, items.get(i));
        }
      }
    } else if (items.isObject()) {
      for (Iterator<String> it = Js.keys(items); it.hasNext(); ) {
        String k = it.next();
        item(ctx, frame, key, out, items.get(k), Js.string(k), true);
      }
    } else if (items.isTextual()) {
      String s = items.textValue();
      for (int i = 0; i < s.length(); i++) {
        item(ctx, frame, key, out, Js.string(String.valueOf(s.charAt(i))), Js.number(i), false);
      }
    } else if (items.isNumber()) {
      double n = items.doubleValue();
      for (int i = 0; i < n && i < RenderContext.MAX_NODES; i++) {
        item(ctx, frame, key, out, Js.number(i), Js.number(i), false);
      }
    }
  }

  /**
   * Renders item {@code i} of a recorded list in {@code frame} and notes its nodes and its own lists' records in
   * {@code record}.
   */
  void recordedItem(RenderContext ctx, ListRecord record, Frame frame, int i, List<VNode> out, JsonNode item) {
    int before = out.size();
    Map<TFor, List<ListRecord>> saved = ctx.enterItem();
    try {
      item(ctx, frame, record.key(), out, item, Js.number(i), true);
    } finally {
      record.inner().set(i, ctx.leaveItem(saved));
    }
    record.items().set(i, new ArrayList<>(out.subList(before, out.size())));
  }

  /**
   * Renders one item; {@code inData}: the item is a member of the list's value (an array element or an object's
   * field), so a {@code model:} binding through it can name its place, worked out only if one asks.
   */
  void item(RenderContext ctx, Frame frame, String outerKey, List<VNode> out, JsonNode item, JsonNode index,
      boolean inData) {
    String k = null;
    if (keyName != null && Js.truthy(item)) {
      JsonNode kv = "*this".equals(keyName) ? item : Js.member(item, Js.string(keyName));
      if (!Js.isUndefined(kv) && !kv.isContainerNode()) {
        k = origin + ":" + Js.toJsString(kv);
        if (outerKey != null) {
          k = outerKey + "/" + k;
        }
      }
    }
    Frame.Place place = inData ? new Frame.Place(list, frame, index) : null;
    body.render(ctx, frame.with(itemName, item, place).with(indexName, index), k == null ? outerKey : k, out);
  }
}
