package dev.sparrow.runtime.wx;

import static dev.sparrow.runtime.bridge.JsType.STRING;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sparrow.apis.cloud.CloudDatabase;
import dev.sparrow.apis.cloud.CloudError;
import dev.sparrow.apis.cloud.CloudIndex;
import dev.sparrow.apis.cloud.CloudPermission;
import dev.sparrow.apis.cloud.CloudRules;
import dev.sparrow.apis.cloud.CloudStore;
import dev.sparrow.apis.cloud.CloudWatch;
import dev.sparrow.runtime.bridge.ApiSpec;
import dev.sparrow.runtime.bridge.WxBridge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Value;

/**
 * The engine side of {@code wx.cloud.database()} (the query builders are in sparrow-base.js): one hidden async
 * call, {@code cloudDatabase(request)}, taking and answering JSON, run on the session's file executor (never on
 * the loop) and settled on the loop. A request names the environment, the action ({@code add get count update
 * remove aggregate docGet docSet docUpdate docRemove watch unwatch}) and the wire-form query and data (see
 * {@link CloudDatabase}); the answer is {@code {ok, res}} where {@code res} is what WeChat resolves with
 * ({@code errMsg "collection.get:ok"}…) or rejects with ({@code errCode, errMsg}). Watch snapshots reach the
 * page through the hidden listener {@code cloudWatchEvents}, posted to the loop.
 *
 * <p>The client rules are applied here: a collection must exist (-502005) unless the rules auto-create it; the
 * collection's permission mode ({@link CloudRules}) filters reads and writes by {@code _openid} or refuses them
 * (-502003; also a client aggregate with a {@code lookup} stage, which WeChat runs only in cloud functions, so
 * a join never reaches documents the user may not read); at most 20 documents a read; {@code _openid} stamped on
 * add and set from the session's user; {@code "{openid}"} in a query replaced by that user's openid; field names
 * and the 16 MB document limit.
 */
public final class CloudApis implements AutoCloseable {
  /** The openid of the session's user when the embedder names none (28 characters, as WeChat's). */
  public static final String DEFAULT_OPENID = "oSparrowFakeOpenid0000000000";
  /** WeChat's client-side read limit. */
  public static final int CLIENT_LIMIT = 20;
  /** WeChat's document size limit. */
  public static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
  /** WeChat's errCode for a collection that does not exist. */
  public static final int NO_COLLECTION = -502005;
  /** WeChat's errCode for {@code createCollection} of a collection that exists (a resource system error). */
  public static final int COLLECTION_EXISTS = -501001;
  /** What a server-side read (wx-server-sdk in a cloud function) returns without {@code limit}, and at most. */
  public static final int SERVER_DEFAULT_LIMIT = 100;
  public static final int SERVER_LIMIT = 1000;

  private static final Pattern ENV = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");
  /** The realtime SDK's errCode for an error message from the server, which ends a watch. */
  private static final String SERVER_ERROR_MSG = "SDK_DATABASE_REALTIME_LISTENER_SERVER_ERROR_MSG";
  /** Its errCode when the connection cannot be re-established, which ends every watch. */
  private static final String RECONNECT_FAIL = "SDK_DATABASE_REALTIME_LISTENER_RECONNECT_WATCH_FAIL";

  private final ObjectMapper json = new ObjectMapper();
  private final WxBridge bridge;
  private final Executor io;
  private final Function<String, CloudStore> environments;
  private final Supplier<String> openid;
  private final Supplier<CloudRules> rulesSource;
  private final Map<String, CloudStore> open = new HashMap<>();
  private final Map<Integer, CloudWatch> watches = new HashMap<>();
  private CloudRules rules;
  /** The base library's watch dispatcher; loop thread only. */
  private Value events;
  private boolean closed;

  /**
   * {@code environments} opens (or finds, in the process's shared registry) the store of an environment id;
   * {@code openid} names the current user; {@code rules} are read once, on first use, off the loop.
   * Requests run on {@code io} and settle through {@code bridge} on the session's loop.
   */
  public CloudApis(WxBridge bridge, Executor io, Function<String, CloudStore> environments,
      Supplier<String> openid, Supplier<CloudRules> rules) {
    this.bridge = bridge;
    this.io = io;
    this.environments = environments;
    this.openid = openid;
    this.rulesSource = rules;
  }

