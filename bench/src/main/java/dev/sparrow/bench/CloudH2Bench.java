package dev.sparrow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.apis.cloud.CloudDatabase;
import dev.sparrow.apis.cloud.JsonLinesDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The store choice of issue 21, measured: the cloud database's workload in Sparrow's embedded engine
 * ({@link JsonLinesDatabase}) and in H2 (an embedded SQL database, file mode) with one JSON column per document,
 * side by side in one run: load 10,000 documents, add one, get by {@code _id}, {@code where} on a field (H2 without
 * an index: the condition reads the JSON column of every row; with one: generated columns extracted from the JSON
 * and a B-tree index on them), count, update by {@code _id}, and an array-membership query (Mongo's
 * {@code tags: 't3'}), which H2's SQL cannot say over a JSON array (here: a Java function, as an adapter would
 * need). H2 is in the bench module only. Usage: {@code bench/run CloudH2Bench [rounds]}.
 */
public final class CloudH2Bench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PLAIN = "CREATE TABLE %s(id VARCHAR(64) PRIMARY KEY, doc JSON NOT NULL)";
  /** The indexed table: the queried fields copied out of the JSON by H2 itself, typed, and indexed. */
  private static final String INDEXED = "CREATE TABLE big_idx(id VARCHAR(64) PRIMARY KEY, doc JSON NOT NULL,"
      + " n BIGINT GENERATED ALWAYS AS (CAST(CAST((doc).\"n\" AS VARCHAR) AS BIGINT)),"
      + " city JSON GENERATED ALWAYS AS ((doc).\"city\"),"
      + " score DOUBLE PRECISION GENERATED ALWAYS AS (CAST(CAST((doc).\"score\" AS VARCHAR) AS DOUBLE PRECISION)))";

  private CloudH2Bench() {}

  /** One table row: a step's median in each store (NaN: not measured there). */
  private record Row(String what, double embedded, double h2, double h2Indexed) {}

  public static void main(String[] args) throws IOException, SQLException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Path root = Files.createTempDirectory("cloud-h2-bench");
    List<ObjectNode> docs = seed();
    JsonLinesDatabase engine = new JsonLinesDatabase(root.resolve("embedded"), System::currentTimeMillis,
        new Random(1));
    List<Row> rows = new ArrayList<>();
    // OPTIMIZE_REUSE_RESULTS off: H2 would otherwise answer a repeated query from its last result
    try (Connection h2 = DriverManager.getConnection("jdbc:h2:file:" + root.resolve("h2/cloud")
        + ";OPTIMIZE_REUSE_RESULTS=FALSE")) {
      try (Statement s = h2.createStatement()) {
        s.execute(String.format(PLAIN, "big"));
        s.execute(String.format(PLAIN, "trip"));
        s.execute(INDEXED);
        s.execute("CREATE INDEX big_idx_n ON big_idx(n)");
        s.execute("CREATE INDEX big_idx_city_score ON big_idx(city, score)");
        s.execute("CREATE ALIAS JSON_ARRAY_HAS FOR \"" + CloudH2Bench.class.getName() + ".arrayHas\"");
      }
      rows.add(new Row("load 10,000 documents (one batch; embedded: one atomic file write)",
          once(() -> engine.addAll("big", docs, false)),
          once(() -> load(h2, "INSERT INTO big(id, doc) VALUES (?, ? FORMAT JSON)", docs)),
          once(() -> load(h2, "INSERT INTO big_idx(id, doc) VALUES (?, ? FORMAT JSON)", docs))));

      PreparedStatement insert = h2.prepareStatement("INSERT INTO trip(id, doc) VALUES (?, ? FORMAT JSON)");
      rows.add(new Row("add one document (embedded: append + fsync; H2: autocommit)",
          Rounds.time("embedded add", 20, rounds, i -> engine.add("trip", note(i))),
          Rounds.time("H2 add", 20, rounds, i -> {
            ObjectNode d = note(i);
            insert.setString(1, "h" + (i + 100));
            insert.setString(2, JSON.writeValueAsString(d));
            insert.executeUpdate();
          }), Double.NaN));
      PreparedStatement durable = h2.prepareStatement("INSERT INTO trip(id, doc) VALUES (?, ? FORMAT JSON)");
      rows.add(new Row("add one document, H2 made durable as the embedded add is (CHECKPOINT SYNC after it)",
          Double.NaN, Rounds.time("H2 add + CHECKPOINT SYNC", 20, rounds, i -> {
            ObjectNode d = note(i);
            durable.setString(1, "d" + (i + 100));
            durable.setString(2, JSON.writeValueAsString(d));
            durable.executeUpdate();
            try (Statement sync = h2.createStatement()) {
              sync.execute("CHECKPOINT SYNC");
            }
          }), Double.NaN));

      PreparedStatement byId = h2.prepareStatement("SELECT doc FROM big WHERE id = ?");
      rows.add(new Row("get by _id (parsed to a document)",
          Rounds.time("embedded get", 20, rounds,
              i -> engine.get("big", id(Math.floorMod(i * 37, 10_000))).orElseThrow()),
          Rounds.time("H2 get", 20, rounds, i -> {
            byId.setString(1, id(Math.floorMod(i * 37, 10_000)));
            one(byId);
          }), Double.NaN));

      ObjectNode eq = (ObjectNode) JSON.readTree("{\"n\":4321}");
      PreparedStatement eqScan = h2.prepareStatement("SELECT doc FROM big WHERE (doc).\"n\" = JSON '4321'");
      PreparedStatement eqIdx = h2.prepareStatement("SELECT doc FROM big_idx WHERE n = 4321");
      rows.add(new Row("where({n: 4321}): one of 10,000",
          Rounds.time("embedded where n", 5, rounds / 4,
              i -> check(engine.find("big", CloudDatabase.Find.where(eq)), 1)),
          Rounds.time("H2 where n, no index", 5, rounds / 4, i -> check(all(eqScan), 1)),
          Rounds.time("H2 where n, index", 20, rounds, i -> check(all(eqIdx), 1))));

      ObjectNode range = (ObjectNode) JSON.readTree("{\"city\":\"Shanghai\",\"score\":{\"$gte\":500}}");
      CloudDatabase.Find top = new CloudDatabase.Find(range, List.of(new CloudDatabase.Order("score", false)), 0, 20,
          null);
      String scoreOf = "CAST(CAST((doc).\"score\" AS VARCHAR) AS DOUBLE PRECISION)";
      PreparedStatement rangeScan = h2.prepareStatement("SELECT doc FROM big"
          + " WHERE (doc).\"city\" = JSON '\"Shanghai\"' AND " + scoreOf + " >= 500"
          + " ORDER BY " + scoreOf + " DESC LIMIT 20");
      PreparedStatement rangeIdx = h2.prepareStatement("SELECT doc FROM big_idx WHERE city = JSON '\"Shanghai\"'"
          + " AND score >= 500 ORDER BY score DESC LIMIT 20");
      rows.add(new Row("where({city, score: gte(500)}).orderBy(score desc).limit(20)",
          Rounds.time("embedded where range", 5, rounds / 4, i -> check(engine.find("big", top), 20)),
          Rounds.time("H2 where range, no index", 5, rounds / 4, i -> check(all(rangeScan), 20)),
          Rounds.time("H2 where range, index", 20, rounds, i -> check(all(rangeIdx), 20))));

      ObjectNode city = (ObjectNode) JSON.readTree("{\"city\":\"Shanghai\"}");
      long expected = engine.count("big", city);
      PreparedStatement countScan = h2.prepareStatement(
          "SELECT COUNT(*) FROM big WHERE (doc).\"city\" = JSON '\"Shanghai\"'");
      PreparedStatement countIdx = h2.prepareStatement("SELECT COUNT(*) FROM big_idx WHERE city = JSON '\"Shanghai\"'");
      rows.add(new Row("count({city: 'Shanghai'}) (about a quarter)",
          Rounds.time("embedded count", 5, rounds / 4, i -> engine.count("big", city)),
          Rounds.time("H2 count, no index", 5, rounds / 4, i -> checkCount(countScan, expected)),
          Rounds.time("H2 count, index", 5, rounds / 4, i -> checkCount(countIdx, expected))));

      ObjectNode tags = (ObjectNode) JSON.readTree("{\"tags\":\"t3\"}");
      PreparedStatement tagScan = h2.prepareStatement(
          "SELECT doc FROM big WHERE JSON_ARRAY_HAS(CAST(doc AS VARCHAR), 'tags', 't3') LIMIT 20");
      rows.add(new Row("where({tags: 't3'}).limit(20) (array membership; H2: a Java function)",
          Rounds.time("embedded where tags", 5, rounds / 4,
              i -> check(engine.find("big", new CloudDatabase.Find(tags, List.of(), 0, 20, null)), 20)),
          Rounds.time("H2 where tags (JSON_ARRAY_HAS)", 5, rounds / 4, i -> check(all(tagScan), 20)), Double.NaN));

      ObjectNode inc = (ObjectNode) JSON.readTree("{\"n\":{\"$inc\":1}}");
      PreparedStatement read = h2.prepareStatement("SELECT doc FROM big WHERE id = ? FOR UPDATE");
      PreparedStatement write = h2.prepareStatement("UPDATE big SET doc = ? FORMAT JSON WHERE id = ?");
      rows.add(new Row("doc(id).update({n: _.inc(1)}) (embedded: appends one line, fsync)",
          Rounds.time("embedded update", 5, rounds / 4, i -> {
            ObjectNode where = JSON.createObjectNode().put("_id", id(Math.floorMod(i * 53, 10_000)));
            check(engine.update("big", where, inc), 1);
          }),
          Rounds.time("H2 update (read, change, write in one transaction)", 20, rounds,
              i -> increment(h2, read, write, id(Math.floorMod(i * 53, 10_000)))), Double.NaN));
      rows.add(new Row("the same update, H2 made durable (CHECKPOINT SYNC after it)", Double.NaN,
          Rounds.time("H2 update + CHECKPOINT SYNC", 20, rounds, i -> {
            increment(h2, read, write, id(Math.floorMod(i * 59, 10_000)));
            try (Statement sync = h2.createStatement()) {
              sync.execute("CHECKPOINT SYNC");
            }
          }), Double.NaN));
    }
    System.out.printf("%n| what | embedded engine | H2, JSON column | H2, generated columns + index |%n"
        + "|---|---|---|---|%n");
    for (Row r : rows) {
      System.out.printf("| %s | %s | %s | %s |%n", r.what(), ms(r.embedded()), ms(r.h2()), ms(r.h2Indexed()));
    }
  }

  /** Whether the JSON array at {@code field} of {@code doc} holds the string {@code value} (H2's SQL has no way). */
  public static boolean arrayHas(String doc, String field, String value) throws IOException {
    JsonNode array = JSON.readTree(doc).path(field);
    for (JsonNode v : array) {
      if (v.isTextual() && v.textValue().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private interface Action {
    void run() throws Exception;
  }

  private static double once(Action a) {
    long t0 = System.nanoTime();
    try {
      a.run();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return (System.nanoTime() - t0) / 1e6;
  }

  private static void load(Connection h2, String sql, List<ObjectNode> docs) throws SQLException, IOException {
    h2.setAutoCommit(false);
    try (PreparedStatement p = h2.prepareStatement(sql)) {
      for (ObjectNode d : docs) {
        p.setString(1, d.get("_id").textValue());
        p.setString(2, JSON.writeValueAsString(d));
        p.addBatch();
      }
      p.executeBatch();
    }
    h2.commit();
    h2.setAutoCommit(true);
  }

  /** The update the H2 rows time: {@code n} of document {@code id} plus one, read and written in one transaction. */
  private static void increment(Connection h2, PreparedStatement read, PreparedStatement write, String id)
      throws SQLException, IOException {
    h2.setAutoCommit(false);
    read.setString(1, id);
    ObjectNode d = one(read);
    d.put("n", d.get("n").asLong() + 1);
    write.setString(1, JSON.writeValueAsString(d));
    write.setString(2, id);
    write.executeUpdate();
    h2.commit();
    h2.setAutoCommit(true);
  }

  private static ObjectNode one(PreparedStatement p) throws SQLException, IOException {
    try (ResultSet r = p.executeQuery()) {
      if (!r.next()) {
        throw new IllegalStateException("no row");
      }
      return (ObjectNode) JSON.readTree(r.getBytes(1));
    }
  }

  private static List<ObjectNode> all(PreparedStatement p) throws SQLException, IOException {
    List<ObjectNode> out = new ArrayList<>();
    try (ResultSet r = p.executeQuery()) {
      while (r.next()) {
        out.add((ObjectNode) JSON.readTree(r.getBytes(1)));
      }
    }
    return out;
  }

  private static void check(List<?> hits, int size) {
    check(hits.size(), size);
  }

  private static void check(int got, int expected) {
    if (got != expected) {
      throw new IllegalStateException("expected " + expected + ", got " + got);
    }
  }

  private static void checkCount(PreparedStatement p, long expected) throws SQLException {
    try (ResultSet r = p.executeQuery()) {
      r.next();
      if (r.getLong(1) != expected) {
        throw new IllegalStateException("count " + r.getLong(1) + ", expected " + expected);
      }
    }
  }

  private static String ms(double v) {
    return Double.isNaN(v) ? "" : String.format("%.2f ms", v);
  }

  private static String id(int n) {
    return String.format("%032x", n);
  }

  private static ObjectNode note(int i) {
    return JSON.createObjectNode().put("_id", "h" + (i + 100)).put("i", i).put("text", "note " + i);
  }

  /** CloudBench's collection: 10,000 documents, {@code city} of 4, {@code score} 0–999, two {@code tags} of 10. */
  private static List<ObjectNode> seed() {
    Random r = new Random(7);
    List<ObjectNode> docs = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      ObjectNode d = JSON.createObjectNode().put("_id", id(i)).put("n", i)
          .put("city", List.of("Beijing", "Shanghai", "Shenzhen", "Guangzhou").get(r.nextInt(4)))
          .put("score", r.nextInt(1000));
      d.putArray("tags").add("t" + r.nextInt(10)).add("t" + r.nextInt(10));
      docs.add(d);
    }
    return docs;
  }
}
