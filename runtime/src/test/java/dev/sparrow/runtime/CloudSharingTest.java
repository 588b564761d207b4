package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.apis.cloud.CloudPermission;
import dev.sparrow.apis.cloud.CloudStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cloud emulator between live sessions and its client rules: examples/cloud-notes run by two users at once
 * (one {@link CloudStores} registry), the shared board's realtime {@code watch} list and aggregate stats, the
 * private notes' creator-only permission, the errors WeChat gives for missing collections, refused operations,
 * bad field names and oversized documents, {@code wx.cloud.Cloud} instances, and database work kept off the loop.
 */
class CloudSharingTest {
  private static final String ALICE = "oUserAlice000000000000000001";
  private static final String BOB = "oUserBob00000000000000000002";
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  Path data;

  private SessionOptions options(String openid, CloudStores stores) {
    return SessionOptions.of(Examples.path("cloud-notes")).dataDir(data).virtualClock().cloudOpenid(openid)
        .cloudStores(stores);
  }

  private static List<String> texts(PageHandle page, String selector) {
    return page.selectAll(selector).stream().map(PageElement::text).toList();
  }

  private static void tap(Session s, PageHandle page, String selector, int index) {
    page.selectAll(selector).get(index).tap();
    s.awaitIdle();
  }

  @Test
  void twoUsersSeeEachOthersSharedPostsLiveAndNotEachOthersPrivateNotes() {
    CloudStores stores = new CloudStores();
    try (Session alice = Sparrow.launch(options(ALICE, stores)).awaitIdle();
        Session bob = Sparrow.launch(options(BOB, stores)).awaitIdle()) {
      PageHandle aliceNotes = alice.currentPage();
      PageHandle bobNotes = bob.currentPage();
      tap(alice, aliceNotes, "#add-milk", 0);
      tap(bob, bobNotes, "#add-docs", 0);
      assertThat(texts(aliceNotes, ".note")).containsExactly("buy milk");
      assertThat(texts(bobNotes, ".note")).containsExactly("write docs");
      assertThat(bob.evaluate("function () { return wx.cloud.database().collection('notes').get()"
          + ".then(r => r.data.map(d => d.text)) }")).isEqualTo(List.of("write docs"));
      assertThat(bob.evaluate("function () { return wx.cloud.database().collection('notes')"
          + ".where({ text: 'buy milk' }).remove().then(r => r.stats.removed) }")).isEqualTo(0);
      Object milk = alice.evaluate("function () { return wx.cloud.database().collection('notes').get()"
          + ".then(r => r.data[0]._id) }");
      assertThat(bob.evaluate("async function (id) { const notes = wx.cloud.database().collection('notes');"
          + " const msg = p => p.then(r => 'ok ' + JSON.stringify(r.stats), e => e.errCode + ' ' + e.errMsg);"
          + " return [await msg(notes.doc(id).get()), await msg(notes.doc(id).update({ data: { text: 'mine' } })),"
          + "   await msg(notes.doc(id).set({ data: { text: 'mine' } }))] }", milk)).isEqualTo(List.of(
              "-1 document.get:fail document with _id " + milk + " does not exist",
              "ok {\"updated\":0}",
              "-502003 document.set:fail -502003 database permission denied. Permission denied"));

      PageHandle aliceBoard = alice.navigateTo("/pages/board/board");
      alice.awaitIdle();
      PageHandle bobBoard = bob.navigateTo("/pages/board/board");
      bob.awaitIdle();
      assertThat(texts(aliceBoard, ".snapshots")).containsExactly("1 init");
      assertThat(texts(aliceBoard, ".stats")).containsExactly("0 authors, top 0 posts, 0 likes");

      tap(alice, aliceBoard, "#post-hello", 0);
      bob.awaitUntil(s -> texts(bobBoard, ".post").equals(List.of("hello")), WAIT);
      assertThat(texts(bobBoard, ".snapshots")).containsExactly("2 add:enqueue");
      tap(bob, bobBoard, "#post-lunch", 0);
      alice.awaitUntil(s -> texts(aliceBoard, ".post").equals(List.of("hello", "lunch at noon?"))
          && texts(aliceBoard, ".stats").equals(List.of("2 authors, top 1 posts, 0 likes")), WAIT);

      tap(bob, bobBoard, ".post-like", 0); // Alice's post: the board is READONLY, so nothing changes
      assertThat(texts(bobBoard, ".error")).containsExactly("not yours");
      tap(alice, aliceBoard, ".post-like", 0);
      bob.awaitUntil(s -> texts(bobBoard, ".post-likes").equals(List.of("1", "0")), WAIT);
      assertThat(texts(bobBoard, ".snapshots")).containsExactly("4 update:update");
      tap(bob, bobBoard, ".post-remove", 1);
      alice.awaitUntil(s -> texts(aliceBoard, ".post").equals(List.of("hello"))
          && texts(aliceBoard, ".snapshots").equals(List.of("5 remove:dequeue")), WAIT);
      assertThat(bob.errors()).isEmpty();
      bob.close(); // its watch ends with it; Alice's writes go on
      tap(alice, aliceBoard, "#post-lunch", 0);
      assertThat(texts(aliceBoard, ".post")).containsExactly("hello", "lunch at noon?");
      assertThat(alice.errors()).isEmpty();
    }
  }

