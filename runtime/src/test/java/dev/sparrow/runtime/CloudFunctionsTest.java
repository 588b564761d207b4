package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.apis.cloud.CloudPermission;
import dev.sparrow.runtime.cloud.CloudFunctions;
import dev.sparrow.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wx.cloud.callFunction} on the offline emulator: functions from a project's {@code cloudfunctionRoot} run in
 * contexts of their own with Sparrow's {@code wx-server-sdk} (identity, server-side database without the 20-document
 * limit and without {@code _openid} stamping, transactions, storage, nested calls), CommonJS {@code require} of their
 * own files and {@code node_modules}, and fail with WeChat's errCodes and errMsgs.
 */
class CloudFunctionsTest {
  @TempDir
  Path data;
  @TempDir
  Path project;

  private void write(String path, String text) throws IOException {
    TestFiles.write(project.resolve(path), text);
  }

  /** A one-page app whose functions are the given name → index.js pairs (plus any other files written). */
  private Session launch(Map<String, String> functions) throws IOException {
    write("project.config.json", "{\"appid\": \"wxcloudfunctest1\", \"cloudfunctionRoot\": \"functions/\"}");
    write("app.json", "{\"pages\": [\"pages/index/index\"]}");
    write("app.js", "App({ onLaunch() { wx.cloud.init({ env: 'test-env' }) } })");
    write("pages/index/index.js", "Page({})");
    write("pages/index/index.wxml", "<view>cloud</view>");
    for (Map.Entry<String, String> f : functions.entrySet()) {
      write("functions/" + f.getKey() + "/index.js", f.getValue());
    }
    return Sparrow.launch(SessionOptions.of(project).dataDir(data).virtualClock()
        .cloudOpenid("oUserCarol000000000000000003").cloudAutoCreate(true)
        .cloudCollection("items", CloudPermission.READONLY)).awaitIdle(); // the client reads what functions wrote
  }

  private static Object call(Session s, String name, String data) {
    return s.evaluate("function () { return wx.cloud.callFunction({ name: '" + name + "', data: " + data + " })"
        + ".then(r => ({ ok: r.errMsg, result: r.result, id: r.requestID.length }),"
        + " e => ({ errCode: e.errCode, errMsg: e.errMsg })) }");
  }

  @Test
  void aFunctionGetsItsEventAndTheCallersIdentityAndStaysWarm() throws IOException {
    try (Session s = launch(Map.of("hello", "const cloud = require('wx-server-sdk');"
        + "cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });"
        + "let calls = 0;"
        + "exports.main = async (event, context) => { calls++;"
        + "  const who = cloud.getWXContext();"
        + "  await new Promise(r => setTimeout(r, 1000));"
        + "  console.log('hello', event.x);"
        + "  return { sum: event.x + event.y, calls, openid: who.OPENID, appid: who.APPID, env: who.ENV,"
        + "    user: event.userInfo.openId, fn: context.function_name, sandbox: [typeof Java, typeof Graal,"
        + "    typeof Polyglot, typeof require('wx-server-sdk').database] } }"))) {
      Object first = call(s, "hello", "{ x: 1, y: 2 }");
      assertThat(first).isEqualTo(Map.of("ok", "cloud.callFunction:ok", "id", 36, "result", Map.of("sum", 3,
          "calls", 1, "openid", "oUserCarol000000000000000003", "appid", "wxcloudfunctest1", "env", "test-env",
          "user", "oUserCarol000000000000000003", "fn", "hello",
          "sandbox", List.of("undefined", "undefined", "undefined", "function"))));
      Object second = call(s, "hello", "{ x: 5, y: 5 }");
      assertThat(((Map<?, ?>) ((Map<?, ?>) second).get("result")).get("calls")).isEqualTo(2);
      Object callbacks = s.evaluate("function () { return new Promise(done => { const seen = [];"
          + " wx.cloud.callFunction({ name: 'hello', data: { x: 1, y: 1 },"
          + "  success: r => seen.push(r.errMsg + ' ' + r.result.sum), fail: () => seen.push('fail'),"
          + "  complete: () => { seen.push('complete'); done(seen) } }) }) }");
      assertThat(callbacks).isEqualTo(List.of("cloud.callFunction:ok 2", "complete"));
      assertThat(s.cloudFunctionLogs())
          .extracting((CloudFunctions.LogLine l) -> l.function() + " " + l.level() + " " + l.text())
          .containsExactly("hello log hello 1", "hello log hello 5", "hello log hello 1");
      assertThat(s.errors()).isEmpty();
    }
  }

