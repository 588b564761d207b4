package dev.sparrow.view.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/** Applies patches to a JSON copy of a tree, as the browser simulator would; used to check diffs end to end. */
final class PatchApplier {
  private final Map<Integer, ObjectNode> byId = new HashMap<>();
  private final Map<Integer, ObjectNode> parentOf = new HashMap<>();
  final ObjectNode root;

  PatchApplier(VElement tree) {
    root = (ObjectNode) TreeJson.toJson(tree);
    index(root, null);
  }

  private void index(ObjectNode n, ObjectNode parent) {
    byId.put(n.get("id").asInt(), n);
    if (parent != null) {
      parentOf.put(n.get("id").asInt(), parent);
    }
    if (n.has("children")) {
      for (JsonNode c : n.get("children")) {
        index((ObjectNode) c, n);
      }
    }
  }

  void apply(Iterable<Patch> patches) {
    for (Patch p : patches) {
      JsonNode j = p.toJson();
      ObjectNode n = byId.get(j.get("id").asInt());
      switch (j.get("op").asText()) {
        case "setText":
          n.put("text", j.get("text").asText());
          break;
        case "setAttr":
          ((ObjectNode) n.get("attr")).set(j.get("name").asText(), j.get("value"));
          break;
        case "removeAttr":
          ((ObjectNode) n.get("attr")).remove(j.get("name").asText());
          break;
        case "remove":
          detach(n);
          break;
        case "insert":
          ObjectNode fresh = (ObjectNode) j.get("node").deepCopy();
          index(fresh, null);
          place(fresh, byId.get(j.get("parent").asInt()), j.get("before"));
          break;
        case "move":
          detach(n);
          place(n, byId.get(j.get("parent").asInt()), j.get("before"));
          break;
        default:
          throw new IllegalStateException(j.toString());
      }
    }
  }

  private void detach(ObjectNode n) {
    ObjectNode parent = parentOf.remove(n.get("id").asInt());
    ArrayNode kids = (ArrayNode) parent.get("children");
    for (int i = 0; i < kids.size(); i++) {
      if (kids.get(i) == n) {
        kids.remove(i);
        return;
      }
    }
  }

  private void place(ObjectNode n, ObjectNode parent, JsonNode before) {
    ArrayNode kids = (ArrayNode) parent.get("children");
    parentOf.put(n.get("id").asInt(), parent);
    if (before == null || before.isNull()) {
      kids.add(n);
      return;
    }
    for (int i = 0; i < kids.size(); i++) {
      if (kids.get(i).get("id").asInt() == before.asInt()) {
        kids.insert(i, n);
        return;
      }
    }
    throw new IllegalStateException("before " + before + " not found");
  }
}