  @Test
  void watchSnapshotsCarryWeChatsFieldsAndStopAfterClose() {
    CloudStores stores = new CloudStores();
    try (Session s = Sparrow.launch(options(ALICE, stores).cloudCollection("todos", CloudPermission.READONLY))
        .awaitIdle()) {
      s.evaluate("function () { const db = wx.cloud.database(); const _ = db.command;"
          + " globalThis.seen = [];"
          + " globalThis.w = db.collection('todos').where({ n: _.gte(1) }).watch({"
          + "   onChange: snap => seen.push(snap), onError: e => seen.push('error ' + e.errMsg) });"
          + " globalThis.d = db.collection('todos').doc('t1').watch({"
          + "   onChange: snap => seen.push('doc ' + snap.docs.length), onError: e => seen.push(e.errMsg) }) }");
      s.awaitIdle();
      Object out = s.evaluate("async function () { const db = wx.cloud.database(); const _ = db.command;"
          + " const c = db.collection('todos');"
          + " await c.add({ data: { _id: 't1', n: 1, style: { color: 'red' }, gone: true } });"
          + " await c.doc('t1').update({ data: { n: 2, style: { color: 'blue' }, gone: _.remove() } });"
          + " await c.doc('t1').set({ data: { n: 3 } });"
          + " await c.add({ data: { _id: 't2', n: 7 } });"
          + " await c.doc('t1').update({ data: { n: 0 } });"
          + " await c.doc('t1').update({ data: { n: 1 } });"
          + " await w.close(); await d.close();"
          + " await c.add({ data: { n: 5 } });"
          + " return seen.map(x => typeof x === 'string' ? x : JSON.stringify({ id: x.id, type: x.type,"
          + "   docs: x.docs.map(d => d.n), changes: x.docChanges.map(ch => [ch.id, ch.dataType, ch.queueType,"
          + "   ch.docId, ch.doc.n, ch.updatedFields, ch.removedFields]) })) }");
      assertThat(out).isEqualTo(List.of(
          "{\"id\":0,\"type\":\"init\",\"docs\":[],\"changes\":[]}",
          "doc 0",
          "{\"id\":1,\"docs\":[1],\"changes\":[[0,\"add\",\"enqueue\",\"t1\",1,null,null]]}",
          "doc 1",
          "{\"id\":2,\"docs\":[2],\"changes\":[[0,\"update\",\"update\",\"t1\",2,"
              + "{\"n\":2,\"style.color\":\"blue\"},[\"gone\"]]]}",
          "doc 1",
          "{\"id\":3,\"docs\":[3],\"changes\":[[0,\"replace\",\"update\",\"t1\",3,null,null]]}",
          "doc 1",
          "{\"id\":4,\"docs\":[7,3],\"changes\":[[0,\"add\",\"enqueue\",\"t2\",7,null,null]]}",
          "{\"id\":5,\"docs\":[7],\"changes\":[[0,\"update\",\"dequeue\",\"t1\",0,{\"n\":0},[]]]}",
          "doc 1",
          "{\"id\":6,\"docs\":[7,1],\"changes\":[[0,\"update\",\"enqueue\",\"t1\",1,null,null]]}",
          "doc 1"));
      assertThat(s.errors()).isEmpty();
    }
  }

