package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.apis.cloud.CloudIndex;
import dev.sparrow.apis.cloud.CloudPermission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wx.cloud.database()} on the offline emulator: examples/cloud-notes adds, queries (where, orderBy,
 * limit, count), updates with {@code _.inc}, removes; the data persists across sessions of one appid and data
 * dir, and another user ({@code _openid}) does not see it through {@code "{openid}"}.
 */
class CloudDatabaseTest {
  @TempDir
  Path data;

  private Session launch(String openid) {
    return Sparrow.launch(SessionOptions.of(Examples.path("cloud-notes")).dataDir(data).virtualClock()
        .cloudOpenid(openid).cloudCollection("todos", CloudPermission.READONLY)
        .cloudCollection("things", CloudPermission.PRIVATE)).awaitIdle();
  }

  private static List<String> texts(PageHandle page, String selector) {
    return page.selectAll(selector).stream().map(PageElement::text).toList();
  }

  private static void tap(Session s, PageHandle page, String selector, int index) {
    page.selectAll(selector).get(index).tap();
    s.awaitIdle();
  }

  @Test
  void theNotesPageAddsQueriesUpdatesAndRemovesAndItsDataOutlivesTheSession() {
    Path appDir;
    try (Session s = launch("oUserAlice000000000000000001")) {
      appDir = s.dataDir();
      PageHandle page = s.currentPage();
      tap(s, page, "#add-milk", 0);
      tap(s, page, "#add-docs", 0);
      assertThat(texts(page, ".note")).containsExactly("buy milk", "write docs");
      assertThat(texts(page, ".stamped")).containsExactly("dated", "dated");
      tap(s, page, ".like", 1);
      tap(s, page, ".like", 0);
      assertThat(texts(page, ".note")).containsExactly("write docs", "buy milk");
      assertThat(texts(page, ".likes")).containsExactly("2", "0");
      assertThat(texts(page, ".count")).containsExactly("2 notes");
      tap(s, page, "#missing", 0);
      assertThat(texts(page, ".error"))
          .containsExactly("-1 document.get:fail document with _id no-such-note does not exist");
      assertThat(s.errors()).isEmpty();
    }
    assertThat(appDir.resolve("cloud/notes-dev/notes.jsonl")).exists();
    try (Session s = launch("oUserAlice000000000000000001")) {
      PageHandle page = s.currentPage();
      assertThat(texts(page, ".note")).containsExactly("write docs", "buy milk");
      tap(s, page, ".remove", 0);
      assertThat(texts(page, ".note")).containsExactly("buy milk");
      assertThat(texts(page, ".count")).containsExactly("1 notes");
    }
    try (Session s = launch("oUserBob00000000000000000002")) {
      assertThat(texts(s.currentPage(), ".note")).isEmpty();
      Object all = s.evaluate("function () { return wx.cloud.database().collection('notes').get()"
          + ".then(r => r.data.map(d => d.text + ' ' + d._openid + ' ' + d._id.length)) }");
      assertThat(all).isEqualTo(List.of());
    }
  }

