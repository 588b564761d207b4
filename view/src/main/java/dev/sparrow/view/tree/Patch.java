package dev.sparrow.view.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One change to apply to the rendered page, addressed by stable node id. Applying a patch list in order to the
 * previous tree yields the new tree (removals come first; within one parent, inserts and moves are emitted from the
 * last child to the first, each placed before an already-positioned sibling, or appended when {@code before} is
 * null).
 */
public sealed interface Patch {

  /** The patch as JSON for the browser simulator, e.g. {@code {"op":"setText","id":12,"text":"hi"}}. */
  JsonNode toJson();

  /** Ids this patch touches (the node itself and, for inserts, the whole new subtree's root). */
  int id();

  record SetText(int id, String text) implements Patch {
    @Override
    public JsonNode toJson() {
      return base("setText", id).put("text", text);
    }
  }

  /** Sets an attribute; an {@code undefined} value is sent as a removal would be, so use {@link RemoveAttr}. */
  record SetAttr(int id, String name, JsonNode value) implements Patch {
    @Override
    public JsonNode toJson() {
      ObjectNode o = base("setAttr", id).put("name", name);
      o.set("value", TreeJson.plain(value));
      return o;
    }
  }

  /** The browser class list of a custom component's element changed (see {@link VElement#cssClass()}). */
  record SetCssClass(int id, String value) implements Patch {
    @Override
    public JsonNode toJson() {
      return base("setCssClass", id).put("value", value);
    }
  }

  record RemoveAttr(int id, String name) implements Patch {
    @Override
    public JsonNode toJson() {
      return base("removeAttr", id).put("name", name);
    }
  }

  /** Inserts a new subtree ({@code node}, with fresh ids) into {@code parent} before {@code before}. */
  record Insert(int parent, Integer before, VNode node) implements Patch {
    @Override
    public int id() {
      return node.id();
    }

    @Override
    public JsonNode toJson() {
      ObjectNode o = base("insert", node.id()).put("parent", parent);
      o.put("before", before);
      o.set("node", TreeJson.toJson(node));
      return o;
    }
  }

  record Remove(int id) implements Patch {
    @Override
    public JsonNode toJson() {
      return base("remove", id);
    }
  }

  /** Moves an existing node (keyed list reorder) within {@code parent}, before {@code before}. */
  record Move(int id, int parent, Integer before) implements Patch {
    @Override
    public JsonNode toJson() {
      ObjectNode o = base("move", id).put("parent", parent);
      o.put("before", before);
      return o;
    }
  }

  private static ObjectNode base(String op, int id) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("op", op);
    o.put("id", id);
    return o;
  }
}