  @Test
  void rulesAndLimitsFailAsWeChatDoesAndCloudInstancesReachOtherEnvironments() {
    try (Session s = Sparrow.launch(options(ALICE, new CloudStores())
        .cloudCollection("things", CloudPermission.PRIVATE)
        .cloudCollection("published", CloudPermission.ADMINWRITE)
        .cloudCollection("locked", CloudPermission.ADMINONLY)).awaitIdle()) {
      Object out = s.evaluate("async function () { const db = wx.cloud.database();"
          + " const msg = p => p.then(r => 'ok ' + r.errMsg, e => e.errCode + ' ' + e.errMsg); const r = [];"
          + " r.push(await msg(db.collection('nowhere').get()));"
          + " r.push(await msg(db.collection('nowhere').add({ data: { a: 1 } })));"
          + " r.push(await msg(db.collection('things').add({ data: { a: { 'b.c': 1 } } })));"
          + " r.push(await msg(db.collection('things').add({ data: { $x: 1 } })));"
          + " r.push(await msg(db.collection('things').add({ data: { big: 'x'.repeat(16 * 1024 * 1024) } })));"
          + " const small = await db.collection('things').add({ data: { big: 'x'.repeat(9 * 1024 * 1024) } });"
          + " r.push(await msg(db.collection('things').doc(small._id).update({ data: {"
          + "   more: 'y'.repeat(8 * 1024 * 1024) } })));"
          + " await db.collection('things').doc(small._id).remove();"
          + " r.push(await msg(db.collection('locked').get()));"
          + " r.push(await msg(db.collection('published').add({ data: { a: 1 } })));"
          + " r.push(await msg(db.collection('published').get()));"
          + " r.push(await msg(db.collection('locked').aggregate().count('n').end()));"
          + " const other = new wx.cloud.Cloud({ resourceEnv: 'other-env' }); await other.init();"
          + " r.push(await msg(other.database().collection('things').add({ data: { n: 1 } })));"
          + " r.push((await other.database().collection('things').count()).total + ' '"
          + "   + (await db.collection('things').count()).total + ' ' + other.database().config.env);"
          + " return r }");
      String missing = "-502005 database collection not exists. [ResourceNotFound] Db or Table not exist."
          + " Please check your request, but if the problem cannot be solved, contact us.";
      assertThat(out).isEqualTo(List.of(
          "-502005 collection.get:fail " + missing,
          "-502005 collection.add:fail " + missing,
          "-501007 collection.add:fail -501007 invalid parameters. field name a > 'b.c' is not allowed"
              + " (empty, starting with $ or containing .)",
          "-501007 collection.add:fail -501007 invalid parameters. field name '$x' is not allowed"
              + " (empty, starting with $ or containing .)",
          "-501007 collection.add:fail -501007 invalid parameters. document size exceeds the 16 MB limit",
          "-501007 document.update:fail -501007 invalid parameters. document size exceeds the 16 MB limit",
          "-502003 collection.get:fail -502003 database permission denied. Permission denied",
          "-502003 collection.add:fail -502003 database permission denied. Permission denied",
          "ok collection.get:ok",
          "-502003 collection.aggregate:fail -502003 database permission denied. Permission denied",
          "ok collection.add:ok",
          "1 0 other-env"));
      assertThat(s.errors()).isEmpty();
    }
  }

