package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Patterns that public cloud-development mini programs use in their cloud functions (see "tried projects" in
 * docs/testing.md), each on a small fixture of Sparrow's own: the Node built-ins {@code path}, {@code util},
 * {@code assert}, {@code events} and {@code stream} (there, without streams) that functions and their packages
 * require, the {@code Buffer} global (the client's base64 uploaded as a file), and {@code throwOnNotFound: false} on
 * {@code cloud.database()} or {@code cloud.init()}, and {@code cloud.openapi} calls that reject.
 */
class CloudPublicPatternsTest {
  @TempDir
  Path data;
  @TempDir
  Path project;

  private void write(String path, String text) throws IOException {
    TestFiles.write(project.resolve(path), text);
  }

  /** The usual cloud template's layout: miniprogram/ and cloudfunctions/ side by side under the project. */
  private Session launch(Map<String, String> functions) throws IOException {
    write("project.config.json", "{\"appid\": \"wxcloudpatterns1\", \"miniprogramRoot\": \"miniprogram/\","
        + " \"cloudfunctionRoot\": \"cloudfunctions/\"}");
    write("miniprogram/app.json", "{\"pages\": [\"pages/index/index\"]}");
    write("miniprogram/app.js", "App({ onLaunch() { wx.cloud.init({ env: 'patterns-env', traceUser: true }) } })");
    write("miniprogram/pages/index/index.js", "Page({})");
    write("miniprogram/pages/index/index.wxml", "<view>cloud</view>");
    for (Map.Entry<String, String> f : functions.entrySet()) {
      write("cloudfunctions/" + f.getKey() + "/index.js", f.getValue());
    }
    return Sparrow.launch(SessionOptions.of(project).dataDir(data).virtualClock()
        .cloudOpenid("oUserDave0000000000000000004").cloudAutoCreate(true)).awaitIdle();
  }

  private static Object result(Session s, String name) {
    return s.evaluate("function () { return wx.cloud.callFunction({ name: '" + name + "', data: {} })"
        + ".then(r => r.result, e => e.errCode + ' ' + e.errMsg) }");
  }

  @Test
  void functionsRequireNodesPathUtilAssertEventsAndStream() throws IOException {
    write("cloudfunctions/node/node_modules/emitter-user/index.js",
        "const { EventEmitter } = require('events'); const util = require('util');"
            + "function Job() { EventEmitter.call(this) } util.inherits(Job, EventEmitter);"
            + "const Readable = require('stream').Readable;" // taken at load, as xlsx does
            + "Job.toStream = () => Readable(); module.exports = Job;");
    try (Session s = launch(Map.of("node", "const path = require('path');"
        + "const { format, promisify } = require('util');"
        + "const assert = require('assert');"
        + "const Job = require('emitter-user');"
        + "exports.main = async () => {"
        + "  const file = 'outputExcels/' + path.basename('/tmp/a/report.xlsx', '.xlsx') + '.csv';"
        + "  const later = promisify((x, cb) => setTimeout(() => cb(null, x * 2), 10));"
        + "  const job = new Job(); const seen = [];"
        + "  job.once('done', (a, b) => seen.push(a + b)); job.emit('done', 1, 2); job.emit('done', 5, 5);"
        + "  let failed;"
        + "  try { assert.strictEqual(1, 2) } catch (e) { failed = e.name + ' ' + e.code }"
        + "  assert(true); assert.deepStrictEqual({ a: [1] }, { a: [1] });"
        + "  return { file, join: path.join('a', '../b', './c/'), ext: path.extname('x.tar.gz'),"
        + "    dir: path.dirname('/var/user/index.js'), rel: path.relative('/a/b/c', '/a/d'),"
        + "    resolved: path.resolve('/srv', 'x', '..', 'y'), same: require('node:path') === path,"
        + "    fmt: format('%s has %d items %j', 'cart', 3, { ok: true }), later: await later(21),"
        + "    seen, failed, emitter: job instanceof require('events'),"
        + "    stream: (() => { try { Job.toStream() } catch (e) { return e.code } })() } }"))) {
      assertThat(result(s, "node")).isEqualTo(Map.ofEntries(Map.entry("file", "outputExcels/report.csv"),
          Map.entry("join", "b/c/"), Map.entry("ext", ".gz"), Map.entry("dir", "/var/user"),
          Map.entry("rel", "../../d"), Map.entry("resolved", "/srv/y"), Map.entry("same", true),
          Map.entry("fmt", "cart has 3 items {\"ok\":true}"), Map.entry("later", 42), Map.entry("seen", List.of(3)),
          Map.entry("failed", "AssertionError ERR_ASSERTION"), Map.entry("emitter", true),
          Map.entry("stream", "ERR_NOT_AVAILABLE")));
    }
  }

  @Test
  void throwOnNotFoundFalseAnswersAMissingDocumentWithNull() throws IOException {
    try (Session s = launch(Map.of(
        "own", "const cloud = require('wx-server-sdk'); cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });"
            + "const db = cloud.database({ throwOnNotFound: false });"
            + "exports.main = async () => { await db.collection('activity').add({ data: { n: 1 } });"
            + "  const r = await db.collection('activity').doc('nope').get(); return [r.data, r.errMsg] }",
        "init", "const cloud = require('wx-server-sdk');"
            + "cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV, throwOnNotFound: false });"
            + "exports.main = async () => (await cloud.database().collection('activity').doc('nope').get()).data",
        "strict", "const cloud = require('wx-server-sdk'); cloud.init();"
            + "exports.main = async () => (await cloud.database().collection('activity').doc('nope').get()).data"))) {
      assertThat(result(s, "own")).isEqualTo(Arrays.asList(null, "document.get:ok"));
      assertThat(result(s, "init")).isNull();
      assertThat((String) result(s, "strict")).startsWith("-504002 cloud.callFunction:fail Error: errCode: -504002"
          + " functions execute fail | errMsg: Error: document.get:fail document with _id nope does not exist");
    }
  }

  @Test
  void aFunctionTurnsTheClientsBase64IntoABufferAndUploadsIt() throws IOException {
    try (Session s = launch(Map.of("upload", "const cloud = require('wx-server-sdk'); cloud.init();"
        + "exports.main = async (event) => {"
        + "  const up = await cloud.uploadFile({ cloudPath: 'notes/' + event.name,"
        + "    fileContent: Buffer.from(event.b64, 'base64') });"
        + "  const down = (await cloud.downloadFile({ fileID: up.fileID })).fileContent;"
        + "  const both = Buffer.concat([Buffer.from('AB'), Buffer.alloc(2, 0x2a), Buffer.from('e4b896', 'hex')]);"
        + "  const word = Buffer.alloc(4); word.writeUInt32BE(0x01020304, 0);"
        + "  return { text: down.toString(), isBuffer: Buffer.isBuffer(down), size: down.length,"
        + "    both: both.toString(), hex: both.toString('hex'), b64: Buffer.from('hi?').toString('base64'),"
        + "    bytes: Buffer.byteLength('世界'), le: word.readUInt16LE(2), head: down.slice(0, 1).toString(),"
        + "    json: JSON.stringify(Buffer.from([1, 2])), same: Buffer.from('a').equals(Buffer.from([97])) } }"))) {
      Object result = s.evaluate("function () { const b64 = wx.arrayBufferToBase64(new Uint8Array("
          + "[104, 195, 169, 32, 228, 184, 150, 231, 149, 140]).buffer);"
          + " return wx.cloud.callFunction({ name: 'upload', data: { name: 'n.txt', b64 } })"
          + ".then(r => r.result, e => e.errCode + ' ' + e.errMsg) }");
      assertThat(result).isEqualTo(Map.ofEntries(Map.entry("text", "hé 世界"), Map.entry("isBuffer", true),
          Map.entry("size", 10), Map.entry("both", "AB**世"), Map.entry("hex", "41422a2ae4b896"),
          Map.entry("b64", "aGk/"), Map.entry("bytes", 6), Map.entry("le", 0x0403), Map.entry("head", "h"),
          Map.entry("json", "{\"type\":\"Buffer\",\"data\":[1,2]}"), Map.entry("same", true)));
    }
  }

  @Test
  void openApiCallsRejectNamingTheApiInsteadOfFailingOnUndefined() throws IOException {
    try (Session s = launch(Map.of("check", "const cloud = require('wx-server-sdk'); cloud.init();"
        + "exports.main = async (event) => {"
        + "  try { await cloud.openapi.security.msgSecCheck({ content: event.text }); return 'passed' }"
        + "  catch (e) { return [e.errCode, e.errMsg, e instanceof Error] } }"))) {
      Object result = s.evaluate("function () { return wx.cloud.callFunction({ name: 'check', data: { text: 'hi' } })"
          + ".then(r => r.result) }");
      assertThat(result).isEqualTo(List.of(-1, "openapi.security.msgSecCheck:fail Sparrow does not emulate WeChat"
          + " open APIs (cloud.openapi)", true));
    }
  }
}