  public List<ApiSpec> specs() {
    return List.of(
        ApiSpec.async("cloudDatabase").hidden().required("request", STRING).returns("answer")
            .handle(c -> io.execute(() -> c.resolve(Map.of("answer", answer(c.string("request")))))),
        ApiSpec.listener("cloudWatchEvents").hidden().handleListener(c -> events = c.listener()));
  }

  /** The environments this session has opened, sorted. */
  public List<String> openedEnvironments() {
    synchronized (open) {
      return open.keySet().stream().sorted().toList();
    }
  }

  /** The database of environment {@code env} as the page sees it (opened on first use). */
  public CloudDatabase database(String env) {
    return store(env);
  }

  /** Runs one request on the calling thread; never throws (failures come back as WeChat-style fails). */
  public String answer(String requestJson) {
    return answer(requestJson, false);
  }

  /**
   * As {@link #answer(String)} for a cloud function's {@code cloud.database()}: the server-side rules (100
   * documents a read unless {@code limit} says up to 1000; no permission modes; no {@code _openid} stamped;
   * {@code "{openid}"} is plain text).
   */
  public String serverAnswer(String requestJson) {
    return answer(requestJson, true);
  }

  private String answer(String requestJson, boolean server) {
    String api = "database";
    ObjectNode out = json.createObjectNode();
    try {
      JsonNode request = json.readTree(requestJson);
      api = request.path("api").asText(api);
      out.put("ok", true).set("res", run(request, api, server));
    } catch (CloudError e) {
      out.put("ok", false).putObject("res").put("errCode", e.errCode()).put("errMsg", e.errMsg(api));
    } catch (IOException | RuntimeException e) {
      out.put("ok", false).putObject("res").put("errCode", -1).put("errMsg", api + ":fail " + describe(e));
    }
    return out.toString();
  }

  /**
   * The realtime connection of the session's watches drops ({@code up} false: they pause) or comes back
   * ({@code up} true: each catches up in one snapshot). {@code lost} instead ends every watch as WeChat's client
   * does when it cannot reconnect: {@code onError} with {@code SDK_DATABASE_REALTIME_LISTENER_RECONNECT_WATCH_FAIL}.
   */
  public void realtime(boolean up, boolean lost) {
    List<Map.Entry<Integer, CloudWatch>> all;
    synchronized (watches) {
      all = new ArrayList<>(watches.entrySet());
      if (lost) {
        watches.clear();
      }
    }
    for (Map.Entry<Integer, CloudWatch> e : all) {
      if (lost) {
        e.getValue().close();
        deliver(e.getKey(), false, json.createObjectNode().put("errCode", RECONNECT_FAIL)
            .put("errMsg", "realtime listener reconnect watch fail"));
      } else if (up) {
        try {
          io.execute(e.getValue()::resume); // the catch-up query runs off the loop, as the others do
        } catch (RejectedExecutionException closing) {
          return;
        }
      } else {
        e.getValue().pause();
      }
    }
  }

  /** Stops the session's watches (their stores live on in the registry). */
  @Override
  public void close() {
    List<CloudWatch> all;
    synchronized (watches) {
      closed = true;
      all = new ArrayList<>(watches.values());
      watches.clear();
    }
    all.forEach(CloudWatch::close);
  }

  private static String describe(Exception e) {
    return e instanceof IOException || e instanceof UncheckedIOException ? "database storage error"
        : "invalid request";
  }

  private synchronized CloudRules rules() {
    if (rules == null) {
      rules = rulesSource.get();
    }
    return rules;
  }

  /**
   * The shared store of {@code env} as this session sees it (its declared collections and indexes created; a unique
   * index that stored duplicates forbid fails every call until they are gone): for the other
   * cloud families (functions' server-side database, import, the simulator's panel), which apply their own rules.
   * Call off the loop: the first use of an environment may touch files.
   */
  public CloudStore store(String env) {
    if (!ENV.matcher(env).matches()) {
      throw CloudError.invalid("env " + env);
    }
    synchronized (open) {
      CloudStore store = open.get(env);
      if (store == null) {
        store = environments.apply(env);
        for (String declared : rules().collections().keySet()) {
          store.createCollection(declared);
          for (CloudIndex index : rules().indexes(declared)) {
            store.createIndex(declared, index);
          }
        }
        open.put(env, store);
      }
      return store;
    }
  }

