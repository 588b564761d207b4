package dev.sparrow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.apis.cloud.CloudPermission;
import dev.sparrow.apis.cloud.JsonLinesDatabase;
import dev.sparrow.runtime.Examples;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * The cloud database emulator (issue 21): {@code add} + {@code doc().get()} round trip from page JS on a fresh
 * collection, and a {@code where} query over a 10,000-document collection (seeded as a JSON-lines file, the
 * console's import format) from page JS and in the engine alone ({@link CloudWhere}), without and with indexes.
 * Usage: {@code bench/run CloudBench [rounds]}.
 */
public final class CloudBench {
  private CloudBench() {}

  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Path root = Files.createTempDirectory("cloud-bench");
    SessionOptions options = SessionOptions.of(Examples.path("cloud-notes")).dataDir(root).cloudAutoCreate(true)
        .cloudCollection("big", CloudPermission.READONLY); // all read: the seeded documents have no _openid
    Path env = root.resolve("wxsparrowcloud01/cloud/notes-dev");
    Files.createDirectories(env);
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
    Files.writeString(env.resolve("big.jsonl"), lines, StandardCharsets.UTF_8);
    try (Session s = Sparrow.launch(options).awaitIdle()) {
      String addGet = "async function (i) { const c = wx.cloud.database().collection('trip');"
          + " const a = await c.add({ data: { i: i, text: 'note ' + i } });"
          + " return (await c.doc(a._id).get()).data.i }";
      String where = "async function () { const db = wx.cloud.database(); const _ = db.command;"
          + " return (await db.collection('big').where({ city: 'Shanghai', score: _.gte(500), tags: 't3' })"
          + ".orderBy('score', 'desc').limit(20).get()).data.length }";
      Rounds.time("add + doc().get() round trip from page JS (collection growing to " + (rounds + 20) + ")", 20,
          rounds, i -> s.evaluate(addGet, i));
      Rounds.time("where + orderBy + limit(20) over 10,000 documents from page JS", 5, rounds / 4,
          i -> s.evaluate(where));
      String aggregate = "async function () { const db = wx.cloud.database(); const $ = db.command.aggregate;"
          + " return (await db.collection('big').aggregate().group({ _id: '$city', n: $.sum(1), avg: $.avg('$score') })"
          + ".sort({ n: -1 }).end()).list.length }";
      Rounds.time("aggregate group by city (sum, avg) + sort over 10,000 documents from page JS", 5, rounds / 4,
          i -> s.evaluate(aggregate));
      String addBig = "async function (i) { return (await wx.cloud.database().collection('big')"
          + ".add({ data: { n: 20000 + i, city: 'Lhasa', score: 1, tags: [] } }))._id }";
      Rounds.time("add to the 10,000-document collection, no watch", 5, rounds / 4, i -> s.evaluate(addBig, i));
      // the page may write only its own documents (READONLY): one it added, among the 10,000 seeded ones
      Object own = s.evaluate(addBig, 999_999);
      String updateBig = "async function (id) { const db = wx.cloud.database();"
          + " return (await db.collection('big').doc(id).update({ data: { score: db.command.inc(1) } }))"
          + ".stats.updated }";
      Rounds.time("doc(id).update({score: _.inc(1)}) in the 10,000-document collection from page JS", 5, rounds / 4,
          i -> s.evaluate(updateBig, own));
      s.evaluate("function () { const db = wx.cloud.database(); const _ = db.command;"
          + " globalThis.benchWatch = db.collection('big').where({ city: 'Lhasa' }).orderBy('n', 'desc').limit(10)"
          + ".watch({ onChange: () => {}, onError: () => {} }) }");
      s.awaitIdle();
      Rounds.time("the same add with a watch open on the collection (it queries again after each write)", 5,
          rounds / 4, i -> s.evaluate(addBig, 1000 + i));
      Rounds.time("empty evaluate round trip (included above)", 20, rounds,
          i -> s.evaluate("function () { return 1 }"));
      String byN = "async function (i) { return (await wx.cloud.database().collection('big')"
          + ".where({ n: 4242 }).get()).data.length }";
      Rounds.time("where({n: 4242}) over 10,000 documents from page JS, no index", 5, rounds / 4,
          i -> s.evaluate(byN));
      // as cloud/database.json would declare them (the store is the session's; the page code is unchanged)
      CloudWhere.INDEXES.forEach(index -> s.cloudDatabase("notes-dev").createIndex("big", index));
      Rounds.time("where + orderBy + limit(20) over 10,000 documents from page JS, with indexes", 5, rounds / 4,
          i -> s.evaluate(where));
      Rounds.time("where({n: 4242}) over 10,000 documents from page JS, with indexes", 5, rounds / 4,
          i -> s.evaluate(byN));
    }
    // two instances over the same files (read only from here), one given the indexes
    CloudWhere.time("embedded engine alone", new JsonLinesDatabase(env, System::currentTimeMillis, new Random(1)),
        new JsonLinesDatabase(env, System::currentTimeMillis, new Random(1)), rounds / 4);
  }
}
