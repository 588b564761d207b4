package dev.sparrow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.apis.cloud.CloudDatabase;
import dev.sparrow.apis.cloud.JsonLinesDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The embedded engine's writes and accesses at 10,000 documents, the engine alone ({@link JsonLinesDatabase}):
 * {@code update} of one document by {@code _id}, {@code set} of one, {@code remove} + {@code add} of one, an
 * update of 100 documents at once, and 1,000 {@code get}s by {@code _id} (what an access costs beyond the lookup:
 * the check for other processes' writes). Usage: {@code bench/run CloudLogBench [rounds]}.
 */
public final class CloudLogBench {
  private CloudLogBench() {}

  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Path root = Files.createTempDirectory("cloud-log-bench");
    ObjectMapper json = new ObjectMapper();
    Random r = new Random(7);
    List<ObjectNode> docs = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      ObjectNode d = json.createObjectNode().put("_id", id(i)).put("n", i)
          .put("city", List.of("Beijing", "Shanghai", "Shenzhen", "Guangzhou").get(r.nextInt(4)))
          .put("score", r.nextInt(1000));
      d.putArray("tags").add("t" + r.nextInt(10)).add("t" + r.nextInt(10));
      docs.add(d);
    }
    JsonLinesDatabase db = new JsonLinesDatabase(root, System::currentTimeMillis, new Random(1));
    db.addAll("big", docs, false);
    ObjectNode inc = json.createObjectNode();
    inc.putObject("score").put("$inc", 1);
    Rounds.time("update one of 10,000 by _id ({score: {$inc: 1}})", 5, rounds,
        i -> db.update("big", where(json, Math.floorMod(i * 37, 10_000)), inc));
    Rounds.time("set one of 10,000", 5, rounds, i -> db.set("big", id(Math.floorMod(i * 41, 10_000)),
        json.createObjectNode().put("n", i).put("city", "Lhasa")));
    Rounds.time("remove one of 10,000 and add it back", 5, rounds, i -> {
      int n = Math.floorMod(i * 43, 10_000);
      db.remove("big", where(json, n));
      db.add("big", json.createObjectNode().put("_id", id(n)).put("n", n));
    });
    ObjectNode hundred = json.createObjectNode();
    hundred.putObject("n").put("$lt", 100);
    Rounds.time("update 100 of 10,000 at once", 5, rounds / 4, i -> db.update("big", hundred, inc));
    Rounds.time("1,000 gets by _id (ms per 1,000)", 5, rounds, i -> {
      for (int k = 0; k < 1000; k++) {
        db.get("big", id(Math.floorMod(i * 1000 + k, 10_000))).orElseThrow();
      }
    });
    Rounds.time("1,000 counts of {_id} (ms per 1,000)", 5, rounds, i -> {
      for (int k = 0; k < 1000; k++) {
        db.count("big", where(json, k));
      }
    });
    System.out.printf("collection file: %d bytes for %d documents%n", Files.size(root.resolve("big.jsonl")),
        db.count("big", json.createObjectNode()));
    if ((Object) db instanceof AutoCloseable c) { // the engine before the log had no close
      long t0 = System.nanoTime();
      try {
        c.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      System.out.printf("close (compaction): %.1f ms, file %d bytes%n", (System.nanoTime() - t0) / 1e6,
          Files.size(root.resolve("big.jsonl")));
    }
    CloudDatabase.Find all = CloudDatabase.Find.where(json.createObjectNode());
    long t0 = System.nanoTime();
    int n = new JsonLinesDatabase(root, System::currentTimeMillis, new Random(2)).find("big", all).size();
    System.out.printf("reopen and read %d documents: %.1f ms%n", n, (System.nanoTime() - t0) / 1e6);
  }

  private static String id(int i) {
    return String.format("%032x", i);
  }

  private static ObjectNode where(ObjectMapper json, int i) {
    return json.createObjectNode().put("_id", id(i));
  }
}
