package dev.sparrow.runtime.wx;

import static dev.sparrow.runtime.bridge.JsType.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sparrow.apis.cloud.CloudDatabase;
import dev.sparrow.apis.cloud.CloudError;
import dev.sparrow.runtime.bridge.ApiSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The engine side of {@code wx.cloud.database()} (the query builders are in sparrow-base.js): one hidden
 * call, {@code cloudDatabase(request)}, taking and answering JSON. A request names the environment, the
 * action ({@code add get count update remove docGet docSet docUpdate docRemove}) and the wire-form query and
 * data (see {@link CloudDatabase}); the answer is {@code {ok, res}} where {@code res} is what WeChat resolves
 * with ({@code errMsg "collection.get:ok"}…) or rejects with ({@code errCode, errMsg}). The client rules are
 * applied here: at most 20 documents a read, {@code _openid} stamped on add and set from the session's user,
 * {@code "{openid}"} in a query replaced by that user's openid.
 */
public final class CloudApis {
  /** The openid of the session's user when the embedder names none (28 characters, as WeChat's). */
  public static final String DEFAULT_OPENID = "oSparrowFakeOpenid0000000000";
  /** WeChat's client-side read limit. */
  public static final int CLIENT_LIMIT = 20;

  private static final Pattern ENV = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");

  private final ObjectMapper json = new ObjectMapper();
  private final Function<String, CloudDatabase> environments;
  private final Supplier<String> openid;
  private final Map<String, CloudDatabase> open = new HashMap<>();

  /** {@code environments} opens the database of an environment id; {@code openid} names the current user. */
  public CloudApis(Function<String, CloudDatabase> environments, Supplier<String> openid) {
    this.environments = environments;
    this.openid = openid;
  }

  public List<ApiSpec> specs() {
    return List.of(ApiSpec.sync("cloudDatabase").hidden().required("request", STRING)
        .handleSync(c -> answer(c.string("request"))));
  }

  /** Runs one request; never throws (bad input and engine failures come back as WeChat-style fails). */
  public String answer(String requestJson) {
    String api = "database";
    ObjectNode out = json.createObjectNode();
    try {
      JsonNode request = json.readTree(requestJson);
      api = request.path("api").asText(api);
      out.put("ok", true).set("res", run(request, api));
    } catch (CloudError e) {
      out.put("ok", false).putObject("res").put("errCode", e.errCode()).put("errMsg", e.errMsg(api));
    } catch (IOException | RuntimeException e) {
      out.put("ok", false).putObject("res").put("errCode", -1).put("errMsg", api + ":fail " + describe(e));
    }
    return out.toString();
  }

  private static String describe(Exception e) {
    return e instanceof IOException || e instanceof UncheckedIOException ? "database storage error"
        : "invalid request";
  }

  private ObjectNode run(JsonNode request, String api) {
    String env = request.path("env").asText("");
    if (!ENV.matcher(env).matches()) {
      throw CloudError.invalid("env " + env);
    }
    CloudDatabase db;
    synchronized (open) {
      db = open.computeIfAbsent(env, environments);
    }
    String collection = request.path("collection").asText("");
    String id = request.path("id").asText("");
    ObjectNode where = queryOf(request.get("where"));
    ObjectNode res = json.createObjectNode();
    switch (request.path("action").asText()) {
      case "add": {
        ObjectNode data = data(request);
        data.put("_openid", openid.get());
        res.put("_id", db.add(collection, data));
        break;
      }
      case "docGet": {
        ObjectNode doc = db.get(collection, id)
            .orElseThrow(() -> CloudError.of("document with _id " + id + " does not exist"));
        res.set("data", project(db, collection, id, request.get("field"), doc));
        break;
      }
      case "docSet": {
        ObjectNode data = data(request);
        if (data.has("_id")) {
          throw CloudError.invalid(CloudError.CANNOT_UPDATE_ID);
        }
        data.put("_openid", openid.get());
        boolean created = db.set(collection, id, data);
        res.put("_id", id);
        res.putObject("stats").put("updated", created ? 0 : 1).put("created", created ? 1 : 0);
        break;
      }
      case "docUpdate":
        res.putObject("stats").put("updated", db.update(collection, byId(id), data(request)));
        break;
      case "docRemove":
        res.putObject("stats").put("removed", db.remove(collection, byId(id)));
        break;
      case "get": {
        int limit = request.path("limit").asInt(0);
        limit = limit <= 0 ? CLIENT_LIMIT : Math.min(limit, CLIENT_LIMIT);
        List<CloudDatabase.Order> orders = new ArrayList<>();
        for (JsonNode o : request.path("orderBy")) {
          orders.add(new CloudDatabase.Order(o.path("field").asText(), !"desc".equals(o.path("order").asText())));
        }
        JsonNode field = request.get("field");
        ArrayNode data = res.putArray("data");
        db.find(collection, new CloudDatabase.Find(where, orders, Math.max(0, request.path("skip").asInt(0)), limit,
            field != null && field.isObject() ? (ObjectNode) field : null)).forEach(data::add);
        break;
      }
      case "count":
        res.put("total", db.count(collection, where));
        break;
      case "update":
        res.putObject("stats").put("updated", db.update(collection, where, data(request)));
        break;
      case "remove":
        res.putObject("stats").put("removed", db.remove(collection, where));
        break;
      default:
        throw CloudError.invalid("unknown action " + request.path("action").asText());
    }
    res.put("errMsg", api + ":ok");
    return res;
  }

  private ObjectNode project(CloudDatabase db, String collection, String id, JsonNode field, ObjectNode doc) {
    if (field == null || !field.isObject() || field.size() == 0) {
      return doc;
    }
    return db.find(collection, new CloudDatabase.Find(byId(id), List.of(), 0, 1, (ObjectNode) field)).get(0);
  }

  private ObjectNode byId(String id) {
    if (id.isEmpty()) {
      throw CloudError.invalid("docId must not be empty");
    }
    return json.createObjectNode().put("_id", id);
  }

  private static ObjectNode data(JsonNode request) {
    JsonNode data = request.get("data");
    if (data == null || !data.isObject()) {
      throw CloudError.invalid("parameter.data should be object instead of " + (data == null ? "undefined"
          : data.isArray() ? "array" : "a " + data.getNodeType().name().toLowerCase()));
    }
    return ((ObjectNode) data).deepCopy();
  }

  private ObjectNode queryOf(JsonNode where) {
    if (where == null || !where.isObject()) {
      return json.createObjectNode();
    }
    return (ObjectNode) withOpenid(where.deepCopy());
  }

  private JsonNode withOpenid(JsonNode n) {
    if (n.isTextual() && n.textValue().equals("{openid}")) {
      return TextNode.valueOf(openid.get());
    }
    if (n.isObject()) {
      ObjectNode o = (ObjectNode) n;
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      names.forEach(k -> o.set(k, withOpenid(o.get(k))));
    } else if (n.isArray()) {
      ArrayNode a = (ArrayNode) n;
      for (int i = 0; i < a.size(); i++) {
        a.set(i, withOpenid(a.get(i)));
      }
    }
    return n;
  }
}