  @Test
  void aggregateFromPageCodeUsesTheCommandBuilders() {
    try (Session s = Sparrow.launch(options(ALICE, new CloudStores()).cloudAutoCreate(true)).awaitIdle()) {
      Object out = s.evaluate("async function () { const db = wx.cloud.database(); const _ = db.command;"
          + " const $ = _.aggregate;"
          + " for (const b of [{ k: 'a', n: 1, t: ['x', 'y'] }, { k: 'b', n: 2, t: ['x'] }, { k: 'a', n: 3, t: [] }])"
          + "   await db.collection('items').add({ data: b });"
          + " await db.collection('kinds').add({ data: { k: 'a', label: 'Apples' } });"
          + " const grouped = await db.collection('items').aggregate().match({ n: _.gt(0) })"
          + "   .group({ _id: '$k', total: $.sum('$n'), avg: $.avg('$n'), ns: $.push('$n') })"
          + "   .sort({ _id: 1 }).end();"
          + " const joined = await db.collection('items').aggregate().match({ k: 'a' }).limit(1)"
          + "   .addFields({ kind: [{ label: 'Apples' }] })" // lookup: cloud functions only (CloudLookupPermissionTest)
          + "   .addFields({ at: new Date(Date.UTC(2024, 1, 29, 23, 30)) })"
          + "   .project({ _id: 0, n: 1, label: $.arrayElemAt(['$kind.label', 0]),"
          + "     day: $.dateToString({ date: '$at', format: '%Y-%m-%d', timezone: 'Asia/Shanghai' }),"
          + "     big: $.cond({ if: $.gte(['$n', 2]), then: 'big', else: 'small' }) }).end();"
          + " const tags = await db.collection('items').aggregate().unwind('$t').sortByCount('$t').end();"
          + " for (let i = 0; i < 22; i++) await db.collection('many').add({ data: { i: i } });"
          + " const capped = (await db.collection('many').aggregate().match({}).end()).list.length + ' '"
          + "   + (await db.collection('many').aggregate().limit(21).end()).list.length;"
          + " const bad = await db.collection('items').aggregate().group({ n: $.sum(1) }).end()"
          + "   .catch(e => e.errCode + ' ' + e.errMsg);"
          + " return { grouped: JSON.stringify(grouped.list), msg: grouped.errMsg, joined: JSON.stringify(joined.list),"
          + "   tags: JSON.stringify(tags.list), capped: capped, bad: bad } }");
      assertThat(out).isEqualTo(Map.of(
          "grouped", "[{\"_id\":\"a\",\"total\":4,\"avg\":2,\"ns\":[1,3]},{\"_id\":\"b\",\"total\":2,\"avg\":2,"
              + "\"ns\":[2]}]",
          "msg", "collection.aggregate:ok",
          "joined", "[{\"n\":1,\"label\":\"Apples\",\"day\":\"2024-03-01\",\"big\":\"small\"}]",
          "tags", "[{\"_id\":\"x\",\"count\":2},{\"_id\":\"y\",\"count\":1}]",
          "capped", "20 21",
          "bad", "-501007 collection.aggregate:fail -501007 invalid parameters. $group needs an _id"));
      assertThat(s.errors()).isEmpty();
    }
  }

  @Test
  void aDatabaseWriteRunsOffTheLoopSoATimerFiresWhileItWaits() {
    CountDownLatch gate = new CountDownLatch(1);
    AtomicBoolean gated = new AtomicBoolean();
    ExecutorService ordered = Executors.newSingleThreadExecutor();
    List<String> seen = new CopyOnWriteArrayList<>();
    try (Session s = Sparrow.launch(SessionOptions.of(Examples.path("cloud-notes")).dataDir(data)
        .fileIo(task -> ordered.execute(() -> {
      try {
        if (gated.get()) {
          gate.await(30, TimeUnit.SECONDS); // the write starts only once the timer has fired
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      task.run();
    }))).awaitIdle()) {
      gated.set(true);
      s.addBinding("seen", (name, args) -> {
        seen.add(String.valueOf(args.get(0)));
        if ("timer".equals(args.get(0))) {
          gate.countDown();
        }
      });
      s.evaluate("function () { wx.cloud.database().collection('notes').add({ data: { text: 'x' } })"
          + ".then(r => seen('added ' + r.errMsg));"
          + " setTimeout(function () { seen('timer') }, 10) }");
      s.awaitIdle();
      assertThat(seen).containsExactly("timer", "added collection.add:ok");
    } finally {
      gate.countDown();
      ordered.shutdownNow();
    }
  }
}