  @Test
  void missingFunctionsThrownErrorsAndTimeoutsFailAsWeChatReportsThem() throws IOException {
    write("functions/spin/config.json", "{\"timeout\": 0.5}");
    write("functions/boom/lib/check.js", "exports.check = function check(n) {\n  throw new TypeError('bad ' + n)\n}");
    try (Session s = launch(Map.of(
        "boom", "const { check } = require('./lib/check'); exports.main = async () => check('thing')",
        "nodoc", "const db = require('wx-server-sdk').database();"
            + "exports.main = async () => (await db.collection('items').doc('none').get()).data",
        "spin", "exports.main = () => { for (;;) {} }",
        "sleepy", "exports.main = () => new Promise(r => setTimeout(() => r('late'), 5000))",
        "stuck", "exports.main = () => new Promise(() => {})",
        "nomain", "exports.handler = () => 1",
        "syntax", "exports.main = () => {"))) {
      assertThat(call(s, "nope", "{}")).isEqualTo(Map.of("errCode", -501000, "errMsg",
          "cloud.callFunction:fail Error: errCode: -501000  | errMsg: FunctionName parameter could not be found."));
      // the error, then the function's own frames on one line, its files in the cloud's /var/user/
      Map<?, ?> boom = (Map<?, ?>) call(s, "boom", "{}");
      assertThat(boom.get("errCode")).isEqualTo(-504002);
      assertThat((String) boom.get("errMsg")).startsWith("cloud.callFunction:fail Error: errCode: -504002 functions"
          + " execute fail | errMsg: TypeError: bad thing at check (/var/user/lib/check.js:2:9) at ");
      // a failed database call rejects with an Error whose message is its errMsg
      Map<?, ?> nodoc = (Map<?, ?>) call(s, "nodoc", "{}");
      assertThat((String) nodoc.get("errMsg")).startsWith("cloud.callFunction:fail Error: errCode: -504002"
          + " functions execute fail | errMsg: Error: document.get:fail document with _id none does not exist at ");
      assertThat(call(s, "spin", "{}")).isEqualTo(Map.of("errCode", -504003, "errMsg",
          "cloud.callFunction:fail Error: errCode: -504003  | errMsg: Invoking task timed out after 0.5 seconds"));
      String timedOut3 = "cloud.callFunction:fail Error: errCode: -504003  | errMsg: Invoking task timed out after 3"
          + " seconds";
      assertThat(call(s, "sleepy", "{}")).isEqualTo(Map.of("errCode", -504003, "errMsg", timedOut3));
      assertThat(call(s, "stuck", "{}")).isEqualTo(Map.of("errCode", -504003, "errMsg", timedOut3));
      assertThat(call(s, "nomain", "{}")).isEqualTo(Map.of("errCode", -504002, "errMsg",
          "cloud.callFunction:fail Error: errCode: -504002 functions execute fail | errMsg: TypeError: exports.main"
              + " is not a function"));
      Object syntax = call(s, "syntax", "{}");
      assertThat(((Map<?, ?>) syntax).get("errCode")).isEqualTo(-504002);
      assertThat(((Map<?, ?>) syntax).get("errMsg").toString())
          .startsWith("cloud.callFunction:fail Error: errCode: -504002 functions execute fail | errMsg: SyntaxError");
      Object noName = s.evaluate("function () { return wx.cloud.callFunction({}).catch(e => e.errMsg) }");
      assertThat(noName).isEqualTo("cloud.callFunction:fail parameter.name should be string instead of undefined;");
      // the spinning function's context was dropped; the next call starts a fresh one and still answers
      write("functions/spin/index.js", "exports.main = () => 'recovered'");
      assertThat(((Map<?, ?>) call(s, "spin", "{}")).get("result")).isEqualTo("recovered");
      assertThat(s.errors()).isEmpty();
    }
  }

