package dev.sparrow.apis.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The update commands of {@code db.command} as the wire form names them ({@code {path: {$op: arg}}}): the one list
 * that the embedded engine ({@link Updater}) applies and the MongoDB adapter ({@link MongoWire}) translates, and the
 * one reading of an update object that both share.
 */
enum UpdateOperator {
  SET("$set"),
  UNSET("$unset"),
  INC("$inc"),
  MUL("$mul"),
  PUSH("$push"),
  POP("$pop"),
  SHIFT("$shift"),
  UNSHIFT("$unshift"),
  ADD_TO_SET("$addToSet"),
  PULL("$pull"),
  PULL_ALL("$pullAll");

  /** The name on the wire. */
  final String wire;

  UpdateOperator(String wire) {
    this.wire = wire;
  }

  /** One path's command. */
  record Command(String path, UpdateOperator op, JsonNode arg) {}

  /**
   * The commands of {@code update}, in order; refuses a path into {@code _id} (WeChat's {@code 不能更新_id的值}), a
   * value that is not one {@code {$op: arg}}, and an unknown operator.
   */
  static List<Command> parse(JsonNode update) {
    List<Command> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = update.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = e.getKey();
      if (path.equals("_id") || path.startsWith("_id.")) {
        throw CloudError.invalid(CloudError.CANNOT_UPDATE_ID);
      }
      JsonNode cmd = e.getValue();
      if (!cmd.isObject() || cmd.size() != 1) {
        throw CloudError.invalid("update of " + path);
      }
      String name = cmd.fieldNames().next();
      out.add(new Command(path, of(name), cmd.get(name)));
    }
    return out;
  }

  private static UpdateOperator of(String wire) {
    for (UpdateOperator op : values()) {
      if (op.wire.equals(wire)) {
        return op;
      }
    }
    throw CloudError.invalid("unknown update command " + wire);
  }
}
