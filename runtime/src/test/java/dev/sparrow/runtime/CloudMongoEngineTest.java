package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.sparrow.apis.cloud.MongoCloudEngine;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code SessionOptions.cloudEngine} with a {@link MongoCloudEngine}: two sessions with their own data dirs (two
 * CI runners) share one cloud environment through a MongoDB server (mongo-java-server on 127.0.0.1), and nothing
 * of it is written under the data dirs; the same page script answers the same on both engines.
 */
class CloudMongoEngineTest {
  @TempDir
  Path runnerA;
  @TempDir
  Path runnerB;
  private MongoServer server;
  private MongoCloudEngine engine;

  @BeforeEach
  void start() {
    server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", 0);
    int port = server.getLocalAddress().getPort();
    engine = MongoCloudEngine.connect("mongodb://127.0.0.1:" + port + "/ci7", System::currentTimeMillis,
        new SecureRandom());
  }

  @AfterEach
  void stop() {
    engine.close();
    server.shutdownNow();
  }

  private Session launch(Path dataDir) {
    return Sparrow.launch(options(dataDir).cloudEngine(engine)).awaitIdle();
  }

  /** cloud-notes as Alice; collections it does not declare spring into being (the script's {@code diff}). */
  private static SessionOptions options(Path dataDir) {
    return SessionOptions.of(Examples.path("cloud-notes")).dataDir(dataDir).virtualClock()
        .cloudOpenid("oUserAlice000000000000000001").cloudAutoCreate(true);
  }

  /**
   * Page-side calls (queries, updates, errors) whose answers carry no random id; keys sorted (mongo-java-server
   * keeps a replaced document's old key order, a real server the new one's).
   */
  private static final String SCRIPT = "async function () {"
      + " const db = wx.cloud.database(); const _ = db.command; const c = db.collection('diff'); const out = [];"
      + " const canon = v => Array.isArray(v) ? v.map(canon) : v && typeof v === 'object' && !(v instanceof Date)"
      + "   ? Object.keys(v).sort().reduce((o, k) => { o[k] = canon(v[k]); return o }, {}) : v;"
      + " const msg = p => p.then(r => JSON.stringify(canon(r)), e => e.errCode + ' '"
      + "   + e.errMsg.replace(/invalid parameters\\..*/, 'invalid parameters.'));"
      + " for (let i = 0; i < 12; i++) await c.add({ data: { _id: 'd' + i, n: i, g: i % 3,"
      + "   tags: i % 2 ? ['odd'] : ['even', 'x'], at: new Date(1000 * i), o: { k: i % 4 } } });"
      + " out.push(await msg(c.where({ n: _.gt(3).and(_.lte(8)), g: _.neq(1) }).orderBy('n', 'desc').get()));"
      + " out.push(await msg(c.where(_.or([{ tags: 'odd', g: 0 }, { 'o.k': 3 }])).orderBy('n', 'asc')"
      + "   .field({ n: true }).get()));"
      + " out.push(await msg(c.where({ tags: _.all(['even', 'x']), at: _.lt(new Date(5000)) }).count()));"
      + " out.push(await msg(c.where({ n: _.nin([1, 2, 3]), o: { k: _.in([0, 2]) } })"
      + "   .orderBy('g', 'desc').orderBy('n', 'asc').skip(1).limit(3).get()));"
      + " out.push(await msg(c.where({ n: _.exists(true), tags: _.size(1), at: _.gte(new Date(9000)) }).get()));"
      + " out.push(await msg(c.doc('d1').update({ data: { n: _.inc(10), tags: _.push(['p']), o: { k: _.mul(5) },"
      + "   gone: _.remove() } })));"
      + " out.push(await msg(c.doc('d1').get()));"
      + " out.push(await msg(c.doc('d2').set({ data: { only: true } })));"
      + " out.push(await msg(c.doc('d2').get()));"
      + " out.push(await msg(c.where({ g: 2 }).update({ data: { tags: _.addToSet('even'), flag: true } })));"
      + " out.push(await msg(c.where({ flag: true }).orderBy('n', 'asc').get()));"
      + " out.push(await msg(c.where({ tags: _.elemMatch(_.eq('p')) }).remove()));"
      + " out.push(await msg(c.count()));"
      + " out.push(await msg(c.doc('nope').get()));"
      + " out.push(await msg(c.add({ data: { _id: 'd0' } })));"
      + " out.push(await msg(c.doc('d0').update({ data: { tags: _.inc(1) } })));"
      + " out.push(await msg(c.where({ s: db.RegExp({ regexp: '(' }) }).get()));"
      + " return out }";

  @Test
  @SuppressWarnings("unchecked")
  void thePageSeesTheSameAnswersOnBothEngines() {
    Object embedded;
    try (Session s = Sparrow.launch(options(runnerA)).awaitIdle()) {
      embedded = s.evaluate(SCRIPT);
      assertThat(s.errors()).isEmpty();
    }
    try (Session s = launch(runnerB)) {
      assertThat(s.evaluate(SCRIPT)).isEqualTo(embedded);
      assertThat(s.errors()).isEmpty();
    }
    assertThat((List<Object>) embedded).hasSize(17).contains("-1 document.get:fail document with _id nope does not exist",
        "-1 collection.add:fail duplicate key error: _id d0 already exists",
        "-501007 document.update:fail -501007 invalid parameters.");
  }

  private static List<String> notes(Session s) {
    return s.currentPage().selectAll(".note").stream().map(PageElement::text).toList();
  }

  @Test
  void twoRunnersWithTheirOwnDataDirsShareOneEnvironment() {
    Path appDir;
    try (Session a = launch(runnerA)) {
      appDir = a.dataDir();
      a.currentPage().selectAll("#add-milk").get(0).tap();
      a.awaitIdle();
      assertThat(notes(a)).containsExactly("buy milk");
      assertThat(a.cloudEnvironments()).containsExactly("notes-dev");
      assertThat(a.cloudDatabase("notes-dev").collections()).containsExactly("board", "counters", "notes"); // all declared
      assertThat(a.errors()).isEmpty();
    }
    try (Session b = launch(runnerB)) {
      assertThat(notes(b)).containsExactly("buy milk");
      assertThat(b.errors()).isEmpty();
    }
    assertThat(engine.databaseName("notes-dev")).isEqualTo("ci7_notes-dev");
    assertThat(appDir.resolve("cloud")).doesNotExist();
  }
}