  @Test
  void commandsAndCallbacksBehaveAsWeChatDocumentsThem() {
    try (Session s = launch("oSparrowFakeOpenid0000000000")) {
      Object out = s.evaluate("async function () {"
          + " const db = wx.cloud.database(); const _ = db.command; const c = db.collection('todos');"
          + " for (let i = 0; i < 25; i++) await c.add({ data: { n: i, style: { color: i % 2 ? 'red' : 'blue' },"
          + "   tags: i % 5 ? ['a'] : ['a', 'b'], when: new Date(1000 * i) } });"
          + " const page = await c.get();"
          + " const nested = await c.where({ style: { color: 'red' }, n: _.gt(10).and(_.lt(16)) }).count();"
          + " const or = await c.where(_.or([{ n: _.lt(2) }, { n: _.gte(23) }])).orderBy('n', 'desc').get();"
          + " const re = await c.where({ style: { color: db.RegExp({ regexp: '^R', options: 'i' }) } }).count();"
          + " const arr = await c.where({ tags: _.size(2), n: _.in([0, 5, 7]) }).field({ n: true }).get();"
          + " const dates = await c.where({ when: _.gte(new Date(24000)) }).get();"
          + " const upd = await c.where({ n: _.lt(3) })"
          + "   .update({ data: { tags: _.push(['z']), 'style.size': 2 } });"
          + " const first = (await c.where({ n: 0 }).get()).data[0];"
          + " const cb = await new Promise(r => c.doc('missing').update({ data: { n: 1 },"
          + "   success: x => r('success ' + x.stats.updated), fail: e => r('fail ' + e.errMsg) }));"
          + " const bad = await c.add({ data: 'text' }).catch(e => e.errCode + ' ' + e.errMsg.split(':')[0]);"
          + " return { page: page.data.length, pageMsg: page.errMsg, nested: nested.total, or: or.data.map(d => d.n),"
          + "   re: re.total, arr: arr.data.map(d => Object.keys(d).sort().join()),"
          + "   date: dates.data[0].when.getTime(),"
          + "   upd: upd.stats.updated, first: first.tags.join() + ' ' + JSON.stringify(first.style),"
          + "   cb: cb, bad: bad }"
          + "}");
      assertThat(out).isEqualTo(Map.ofEntries(Map.entry("page", 20), Map.entry("pageMsg", "collection.get:ok"),
          Map.entry("nested", 3), Map.entry("or", List.of(24, 23, 1, 0)), Map.entry("re", 12),
          Map.entry("arr", List.of("_id,n", "_id,n")), Map.entry("date", 24000),
          Map.entry("upd", 3), Map.entry("first", "a,b,z {\"color\":\"blue\",\"size\":2}"),
          Map.entry("cb", "success 0"), Map.entry("bad", "-1 collection.add")));
      assertThat(s.errors()).isEmpty();
    }
  }

  @Test
  void geoValuesRoundTripAsGeoObjectsAndGeoCommandsQueryThem() {
    try (Session s = launch("oSparrowFakeOpenid0000000000")) {
      Object out = s.evaluate("async function () {"
          + " const db = wx.cloud.database(); const _ = db.command; const c = db.collection('things');"
          + " const { Point, LineString, Polygon, MultiPoint } = db.Geo;"
          + " const tri = Polygon([LineString([Point(0, 0), Point(3, 2), Point(2, 3), Point(0, 0)])]);"
          + " await c.add({ data: { _id: 'far', location: Point(113.36, 23.12) } });"
          + " await c.add({ data: { _id: 'near', location: new Point(113.33, 23.1) } });"
          + " await c.add({ data: { _id: 'tri', area: tri } });"
          + " await c.add({ data: { _id: 'pts', area: MultiPoint([Point(1, 1), Point(10, 10)]) } });"
          + " const got = (await c.doc('tri').get()).data.area;"
          + " const near = await c.where({ location: _.geoNear({ geometry: Point(113.323809, 23.097732),"
          + "   maxDistance: 5000 }) }).get();"
          + " const within = await c.where({ area: _.geoWithin({ geometry: tri }) }).get();"
          + " const circle = await c.where({ location: _.geoWithin({ centerSphere: [[113.33, 23.1], 1 / 6378.1] })"
          + "   }).get();"
          + " const hits = await c.where({ area: _.geoIntersects({ geometry: Point(1, 1) }) }).get();"
          + " const errs = [];"
          + " for (const f of [() => Point(181, 0), () => Point('1', 2), () => LineString([Point(0, 0)]),"
          + "   () => Polygon([LineString([Point(0, 0), Point(1, 1), Point(2, 0)])]), () => MultiPoint([])])"
          + "   try { f(); errs.push('no error'); } catch (e) { errs.push(e.message); }"
          + " let bad = 'no error';"
          + " try { c.where({ area: _.geoWithin({ geometry: Point(1, 1) }) }); } catch (e) { bad = e.message; }"
          + " return { polygon: got instanceof Polygon, ring: got.lines[0].points[1] instanceof Point,"
          + "   json: JSON.stringify(got), point: JSON.stringify(Point(1, 2).toJSON()),"
          + "   lng: (await c.doc('near').get()).data.location.longitude,"
          + "   near: near.data.map(d => d._id).join(), within: within.data.map(d => d._id).join(),"
          + "   circle: circle.data.map(d => d._id).join(), hits: hits.data.map(d => d._id).join(),"
          + "   errs: errs, bad: bad }"
          + "}");
      assertThat(out).isEqualTo(Map.ofEntries(Map.entry("polygon", true), Map.entry("ring", true),
          Map.entry("json", "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[3,2],[2,3],[0,0]]]}"),
          Map.entry("point", "{\"type\":\"Point\",\"coordinates\":[1,2]}"), Map.entry("lng", 113.33),
          Map.entry("near", "near,far"), Map.entry("within", "tri"), Map.entry("circle", "near"),
          Map.entry("hits", "tri,pts"),
          Map.entry("errs", List.of("longitude should be a number ranges from -180 to 180",
              "\"longitude\" must be of type Number. Received type string",
              "\"points\" must contain 2 points at least",
              "LineString [[0,0],[1,1],[2,0]] is not a closed cycle", "\"points\" must contain 1 point at least")),
          Map.entry("bad", "\"geometry\" must be of type Polygon or MultiPolygon")));
      assertThat(s.errors()).isEmpty();
    }
  }