  @Test
  void aBusyFunctionNeitherBlocksThePageNorOutlivesTheSession() throws IOException {
    write("functions/spin/config.json", "{\"timeout\": 60}");
    write("functions/deep/config.json", "{\"timeout\": 60}"); // nine cold contexts on a loaded machine
    Session s = launch(Map.of("spin", "exports.main = () => { for (;;) {} }",
        "deep", "const cloud = require('wx-server-sdk');"
            + "exports.main = (event) => cloud.callFunction({ name: 'deep', data: { n: event.n + 1 } })"
            + ".then(r => r.result, e => event.n + ' ' + e.errCode)"));
    try {
      assertThat(((Map<?, ?>) call(s, "deep", "{ n: 0 }")).get("result")).isEqualTo("8 -504002");
      s.evaluate("function () { wx.cloud.callFunction({ name: 'spin', complete: r => getApp().spun = r.errMsg }) }");
      // the page's loop answers while the function spins on the cloud worker
      assertThat(s.evaluate("function () { return 6 * 7 }")).isEqualTo(42);
      assertThat(s.evaluate("function () { return getApp().spun === undefined }")).isEqualTo(true);
    } finally {
      s.close(); // cancels the spinning context instead of waiting for its 60 s
    }
    assertThat(s.errors()).isEmpty();
  }

  @Test
  void callsInFlightAtOnceRunAtOnceEachInAnInstanceOfItsOwn() throws IOException {
    write("functions/meet/config.json", "{\"timeout\": 60}"); // each spins until the other has written
    try (Session s = launch(Map.of("meet", "const cloud = require('wx-server-sdk'); cloud.init();"
        + "const db = cloud.database(); let calls = 0;"
        + "exports.main = async (event) => { calls++;"
        + "  if (event.me) {"
        + "    await db.collection('flags').add({ data: { who: event.me } });"
        + "    while ((await db.collection('flags').where({ who: event.other }).count()).total === 0) {}"
        + "  }"
        + "  return { me: event.me, calls } }"))) {
      // neither call can end before the other has started: one worker thread or one instance would time out
      Object both = s.evaluate("function () { const call = data => wx.cloud.callFunction({ name: 'meet', data })"
          + ".then(r => r.result, e => e.errMsg);"
          + " return Promise.all([call({ me: 'a', other: 'b' }), call({ me: 'b', other: 'a' })]) }");
      assertThat(both).isEqualTo(List.of(Map.of("me", "a", "calls", 1), Map.of("me", "b", "calls", 1)));
      // afterwards a call finds one of them warm
      assertThat(((Map<?, ?>) call(s, "meet", "{}")).get("result")).extracting(r -> ((Map<?, ?>) r).get("calls"))
          .isEqualTo(2);
      assertThat(s.errors()).isEmpty();
    }
  }

  @Test
  void callsInFlightTogetherShareOneFunctionClock() throws IOException {
    write("functions/waiter/config.json", "{\"timeout\": 60}");
    String sleep = "const sleep = ms => new Promise(r => setTimeout(r, ms));"
        + "const db = require('wx-server-sdk').database();";
    try (Session s = launch(Map.of(
        "waiter", sleep + "exports.main = async () => {"
            + "  for (let i = 0; i < 50; i++) {"
            + "    if ((await db.collection('flags').where({ k: 'go' }).count()).total) return 'saw it at ' + i * 100;"
            + "    await sleep(100) }"
            + "  return 'gave up' }",
        "writer", sleep + "exports.main = async () => {"
            + "  await sleep(450); await db.collection('flags').add({ data: { k: 'go' } }); return 'wrote' }"))) {
      // in function time, nothing waits for real: the waiter's polls and the writer's sleep interleave by their times
      Object both = s.evaluate("function () { const call = name => wx.cloud.callFunction({ name })"
          + ".then(r => r.result, e => e.errMsg);"
          + " return Promise.all([call('waiter'), call('writer')]) }");
      assertThat(both).isEqualTo(List.of("saw it at 500", "wrote"));
      assertThat(s.errors()).isEmpty();
    }
  }