  /** The collection's mode after checking it exists (or creating it when the rules say so). */
  private CloudPermission collection(CloudStore db, String collection) {
    if (!db.hasCollection(collection)) {
      if (!rules().autoCreate()) {
        throw new CloudError(NO_COLLECTION, "-502005 database collection not exists. [ResourceNotFound] Db or "
            + "Table not exist. Please check your request, but if the problem cannot be solved, contact us.");
      }
      db.createCollection(collection);
    }
    return rules().permission(collection);
  }

  /**
   * wx-server-sdk's {@code db.createCollection(name)} (cloud functions only: the client SDK has none):
   * {@code {errMsg: 'createCollection:ok'}}, or errCode -501001 when the collection exists (the text public code
   * records from WeChat).
   */
  private ObjectNode createCollection(JsonNode request, String api, boolean server) {
    if (!server) {
      throw CloudError.invalid("createCollection is for cloud functions");
    }
    CloudStore db = store(request.path("env").asText(""));
    String collection = request.path("collection").asText("");
    if (db.hasCollection(collection)) {
      throw new CloudError(COLLECTION_EXISTS,
          "-501001 resource system error. [ResourceUnavailable.ResourceExist] Table exist.");
    }
    db.createCollection(collection);
    return json.createObjectNode().put("errMsg", api + ":ok");
  }

  /** One request; {@code server}: a cloud function's, which the permission modes and client limits do not bind. */
  private ObjectNode run(JsonNode request, String api, boolean server) {
    String action = request.path("action").asText();
    if (action.equals("unwatch")) {
      CloudWatch w;
      synchronized (watches) {
        w = watches.remove(request.path("watchId").asInt(-1));
      }
      if (w != null) {
        w.close();
      }
      return json.createObjectNode().put("errMsg", api + ":ok");
    }
    if (action.equals("createCollection")) {
      return createCollection(request, api, server);
    }
    CloudStore db = store(request.path("env").asText(""));
    String collection = request.path("collection").asText("");
    CloudPermission mode = collection(db, collection);
    if (server) {
      mode = CloudPermission.SERVER;
    }
    String id = request.path("id").asText("");
    String me = openid.get();
    ObjectNode where = queryOf(request.get("where"), server);
    ObjectNode res = json.createObjectNode();
    switch (action) {
      case "add": {
        writable(mode);
        ObjectNode data = data(request);
        if (!server) {
          reservedOpenid(data);
          data.put("_openid", me);
        }
        res.put("_id", db.add(collection, data));
        break;
      }
      case "docGet": {
        ObjectNode query = readable(mode, byId(id));
        JsonNode field = request.get("field");
        List<ObjectNode> hit = db.find(collection, new CloudDatabase.Find(query, List.of(), 0, 1,
            field != null && field.isObject() && field.size() > 0 ? (ObjectNode) field : null));
        if (hit.isEmpty()) {
          throw CloudError.of("document with _id " + id + " does not exist");
        }
        res.set("data", hit.get(0));
        break;
      }
      case "docSet": {
        writable(mode);
        ObjectNode data = data(request);
        if (data.has("_id")) {
          throw CloudError.invalid(CloudError.CANNOT_UPDATE_ID);
        }
        byId(id);
        if (!server) {
          reservedOpenid(data);
          db.get(collection, id).ifPresent(d -> {
            if (!me.equals(d.path("_openid").asText())) {
              throw CloudPermission.denied();
            }
          });
          data.put("_openid", me);
        }
        boolean created = db.set(collection, id, data);
        res.put("_id", id);
        res.putObject("stats").put("updated", created ? 0 : 1).put("created", created ? 1 : 0);
        break;
      }
      case "docUpdate":
        writable(mode);
        res.putObject("stats").put("updated", db.update(collection, own(mode, byId(id)), update(request)));
        break;
      case "docRemove":
        writable(mode);
        res.putObject("stats").put("removed", db.remove(collection, own(mode, byId(id))));
        break;
      case "get": {
        int limit = request.path("limit").asInt(0);
        if (server) {
          limit = limit <= 0 ? SERVER_DEFAULT_LIMIT : Math.min(limit, SERVER_LIMIT);
        } else {
          limit = limit <= 0 ? CLIENT_LIMIT : Math.min(limit, CLIENT_LIMIT);
        }
        JsonNode field = request.get("field");
        ArrayNode data = res.putArray("data");
        db.find(collection, new CloudDatabase.Find(readable(mode, where), orders(request),
            Math.max(0, request.path("skip").asInt(0)), limit,
            field != null && field.isObject() ? (ObjectNode) field : null)).forEach(data::add);
        break;
      }
      case "count":
        res.put("total", db.count(collection, readable(mode, where)));
        break;
      case "update":
        writable(mode);
        res.putObject("stats").put("updated", db.update(collection, own(mode, where), update(request)));
        break;
      case "remove":
        writable(mode);
        res.putObject("stats").put("removed", db.remove(collection, own(mode, where)));
        break;
      case "aggregate": {
        JsonNode stages = request.get("pipeline");
        if (stages == null || !stages.isArray()) {
          throw CloudError.invalid("aggregate pipeline must be an array");
        }
        ArrayNode pipeline = json.createArrayNode();
        ObjectNode filter = readable(mode, json.createObjectNode());
        // $geoNear must stay the first stage: the user's filter joins its query instead of a $match before it
        boolean near = stages.size() > 0 && stages.get(0).path("$geoNear").isObject();
        if (filter.size() > 0 && !near) {
          pipeline.addObject().set("$match", filter);
        }
        boolean limited = false;
        for (JsonNode stage : stages) {
          if (!server && stage.has("$lookup")) {
            throw CloudPermission.denied(); // WeChat's join guide: lookup is not for the mini program side
          }
          JsonNode copy = server ? stage.deepCopy() : withOpenid(stage.deepCopy());
          if (near && filter.size() > 0 && pipeline.isEmpty()) {
            ObjectNode geo = (ObjectNode) copy.get("$geoNear");
            ArrayNode both = json.createArrayNode().add(filter);
            if (geo.path("query").isObject()) {
              both.add(geo.get("query"));
            }
            geo.putObject("query").set("$and", both);
          }
          pipeline.add(copy);
          limited |= stage.has("$limit");
        }
        if (!limited && !server) {
          pipeline.addObject().put("$limit", CLIENT_LIMIT); // end() without limit() answers 20 at most
        }
        ArrayNode list = res.putArray("list");
        db.aggregate(collection, pipeline).forEach(list::add);
        break;
      }
      case "watch":
        watch(request, db, collection, readable(mode, where));
        break;
      default:
        throw CloudError.invalid("unknown action " + action);
    }
    res.put("errMsg", api + ":ok");
    return res;
  }

