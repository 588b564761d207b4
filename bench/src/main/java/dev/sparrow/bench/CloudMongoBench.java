package dev.sparrow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.sparrow.apis.cloud.CloudDatabase;
import dev.sparrow.apis.cloud.CloudJsonLines;
import dev.sparrow.apis.cloud.CloudPermission;
import dev.sparrow.apis.cloud.JsonLinesDatabase;
import dev.sparrow.apis.cloud.MongoCloudEngine;
import dev.sparrow.runtime.Examples;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;

/**
 * {@link CloudBench}'s measures with the MongoDB adapter: the same 10,000 documents imported through
 * {@link CloudJsonLines} into a {@link MongoCloudEngine} over mongo-java-server's in-memory backend on 127.0.0.1
 * (the tests' server, not a real mongod: the numbers show the adapter's and the wire's cost, not MongoDB's).
 * A MongoDB URI as the second argument measures that server instead. Also times the import of those documents
 * into both engines, and {@link CloudWhere}'s queries without and with indexes (created in the server). Usage:
 * {@code bench/run CloudMongoBench [rounds] [mongodb://…]}.
 */
public final class CloudMongoBench {
  private CloudMongoBench() {}

  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    MongoServer server = null;
    String uri;
    if (args.length > 1) {
      uri = args[1];
    } else {
      server = new MongoServer(new MemoryBackend());
      server.bind("127.0.0.1", 0);
      uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/bench";
    }
    Path root = Files.createTempDirectory("cloud-mongo-bench");
    try (MongoCloudEngine engine = MongoCloudEngine.connect(uri, System::currentTimeMillis, new SecureRandom())) {
      CloudDatabase db = engine.open("wxsparrowcloud01", "notes-dev");
      db.remove("big", new ObjectMapper().createObjectNode());
      db.remove("trip", new ObjectMapper().createObjectNode());
      String seed = seed();
      long t0 = System.nanoTime();
      new CloudJsonLines(db).importFrom("big", new StringReader(seed), CloudJsonLines.Mode.INSERT);
      System.out.printf("import of 10,000 documents (CloudJsonLines, insert): MongoDB adapter %d ms",
          (System.nanoTime() - t0) / 1_000_000);
      t0 = System.nanoTime();
      new CloudJsonLines(new JsonLinesDatabase(root.resolve("import"), System::currentTimeMillis, new Random(1)))
          .importFrom("big", new StringReader(seed), CloudJsonLines.Mode.INSERT);
      System.out.printf(", embedded engine %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      // 'big' read by all: the seeded documents have no _openid
      SessionOptions options = SessionOptions.of(Examples.path("cloud-notes")).dataDir(root).cloudEngine(engine)
          .cloudAutoCreate(true).cloudCollection("big", CloudPermission.READONLY);
      try (Session s = Sparrow.launch(options).awaitIdle()) {
        String addGet = "async function (i) { const c = wx.cloud.database().collection('trip');"
            + " const a = await c.add({ data: { i: i, text: 'note ' + i } });"
            + " return (await c.doc(a._id).get()).data.i }";
        String where = "async function () { const db = wx.cloud.database(); const _ = db.command;"
            + " return (await db.collection('big').where({ city: 'Shanghai', score: _.gte(500), tags: 't3' })"
            + ".orderBy('score', 'desc').limit(20).get()).data.length }";
        Rounds.time("MongoDB adapter: add + doc().get() round trip from page JS", 20, rounds,
            i -> s.evaluate(addGet, i));
        Rounds.time("MongoDB adapter: where + orderBy + limit(20) over 10,000 documents from page JS", 5, rounds / 4,
            i -> s.evaluate(where));
      }
      CloudDatabase indexed = engine.open("wxsparrowcloud01", "notes-indexed");
      indexed.remove("big", new ObjectMapper().createObjectNode());
      new CloudJsonLines(indexed).importFrom("big", new StringReader(seed), CloudJsonLines.Mode.INSERT);
      CloudWhere.time("MongoDB adapter alone (MongoCloudDatabase.find)", db, indexed, rounds / 4);
    } finally {
      if (server != null) {
        server.shutdownNow();
      }
    }
  }

  /** CloudBench's collection: 10,000 documents, {@code city} of 4, {@code score} 0–999, two {@code tags} of 10. */
  private static String seed() throws IOException {
    ObjectMapper json = new ObjectMapper();
    StringBuilder lines = new StringBuilder();
    Random r = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      ObjectNode d = json.createObjectNode().put("_id", String.format("%032x", i)).put("n", i)
          .put("city", List.of("Beijing", "Shanghai", "Shenzhen", "Guangzhou").get(r.nextInt(4)))
          .put("score", r.nextInt(1000));
      d.putArray("tags").add("t" + r.nextInt(10)).add("t" + r.nextInt(10));
      lines.append(json.writeValueAsString(d)).append('\n');
    }
    return lines.toString();
  }
}
