package dev.sparrow.apis.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.result.UpdateResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * One cloud environment as a MongoDB database (the engine WeChat's cloud database mirrors): the emulator's wire
 * form is translated by {@link MongoWire} into MongoDB filters and update operators and run by the server, so
 * every runner that names the same server sees the same documents. {@code _id}s are WeChat's 32-hex strings
 * made here as {@link JsonLinesDatabase} makes them; {@code {$serverDate}} is stamped with the handed-in clock.
 * An update that fails on one document of several may leave the others updated (MongoDB's updateMany is not
 * atomic), unlike the embedded engine. Server errors become {@link CloudError}s; an unreachable server an
 * {@link UncheckedIOException} ("database storage error" to the page).
 */
public final class MongoCloudDatabase implements CloudDatabase {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");
  private static final HexFormat HEX = HexFormat.of();

  private final MongoDatabase database;
  private final LongSupplier clock;
  private final Random random;
  private final MongoWire wire;

  /** The environment stored in {@code database}; ids drawn from {@code random}, server dates from the clock. */
  public MongoCloudDatabase(MongoDatabase database, LongSupplier epochMillis, Random random) {
    this.database = database;
    this.clock = epochMillis;
    this.random = random;
    this.wire = new MongoWire(epochMillis);
  }

  @Override
  public String add(String collection, ObjectNode doc) {
    MongoCollection<BsonDocument> c = open(collection);
    BsonDocument given = wire.document(doc);
    String id = idOf(given.remove("_id"));
    BsonDocument stored = new BsonDocument("_id", new BsonString(id));
    stored.putAll(given);
    try {
      c.insertOne(stored);
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        throw duplicate(e.getError().getMessage(), id);
      }
      throw failure(e);
    } catch (MongoException e) {
      throw failure(e);
    }
    return id;
  }

  /** The id a document is stored under: the one it gives (a non-empty string), or a new one. */
  private String idOf(BsonValue given) {
    if (given == null || given.isNull()) {
      return newId();
    }
    if (given.isString() && !given.asString().getValue().isEmpty()) {
      return given.asString().getValue();
    }
    throw CloudError.invalid("_id must be a non-empty string");
  }

  @Override
  public int addAll(String collection, List<ObjectNode> docs, boolean replace) {
    MongoCollection<BsonDocument> c = open(collection);
    List<WriteModel<BsonDocument>> writes = new ArrayList<>(docs.size());
    List<String> ids = new ArrayList<>(docs.size());
    for (ObjectNode doc : docs) {
      BsonDocument given = wire.document(doc);
      BsonValue givenId = given.remove("_id");
      String id = idOf(givenId);
      BsonDocument stored = new BsonDocument("_id", new BsonString(id));
      stored.putAll(given);
      ids.add(id);
      writes.add(replace && givenId != null
          ? new ReplaceOneModel<>(byId(id), stored, new ReplaceOptions().upsert(true))
          : new InsertOneModel<>(stored));
    }
    if (writes.isEmpty()) {
      return 0;
    }
    try {
      c.bulkWrite(writes);
    } catch (MongoBulkWriteException e) {
      BulkWriteError first = e.getWriteErrors().get(0);
      if (ErrorCategory.fromErrorCode(first.getCode()) == ErrorCategory.DUPLICATE_KEY) {
        throw duplicate(first.getMessage(), ids.get(first.getIndex()));
      }
      throw CloudError.invalid(first.getMessage());
    } catch (MongoException e) {
      throw failure(e);
    }
    return docs.size();
  }

  @Override
  public Optional<ObjectNode> get(String collection, String id) {
    MongoCollection<BsonDocument> c = open(collection);
    BsonDocument d = run(() -> c.find(byId(id)).first());
    return d == null ? Optional.empty() : Optional.of(wire.json(d));
  }

  @Override
  public boolean set(String collection, String id, ObjectNode doc) {
    MongoCollection<BsonDocument> c = open(collection);
    BsonDocument given = wire.document(doc);
    BsonValue givenId = given.remove("_id");
    if (givenId != null && !(givenId.isString() && givenId.asString().getValue().equals(id))) {
      throw CloudError.invalid(CloudError.CANNOT_UPDATE_ID);
    }
    BsonDocument stored = new BsonDocument("_id", new BsonString(id));
    stored.putAll(given);
    UpdateResult r = run(() -> c.replaceOne(byId(id), stored, new ReplaceOptions().upsert(true)));
    return r.getUpsertedId() != null;
  }

  @Override
  public int update(String collection, ObjectNode where, ObjectNode update) {
    MongoCollection<BsonDocument> c = open(collection);
    BsonDocument filter = wire.query(where);
    BsonDocument operators = wire.update(update);
    if (operators.isEmpty()) {
      return (int) (long) run(() -> c.countDocuments(filter));
    }
    return (int) run(() -> c.updateMany(filter, operators)).getMatchedCount();
  }

  @Override
  public int remove(String collection, ObjectNode where) {
    MongoCollection<BsonDocument> c = open(collection);
    BsonDocument filter = wire.query(where);
    return (int) run(() -> c.deleteMany(filter)).getDeletedCount();
  }

  @Override
  public List<ObjectNode> find(String collection, Find find) {
    MongoCollection<BsonDocument> c = open(collection);
    BsonDocument filter = wire.query(find.where());
    BsonDocument sort = new BsonDocument();
    for (Order o : find.orderBy()) {
      sort.put(o.field(), new BsonInt32(o.ascending() ? 1 : -1));
    }
    BsonDocument projection = find.projection() == null || find.projection().isEmpty() ? null
        : wire.projection(find.projection());
    indexNear(c, filter);
    List<BsonDocument> docs = run(() -> c.find(filter).sort(sort).skip(Math.max(0, find.skip()))
        .limit(Math.max(0, find.limit())).projection(projection).into(new ArrayList<>()));
    List<ObjectNode> out = new ArrayList<>(docs.size());
    docs.forEach(d -> out.add(wire.json(d)));
    return out;
  }

  @Override
  public long count(String collection, ObjectNode where) {
    MongoCollection<BsonDocument> c = open(collection);
    BsonDocument filter = wire.query(where);
    if (indexNear(c, filter)) { // countDocuments' $match refuses $nearSphere: count what a find answers
      return run(() -> c.find(filter).projection(new BsonDocument("_id", new BsonInt32(1)))
          .into(new ArrayList<>()).size());
    }
    return run(() -> c.countDocuments(filter));
  }

  /**
   * MongoDB answers {@code $nearSphere} only over a {@code 2dsphere} index; the emulator needs none (WeChat asks the
   * developer to make one in the console), so one is made on each path a near query names. True when there was one.
   */
  private boolean indexNear(MongoCollection<BsonDocument> c, BsonDocument filter) {
    List<String> paths = new ArrayList<>();
    nearPaths(filter, paths);
    for (String path : paths) {
      run(() -> c.createIndex(new BsonDocument(path, new BsonString("2dsphere"))));
    }
    return !paths.isEmpty();
  }

  private static void nearPaths(BsonDocument filter, List<String> out) {
    filter.forEach((key, v) -> {
      if (key.equals("$and") && v.isArray()) {
        v.asArray().forEach(part -> {
          if (part.isDocument()) {
            nearPaths(part.asDocument(), out);
          }
        });
      } else if (v.isDocument() && v.asDocument().containsKey("$nearSphere")) {
        out.add(key);
      }
    });
  }

  /** Creates {@code index} in the server (MongoDB keeps it current and enforces {@code unique}). */
  @Override
  public void createIndex(String collection, CloudIndex index) {
    MongoCollection<BsonDocument> c = open(collection);
    BsonDocument keys = new BsonDocument();
    index.keys().forEach(k -> keys.put(k.field(), new BsonInt32(k.ascending() ? 1 : -1)));
    run(() -> c.createIndex(keys, new IndexOptions().name(index.name()).unique(index.unique())));
  }

  /** The server's ascending/descending indexes on {@code collection} ({@code _id_} and geo indexes left out). */
  @Override
  public List<CloudIndex> indexes(String collection) {
    MongoCollection<BsonDocument> c = open(collection);
    List<CloudIndex> out = new ArrayList<>();
    if (!hasCollection(collection)) { // a real server refuses listIndexes on a missing collection
      return out;
    }
    for (BsonDocument spec : run(() -> c.listIndexes(BsonDocument.class).into(new ArrayList<>()))) {
      List<CloudIndex.Key> keys = new ArrayList<>();
      spec.getDocument("key", new BsonDocument()).forEach((field, direction) -> {
        if (direction.isNumber()) {
          keys.add(new CloudIndex.Key(field, direction.asNumber().intValue() >= 0));
        }
      });
      String name = spec.getString("name", new BsonString("")).getValue();
      if (!name.equals("_id_") && !keys.isEmpty() && keys.size() == spec.getDocument("key").size()) {
        out.add(new CloudIndex(name, keys, spec.getBoolean("unique", BsonBoolean.FALSE).getValue()));
      }
    }
    return out;
  }

  @Override
  public boolean hasCollection(String collection) {
    open(collection); // the name rules
    return collections().contains(collection);
  }

  @Override
  public void createCollection(String collection) {
    open(collection);
    if (!hasCollection(collection)) {
      run(() -> {
        database.createCollection(collection);
        return null;
      });
    }
  }

  @Override
  public List<String> collections() {
    List<String> names = run(() -> database.listCollectionNames().into(new ArrayList<>()));
    names.removeIf(n -> n.startsWith("system."));
    names.sort(null);
    return names;
  }

  private MongoCollection<BsonDocument> open(String collection) {
    if (collection == null || !NAME.matcher(collection).matches()) {
      throw CloudError.invalid("collection name " + collection);
    }
    return database.getCollection(collection, BsonDocument.class);
  }

  private static BsonDocument byId(String id) {
    return new BsonDocument("_id", new BsonString(id));
  }

  private String newId() {
    byte[] tail = new byte[12];
    random.nextBytes(tail);
    long seconds = clock.getAsLong() / 1000;
    return String.format("%08x", seconds & 0xffffffffL) + HEX.formatHex(tail);
  }

  /** Runs one server call: its refusals become {@link CloudError}s, a lost server an I/O failure. */
  private static <T> T run(Supplier<T> call) {
    try {
      return call.get();
    } catch (MongoException e) {
      throw failure(e);
    }
  }

  /** A duplicate key: on {@code _id} the emulator's own text, on a declared unique index WeChat's -502001. */
  private static CloudError duplicate(String serverText, String id) {
    if (serverText.contains("index: _id_ ")) {
      return CloudError.of("duplicate key error: _id " + id + " already exists");
    }
    int e11000 = serverText.indexOf("E11000");
    return CloudError.duplicateKey(e11000 < 0 ? serverText : serverText.substring(e11000));
  }

  private static RuntimeException failure(MongoException e) {
    if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY
        || e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
      String text = e instanceof MongoWriteException w ? w.getError().getMessage() : e.getMessage();
      return duplicate(text, "");
    }
    if (e instanceof MongoWriteException w) {
      return CloudError.invalid(w.getError().getMessage());
    }
    if (e instanceof MongoServerException) {
      return CloudError.invalid(e.getMessage());
    }
    return new UncheckedIOException(new IOException("MongoDB: " + e.getMessage(), e));
  }

}