  private void watch(JsonNode request, CloudStore db, String collection, ObjectNode where) {
    if (bridge == null) {
      throw CloudError.invalid("watch needs a session");
    }
    int watchId = request.path("watchId").asInt(-1);
    int limit = Math.max(0, request.path("limit").asInt(0));
    List<CloudDatabase.Order> orders = orders(request);
    if (orders.isEmpty()) {
      orders.add(new CloudDatabase.Order("_id", false)); // WeChat: a watch without orderBy lists by id, descending
    }
    // skip and field are not sent to the realtime server (WeChat: watch takes where, orderBy and limit only);
    // one more than the limit of 5000 documents is enough to tell that a watch went past it
    int capped = limit == 0 || limit > CloudWatch.MAX_DOCS ? CloudWatch.MAX_DOCS + 1 : limit;
    CloudDatabase.Find find = new CloudDatabase.Find(where, orders, 0, capped, null);
    CloudWatch w = new CloudWatch(db, collection, find, snapshot -> deliver(watchId, true, snapshot),
        error -> deliver(watchId, false, error == CloudWatch.TOO_MANY_DOCS
            // the realtime SDK's form of an error the server sends: a string code, "<code> - <message>"
            ? json.createObjectNode().put("errCode", SERVER_ERROR_MSG).put("errMsg", error.reason())
            : json.createObjectNode().put("errCode", error.errCode()).put("errMsg", error.errMsg("database.watch"))));
    synchronized (watches) {
      if (closed) {
        return;
      }
      watches.put(watchId, w);
    }
    w.start();
  }