  @Test
  void pageCodeBuildsGeoNearBucketsAndTheArrayOperators() {
    try (Session bob = launch("oUserBob00000000000000000002")) {
      bob.evaluate("function () { return wx.cloud.database().collection('things')"
          + ".add({ data: { _id: 'bobs', location: wx.cloud.database().Geo.Point(113.3245, 23.1065), n: 1 } }) }");
    }
    try (Session s = launch("oUserAlice000000000000000001")) {
      Object out = s.evaluate("async function () {"
          + " const db = wx.cloud.database(); const _ = db.command; const $ = _.aggregate;"
          + " const c = db.collection('things');"
          + " await c.add({ data: { _id: 'zoo', location: db.Geo.Point(113.3068, 23.1442), n: 5, t: [1, 2, 3] } });"
          + " await c.add({ data: { _id: 'park', location: db.Geo.Point(113.2717, 23.1397), n: 20, t: [4] } });"
          + " const near = await c.aggregate().geoNear({ distanceField: 'distance', spherical: true,"
          + "   near: db.Geo.Point(113.3089506, 23.0968251), query: { n: _.gt(0) } })"
          + "   .project({ m: $.trunc('$distance') }).end();"
          + " const buckets = await c.aggregate().bucket({ groupBy: '$n', boundaries: [0, 10, 100],"
          + "   output: { count: $.sum(1), ids: $.push('$_id') } }).end();"
          + " const auto = await c.aggregate().bucketAuto({ groupBy: '$n', buckets: 2 }).end();"
          + " const ops = await c.aggregate().match({ _id: 'zoo' }).project({ _id: 0,"
          + "   big: $.filter({ input: '$t', as: 'x', cond: $.gt(['$$x', 1]) }),"
          + "   sd: $.stdDevPop('$t'), rev: $.reverseArray('$t') }).end();"
          + " return { near: JSON.stringify(near.list), buckets: JSON.stringify(buckets.list),"
          + "   auto: JSON.stringify(auto.list), ops: JSON.stringify(ops.list), msg: near.errMsg } }");
      // Bob's document is nearer than both but not Alice's to read (PRIVATE): the filter joins geoNear's query
      assertThat(out).isEqualTo(Map.of(
          "near", "[{\"_id\":\"zoo\",\"m\":5278},{\"_id\":\"park\",\"m\":6109}]",
          "buckets", "[{\"_id\":0,\"count\":1,\"ids\":[\"zoo\"]},{\"_id\":10,\"count\":1,\"ids\":[\"park\"]}]",
          "auto", "[{\"_id\":{\"min\":5,\"max\":20},\"count\":1},{\"_id\":{\"min\":20,\"max\":20},\"count\":1}]",
          "ops", "[{\"big\":[2,3],\"sd\":0.816496580927726,\"rev\":[3,2,1]}]",
          "msg", "collection.aggregate:ok"));
      assertThat(s.errors()).isEmpty();
    }
  }