  @Test
  void configJsonSetsTheTimeoutUpToWeChatsMaximum() throws IOException {
    write("functions/long/config.json", "{\"timeout\": 20}");
    write("functions/longer/config.json", "{\"timeout\": 900}");
    String sleep = "exports.main = () => new Promise(r => setTimeout(() => r('woke'), 15000))";
    String sleepLonger = "exports.main = () => new Promise(r => setTimeout(() => r('woke'), 400000))";
    try (Session s = launch(Map.of("short", sleep, "long", sleep, "longer", sleepLonger))) {
      assertThat(((Map<?, ?>) call(s, "short", "{}")).get("errMsg")).isEqualTo(
          "cloud.callFunction:fail Error: errCode: -504003  | errMsg: Invoking task timed out after 3 seconds");
      assertThat(((Map<?, ?>) call(s, "long", "{}")).get("result")).isEqualTo("woke");
      assertThat(((Map<?, ?>) call(s, "longer", "{}")).get("errMsg")).isEqualTo(
          "cloud.callFunction:fail Error: errCode: -504003  | errMsg: Invoking task timed out after 300 seconds");
    }
  }

  @Test
  void aNestedCallThatOutlivesItsCallerIsCancelledWithIt() throws IOException {
    write("functions/outer/config.json", "{\"timeout\": 1}");
    write("functions/spin/config.json", "{\"timeout\": 60}");
    try (Session s = launch(Map.of(
        "outer", "const cloud = require('wx-server-sdk');"
            + "exports.main = () => cloud.callFunction({ name: 'spin' })",
        "spin", "exports.main = () => { for (;;) {} }",
        "self", "const cloud = require('wx-server-sdk');"
            + "exports.main = async (event) => event.n ? event.n * 2"
            + "  : (await cloud.callFunction({ name: 'self', data: { n: 21 } })).result"))) {
      // the caller's 1 s ends the whole chain, not the callee's 60 s
      assertThat(call(s, "outer", "{}")).isEqualTo(Map.of("errCode", -504003, "errMsg",
          "cloud.callFunction:fail Error: errCode: -504003  | errMsg: Invoking task timed out after 1 seconds"));
      assertThat(((Map<?, ?>) call(s, "self", "{}")).get("result")).isEqualTo(42);
      assertThat(s.errors()).isEmpty();
    }
  }