  private void deliver(int watchId, boolean ok, ObjectNode payload) {
    ObjectNode event = json.createObjectNode().put("watchId", watchId).put("ok", ok);
    event.set(ok ? "snapshot" : "error", payload);
    String text = event.toString();
    bridge.post(() -> {
      if (events != null) {
        bridge.callJs(events, text, "cloud.watch");
      }
    });
  }

  private static List<CloudDatabase.Order> orders(JsonNode request) {
    List<CloudDatabase.Order> orders = new ArrayList<>();
    for (JsonNode o : request.path("orderBy")) {
      orders.add(new CloudDatabase.Order(o.path("field").asText(), !"desc".equals(o.path("order").asText())));
    }
    return orders;
  }

  private static void writable(CloudPermission mode) {
    if (!mode.creatorWrites()) {
      throw CloudPermission.denied();
    }
  }

  /** The query a read may run: refused when the client reads nothing, limited to the user's own documents. */
  private ObjectNode readable(CloudPermission mode, ObjectNode where) {
    if (!mode.clientReads()) {
      throw CloudPermission.denied();
    }
    return mode.othersRead() ? where : own(mode, where);
  }

  /** The query a write of the user may change: only their own documents, unless others' are theirs to change. */
  private ObjectNode own(CloudPermission mode, ObjectNode where) {
    if (mode.othersWrite()) {
      return where;
    }
    ObjectNode mine = json.createObjectNode().put("_openid", openid.get());
    if (where.size() == 0) {
      return mine;
    }
    ObjectNode both = json.createObjectNode();
    both.putArray("$and").add(where).add(mine);
    return both;
  }

  private ObjectNode byId(String id) {
    if (id.isEmpty()) {
      throw CloudError.invalid("docId must not be empty");
    }
    return json.createObjectNode().put("_id", id);
  }

  /** A page may not write {@code _openid} itself: the cloud stamps it (WeChat's detail, as users quote it). */
  private static void reservedOpenid(ObjectNode data) {
    if (data.has("_openid")) {
      throw CloudError.invalid("Invalid Key Name: _openid");
    }
  }

  /** The document of an add or set: an object, by the field name rules, under 16 MB. */
  private ObjectNode data(JsonNode request) {
    ObjectNode data = update(request);
    fieldNames(data, "");
    return data;
  }

  /** The update of an update (dotted paths to one operator each), under 16 MB. */
  private ObjectNode update(JsonNode request) {
    JsonNode data = request.get("data");
    if (data == null || !data.isObject()) {
      // the SDK's own type check: errCode -1, its type names, and the trailing semicolon
      throw CloudError.of("parameter.data should be object instead of " + (data == null ? "undefined"
          : data.getNodeType().name().toLowerCase(Locale.ROOT)) + ";");
    }
    size(data);
    return ((ObjectNode) data).deepCopy();
  }

  /** WeChat's field name rules: not empty, no {@code .}, not starting with {@code $} (value encodings aside). */
  private static void fieldNames(JsonNode value, String at) {
    if (value.isObject()) {
      if (value.size() == 1 && (value.has("$date") || value.has("$serverDate") || value.has("$regex"))) {
        return;
      }
      if (value.size() == 2 && value.has("$regex") && value.has("$options")) {
        return;
      }
      value.fields().forEachRemaining(e -> {
        String k = e.getKey();
        if (k.isEmpty() || k.startsWith("$") || k.contains(".")) {
          throw CloudError.invalid("field name " + (at.isEmpty() ? "" : at + " > ") + "'" + k
              + "' is not allowed (empty, starting with $ or containing .)");
        }
        fieldNames(e.getValue(), at.isEmpty() ? k : at + "." + k);
      });
    } else if (value.isArray()) {
      value.forEach(v -> fieldNames(v, at));
    }
  }

  private void size(JsonNode data) {
    try {
      if (json.writeValueAsBytes(data).length > MAX_DOCUMENT_BYTES) {
        throw CloudError.invalid("document size exceeds the 16 MB limit");
      }
    } catch (JsonProcessingException e) {
      throw CloudError.invalid("data cannot be stored");
    }
  }

  private ObjectNode queryOf(JsonNode where, boolean server) {
    if (where == null || !where.isObject()) {
      return json.createObjectNode();
    }
    return server ? (ObjectNode) where.deepCopy() : (ObjectNode) withOpenid(where.deepCopy());
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