  @Test
  void indexesDeclaredInTheProjectAreMadeAndAUniqueOneRefusesADuplicateWithWeChatsErrMsg() throws IOException {
    Path project = Examples.copy("cloud-notes", data.resolve("project"));
    Files.writeString(project.resolve("cloud/database.json"), "{\"collections\": {\"notes\": \"PRIVATE\","
        + " \"users\": {\"permission\": \"READONLY\", \"indexes\": [{\"name\": \"by_phone\", \"keys\":"
        + " {\"phone\": 1}, \"unique\": true}]}}}");
    try (Session s = Sparrow.launch(SessionOptions.of(project).dataDir(data.resolve("d")).virtualClock())
        .awaitIdle()) {
      Object out = s.evaluate("async function () {"
          + " const users = wx.cloud.database().collection('users');"
          + " await users.add({ data: { phone: '13800000000' } });"
          + " return users.add({ data: { phone: '13800000000' } })"
          + "   .then(r => 'added', e => e.errCode + ' ' + e.errMsg) }");
      assertThat(out).isEqualTo("-502001 collection.add:fail -502001 database request fail. [FailedOperation] "
          + "multiple write errors: [{write errors: [{E11000 duplicate key error collection: notes-dev.users index: "
          + "by_phone dup key: { phone: \"13800000000\" }}]}, {<nil>}]");
      assertThat(s.cloudDatabase("notes-dev").indexes("users")).extracting(CloudIndex::name)
          .containsExactly("by_phone");
      assertThat(s.evaluate("function () { return wx.cloud.database().collection('users').count()"
          + ".then(r => r.total) }")).isEqualTo(1);
      assertThat(s.errors()).isEmpty();
    }
  }

  @Test
  void badInputFailsThroughTheCallOrPromiseAndNeverBreaksTheSession() {
    try (Session s = launch("oSparrowFakeOpenid0000000000")) {
      Object out = s.evaluate("async function () {"
          + " const db = wx.cloud.database(); const _ = db.command; const c = db.collection('things');"
          + " const loop = {}; loop.self = loop;"
          + " const msgs = [];"
          + " const catchMsg = p => p.then(r => 'ok ' + r.errMsg, e => e.errCode + ' ' + e.errMsg);"
          + " msgs.push(await catchMsg(c.add()));"
          + " msgs.push(await catchMsg(c.add({ data: loop })));"
          + " msgs.push(await catchMsg(c.add({ data: { n: _.inc(1) } })));"
          + " msgs.push(await catchMsg(db.collection('../etc').get()));"
          + " msgs.push(await catchMsg(c.where(null).get()));"
          + " const a = await c.add({ data: { s: 'text' } });"
          + " msgs.push(await catchMsg(c.doc(a._id).update({ data: { s: _.inc(1) } })));"
          + " msgs.push(await catchMsg(c.doc(a._id).update({ data: { _id: 'other' } })));"
          + " msgs.push(await catchMsg(c.where({ s: db.RegExp({ regexp: '(' }) }).get()));"
          + " const order = [];"
          + " await new Promise(r => c.doc('nope').get({ fail: () => order.push('fail'),"
          + "   complete: () => { order.push('complete'); r(); } }));"
          + " msgs.push(order.join());"
          + " msgs.push((await c.doc(a._id).get()).data.s);"
          + " return msgs }");
      assertThat(out).isEqualTo(List.of(
          "-1 collection.add:fail parameter.data should be object instead of undefined;",
          out instanceof List<?> l ? l.get(1) : null,
          "-501007 collection.add:fail -501007 invalid parameters. a db.command cannot be stored as a value",
          "-501007 collection.get:fail -501007 invalid parameters. collection name ../etc",
          "ok collection.get:ok",
          "-501007 document.update:fail -501007 invalid parameters. cannot apply inc to a non-numeric value at s",
          "-501007 document.update:fail -501007 invalid parameters. 不能更新_id的值",
          "-501007 collection.get:fail -501007 invalid parameters. regular expression (",
          "fail,complete",
          "text"));
      assertThat(((List<?>) out).get(1).toString())
          .startsWith("-501007 collection.add:fail -501007 invalid parameters. ");
      assertThat(s.errors()).isEmpty();
    }
  }
}