  @Test
  void requireFindsTheFunctionsOwnFilesAndNodeModulesButNotFsHttpOrCrypto() throws IOException {
    write("functions/mods/lib/util.js", "exports.twice = n => n * 2; exports.dir = __dirname;");
    write("functions/mods/data.json", "{\"name\": \"fixture\"}");
    write("functions/mods/node_modules/pad/package.json", "{\"name\": \"pad\", \"main\": \"src/pad.js\"}");
    write("functions/mods/node_modules/pad/src/pad.js",
        "const rep = require('./repeat'); module.exports = (s, n) => rep(' ', n - s.length) + s;");
    write("functions/mods/node_modules/pad/src/repeat.js", "module.exports = (c, n) => n > 0 ? c.repeat(n) : ''");
    write("functions/mods/node_modules/wx-server-sdk/index.js", "module.exports = { real: true }");
    try (Session s = launch(Map.of("mods", "const { twice, dir } = require('./lib/util');"
        + "const pad = require('pad');"
        + "exports.main = async () => {"
        + "  const missing = [];"
        + "  for (const m of ['fs', 'http', 'child_process', './nope', '../../../etc/passwd']) {"
        + "    try { require(m); missing.push('found ' + m) } catch (e) { missing.push(e.code + ' ' + e.message) } }"
        + "  return { twice: twice(21), dir, pad: pad('7', 3), json: require('./data.json').name,"
        + "    sdk: require('wx-server-sdk').real === undefined, same: require('pad') === pad, missing } }"))) {
      assertThat(((Map<?, ?>) call(s, "mods", "{}")).get("result")).isEqualTo(Map.of("twice", 42,
          "dir", "/lib", "pad", "  7", "json", "fixture", "sdk", true, "same", true, "missing", List.of(
              "MODULE_NOT_FOUND Cannot find module 'fs'", "MODULE_NOT_FOUND Cannot find module 'http'",
              "MODULE_NOT_FOUND Cannot find module 'child_process'",
              "MODULE_NOT_FOUND Cannot find module './nope'",
              "MODULE_NOT_FOUND Cannot find module '../../../etc/passwd'")));
    }
  }

  @Test
  void theServerDatabaseHasNoClientLimitsAndTransactionsRollBack() throws IOException {
    write("functions/seed/config.json", "{\"timeout\": 60}"); // 110 fsynced adds on a loaded machine
    try (Session s = launch(Map.of(
        "seed", "const cloud = require('wx-server-sdk'); cloud.init(); const db = cloud.database();"
            + "exports.main = async () => {"
            + "  for (let i = 0; i < 110; i++) await db.collection('items').add({ data: { i } });"
            + "  const all = await db.collection('items').get();"
            + "  const many = await db.collection('items').limit(1000).orderBy('i', 'desc').get();"
            + "  const first = (await db.collection('items').where({ i: 0 }).get()).data[0];"
            + "  return { page: all.data.length, many: many.data.length, top: many.data[0].i,"
            + "    openid: first._openid === undefined } }",
        "move", "const cloud = require('wx-server-sdk'); cloud.init(); const db = cloud.database();"
            + "exports.main = async (event) => {"
            + "  await db.collection('accounts').doc('a').set({ data: { balance: 100 } });"
            + "  await db.collection('accounts').doc('b').set({ data: { balance: 0 } });"
            + "  const _ = db.command;"
            + "  const failed = await db.runTransaction(async t => {"
            + "    await t.collection('accounts').doc('a').update({ data: { balance: _.inc(-30) } });"
            + "    await t.collection('accounts').add({ data: { _id: 'c', balance: 1 } });"
            + "    throw new Error('abort') }).catch(e => e.message);"
            + "  const rolled = await db.runTransaction(async t => {"
            + "    await t.collection('accounts').doc('b').update({ data: { balance: _.inc(5) } });"
            + "    await t.rollback('changed my mind') }).catch(e => e);"
            + "  const done = await db.runTransaction(async t => {"
            + "    await t.collection('accounts').doc('a').update({ data: { balance: _.inc(-40) } });"
            + "    await t.collection('accounts').doc('b').update({ data: { balance: _.inc(40) } });"
            + "    return 'moved' });"
            + "  const t = await db.startTransaction();"
            + "  await t.collection('accounts').doc('a').update({ data: { balance: 0 } });"
            + "  await t.rollback();"
            + "  const a = (await db.collection('accounts').doc('a').get()).data.balance;"
            + "  const b = (await db.collection('accounts').doc('b').get()).data.balance;"
            + "  const c = await db.collection('accounts').doc('c').get().then(() => 'there', e => e.errMsg);"
            + "  return { failed, rolled, done, a, b, c } }"))) {
      assertThat(call(s, "seed", "{}")).extracting(r -> ((Map<?, ?>) r).get("result"))
          .isEqualTo(Map.of("page", 100, "many", 110, "top", 109, "openid", true));
      Object client = s.evaluate("function () { return wx.cloud.database().collection('items').get()"
          + ".then(r => r.data.length) }");
      assertThat(client).isEqualTo(20);
      assertThat(((Map<?, ?>) call(s, "move", "{}")).get("result")).isEqualTo(Map.of("failed", "abort",
          "rolled", "changed my mind", "done", "moved", "a", 60, "b", 40,
          "c", "document.get:fail document with _id c does not exist"));
    }
  }

  @Test
  void functionsShareThePageCodesQueryBuildersGeoExprAndAggregate() throws IOException {
    try (Session s = launch(Map.of(
        "places", "const cloud = require('wx-server-sdk'); cloud.init(); const db = cloud.database();"
            + "const _ = db.command, $ = _.aggregate;"
            + "exports.main = async () => { const places = db.collection('places');"
            + "  await places.add({ data: { _id: 'near', at: db.Geo.Point(116.4, 39.9), a: 5, b: 2 } });"
            + "  await places.add({ data: { _id: 'far', at: new db.Geo.Point(121.5, 31.2), a: 1, b: 3 } });"
            + "  const within = await db.collection('places').where({ at: _.geoWithin({"
            + "    centerSphere: [db.Geo.Point(116.4, 39.9), 0.01] }) }).get();"
            + "  const back = (await db.collection('places').doc('far').get()).data.at;"
            + "  const bigger = await places.aggregate().match(_.expr($.gt(['$a', '$b']))).project({ a: 1 }).end();"
            + "  const sum = await db.collection('places').aggregate()"
            + "    .group({ _id: null, total: $.sum($.add(['$a', '$b'])) }).end();"
            + "  return { within: within.data.map(d => d._id), point: back instanceof db.Geo.Point,"
            + "    longitude: back.longitude, bigger: bigger.list.map(d => d._id), total: sum.list[0].total } }"))) {
      assertThat(((Map<?, ?>) call(s, "places", "{}")).get("result")).isEqualTo(Map.of("within", List.of("near"),
          "point", true, "longitude", 121.5, "bigger", List.of("near"), "total", 11));
    }
  }

  @Test
  void functionsUseStorageAndCallEachOther() throws IOException {
    try (Session s = launch(Map.of(
        "store", "const cloud = require('wx-server-sdk'); cloud.init();"
            + "exports.main = async () => {"
            + "  const up = await cloud.uploadFile({ cloudPath: 'notes/hello.txt', fileContent: 'héllo' });"
            + "  const down = await cloud.downloadFile({ fileID: up.fileID });"
            + "  const urls = await cloud.getTempFileURL({ fileList: [up.fileID] });"
            + "  const inner = await cloud.callFunction({ name: 'echo', data: { n: 7 } });"
            + "  const missing = await cloud.callFunction({ name: 'none' }).catch(e => e.errCode);"
            + "  return { fileID: up.fileID, up: up.errMsg, text: down.fileContent.toString(),"
            + "    size: down.fileContent.length, url: urls.fileList[0].status, inner: inner.result,"
            + "    innerMsg: inner.errMsg,"
            + "    missing } }",
        "echo", "exports.main = async (event) => event.n * 6"))) {
      @SuppressWarnings("unchecked")
      Map<String, Object> result = (Map<String, Object>) ((Map<?, ?>) call(s, "store", "{}")).get("result");
      String fileId = (String) result.get("fileID");
      assertThat(fileId).matches("cloud://test-env\\.7465-test-env-13\\d{8}/notes/hello\\.txt");
      assertThat(result).containsEntry("up", "uploadFile:ok").containsEntry("text", "héllo")
          .containsEntry("size", 6).containsEntry("url", 0).containsEntry("inner", 42)
          .containsEntry("innerMsg", "callFunction:ok").containsEntry("missing", -501000);
      assertThat(s.cloudFile(fileId)).hasValueSatisfying(p -> assertThat(p).hasContent("héllo"));
    }
  }
}
