package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Node parts of a cloud function's world that are not Sparrow's own JS: {@code Buffer} (npm's {@code buffer}
 * package, from the class path) and {@code crypto} (digests, HMAC, PBKDF2 and random values over the JVM).
 * Expected values were computed once with Node 20 ({@code node -e "…createHash('md5').update('Sparrow 小程序')…"})
 * and are written here as literals.
 */
class CloudFunctionNodeTest {
  @TempDir
  Path data;
  @TempDir
  Path project;

  private void write(String path, String text) throws IOException {
    TestFiles.write(project.resolve(path), text);
  }

  private Session launch(Map<String, String> functions) throws IOException {
    write("project.config.json", "{\"appid\": \"wxcloudnode0001\", \"cloudfunctionRoot\": \"cloudfunctions/\"}");
    write("app.json", "{\"pages\": [\"pages/index/index\"]}");
    write("app.js", "App({ onLaunch() { wx.cloud.init({ env: 'node-env' }) } })");
    write("pages/index/index.js", "Page({})");
    write("pages/index/index.wxml", "<view>cloud</view>");
    for (Map.Entry<String, String> f : functions.entrySet()) {
      write("cloudfunctions/" + f.getKey() + "/index.js", f.getValue());
    }
    return Sparrow.launch(SessionOptions.of(project).dataDir(data).virtualClock()
        .cloudOpenid("oUserErin0000000000000000005").cloudAutoCreate(true)).awaitIdle();
  }

  /** The function's result from page code's {@code wx.cloud.callFunction}, or its errCode and errMsg. */
  private static Object call(Session s, String name, String data) {
    return s.evaluate("function () { return wx.cloud.callFunction({ name: '" + name + "', data: " + data + " })"
        + ".then(r => r.result, e => e.errCode + ' ' + e.errMsg) }");
  }

  @Test
  void bufferIsNpmsBufferWithItsEncodingsViewsAndJson() throws IOException {
    try (Session s = launch(Map.of("buf", "exports.main = async () => {"
        + "  const b = Buffer.from('héllo 世界');"
        + "  const x = Buffer.from('abc'); const y = x.slice(1); y[0] = 0x42;" // slice is a view, as in Node
        + "  const d = Buffer.alloc(8); d.writeDoubleLE(1.5);"
        + "  const u = Buffer.from('hi?>'); const w = Buffer.alloc(4); const written = w.write('aGk_', 'base64url');"
        + "  return { b64: b.toString('base64'), hex: Buffer.from('aGk/', 'base64').toString('hex'),"
        + "    latin1: Buffer.from('ÿé', 'latin1').toString('hex'),"
        + "    ucs2: Buffer.from('hi', 'utf16le').toString('hex'),"
        + "    ascii: Buffer.from([0xe9, 0x41]).toString('ascii'), url: Buffer.from('-_8', 'base64').toString('hex'),"
        + "    lengths: [Buffer.byteLength('aGk/', 'base64'), Buffer.byteLength('e4b8', 'hex'),"
        + "      Buffer.byteLength('hé')],"
        + "    view: x.toString(), sub: b.subarray(1, 3).toString('hex'), fill: Buffer.alloc(3, 'ab').toString(),"
        + "    cmp: [Buffer.compare(Buffer.from('a'), Buffer.from('b')), Buffer.from('b').compare(Buffer.from('a'))],"
        + "    find: [b.indexOf('l'), b.includes('世界'), b.lastIndexOf(0x6c)],"
        + "    double: [d.readDoubleLE(0), d.toString('hex')],"
        + "    concat: Buffer.concat([Buffer.from('ab'), new Uint8Array([0x63])], 2).toString(),"
        + "    module: [require('buffer').Buffer === Buffer, require('node:buffer').kMaxLength],"
        + "    base64url: [u.toString('base64url'), Buffer.from('aGk_Pg', 'base64url').toString(),"
        + "      Buffer.byteLength('aGk_Pg', 'base64url'), Buffer.isEncoding('base64url'), written, w.toString('hex'),"
        + "      u.toString('base64url', 1, 3)],"
        + "    text: JSON.stringify(Buffer.from([1, 2])), result: Buffer.from('hi') } }"))) {
      assertThat(call(s, "buf", "{}")).isEqualTo(Map.ofEntries(Map.entry("b64", "aMOpbGxvIOS4lueVjA=="),
          Map.entry("hex", "68693f"), Map.entry("latin1", "ffe9"), Map.entry("ucs2", "68006900"),
          Map.entry("ascii", "iA"), Map.entry("url", "fbff"), Map.entry("lengths", List.of(3, 2, 3)),
          Map.entry("view", "aBc"), Map.entry("sub", "c3a9"), Map.entry("fill", "aba"),
          Map.entry("cmp", List.of(-1, 1)), Map.entry("find", List.of(3, true, 4)),
          Map.entry("double", List.of(1.5, "000000000000f83f")), Map.entry("concat", "ab"),
          Map.entry("base64url", List.of("aGk_Pg", "hi?>", 4, true, 3, "68693f00", "aT8")),
          Map.entry("module", List.of(true, 2147483647)), Map.entry("text", "{\"type\":\"Buffer\",\"data\":[1,2]}"),
          Map.entry("result", Map.of("type", "Buffer", "data", List.of(104, 105)))));
      assertThat(s.errors()).isEmpty();
    }
  }

  @Test
  void cryptoDigestsAndHmacsEqualNodes() throws IOException {
    try (Session s = launch(Map.of("digest", "const crypto = require('crypto');"
        + "exports.main = async () => {"
        + "  const out = {};"
        + "  for (const a of ['md5', 'sha1', 'sha256', 'sha512']) {"
        + "    out[a] = [crypto.createHash(a).update('Sparrow ').update(Buffer.from('小程序')).digest('hex'),"
        + "      crypto.createHash(a).update('').digest('base64')] }"
        + "  const raw = require('node:crypto').createHash('md5').update('a').digest();"
        + "  out.raw = [Buffer.isBuffer(raw), raw.toString('hex')];"
        + "  out.upper = crypto.createHash('SHA256').update('a').digest('hex');"
        + "  out.hexInput = crypto.createHash('sha1').update('616263', 'hex').digest('hex');"
        + "  out.constructed = new crypto.Hash('sha1').update('abc').digest('hex');"
        + "  out.url = crypto.createHash('sha256').update('abc').digest('base64url');"
        + "  const h = crypto.createHash('sha256').update('ab'); const c = h.copy();"
        + "  out.copy = [h.update('c').digest('hex'), c.digest('hex')];"
        + "  out.hmac = [crypto.createHmac('sha256', 'key').update('The quick brown fox jumps over the lazy dog')"
        + "    .digest('hex'), crypto.createHmac('sha1', Buffer.from('6b6579', 'hex')).update(Buffer.from('abc'))"
        + "    .update('def').digest('base64'), crypto.createHmac('md5', 'k').digest('hex'),"
        + "    crypto.createHmac('sha256', '').update('x').digest('hex')];"
        + "  out.pbkdf2 = [crypto.pbkdf2Sync('password', 'salt', 1000, 32, 'sha256').toString('hex'),"
        + "    crypto.pbkdf2Sync('pässword', Buffer.from('salt'), 2, 64, 'sha512').toString('hex')];"
        + "  out.pbkdf2Async = await new Promise((ok, no) => crypto.pbkdf2('password', 'salt', 1, 20, 'sha1',"
        + "    (e, k) => e ? no(e) : ok(k.toString('hex'))));"
        + "  out.hashes = crypto.getHashes().filter(n => ['md5', 'sha1', 'sha256', 'sha512'].includes(n)).length;"
        + "  return out }"))) {
      assertThat(call(s, "digest", "{}")).isEqualTo(Map.ofEntries(
          Map.entry("md5", List.of("fbb0cb7930e0d9827bc683721b53d419", "1B2M2Y8AsgTpgAmY7PhCfg==")),
          Map.entry("sha1", List.of("585607cd4d3da7222620e3bacbdfd7ab0f47c8e3", "2jmj7l5rSw0yVb/vlWAYkK/YBwk=")),
          Map.entry("sha256", List.of("08ab8b1a8661bcd659a6f78e0d83ed4c57503461f69260ce2b405c69ec330997",
              "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")),
          Map.entry("sha512", List.of("ca50ea5a61e6899bf4d78a0ff58b7ff17a408989aecd4e57bad57e18840353b7711c6548cf5c"
              + "4e4efb7b7fa28e9c06e4e51b4356ae7123b6c95583e013eb6d9d", "z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0"
              + "NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==")),
          Map.entry("raw", List.of(true, "0cc175b9c0f1b6a831c399e269772661")),
          Map.entry("upper", "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"),
          Map.entry("hexInput", "a9993e364706816aba3e25717850c26c9cd0d89d"),
          Map.entry("constructed", "a9993e364706816aba3e25717850c26c9cd0d89d"),
          Map.entry("url", "ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0"),
          Map.entry("copy", List.of("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
              "fb8e20fc2e4c3f248c60c39bd652f3c1347298bb977b8b4d5903b85055620603")),
          Map.entry("hmac", List.of("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
              "GPlYJYYcX+q+7Nfq7yerq+u7Uyc=", "cd32bedd46aa63cffa3023f050fc78e3",
              "4cbc96099a6467ce002461f10549b4898265ebe6188b45efacc44293516e62c4")),
          Map.entry("pbkdf2", List.of("632c2812e46d4604102ba7618e9d6d7d2f8128f6266b4a03264d2a0460b7dcb3",
              "f5bc86331707c8a6f0c4b226ce4bc6619f96ad658353bfc7fdc9548827e70a0e65e28515fef23a53de205ad2e5fd7a95f10"
              + "00cf771747eedc2235dbcbd92fb5c")),
          Map.entry("pbkdf2Async", "0c60c80f961f0e71f3a9b524af6012062fe037a6"),
          Map.entry("hashes", 4)));
    }
  }

  @Test
  void aLoginFunctionHashesPasswordsSignsTokensAndMakesIds() throws IOException {
    String common = "const cloud = require('wx-server-sdk'); cloud.init();"
        + "const crypto = require('crypto'); const db = cloud.database();"
        + "const hash = (password, salt) => crypto.pbkdf2Sync(password, salt, 10000, 32, 'sha256');";
    try (Session s = launch(Map.of(
        "register", common + "exports.main = async (event) => {"
            + "  const salt = crypto.randomBytes(16);"
            + "  await db.collection('users').doc(event.name).set({ data: { salt: salt.toString('hex'),"
            + "    hash: hash(event.password, salt).toString('base64') } });"
            + "  return { salt: salt.toString('hex').length, id: crypto.randomUUID() } }",
        "login", common + "exports.main = async (event) => {"
            + "  const user = (await db.collection('users').doc(event.name).get()).data;"
            + "  const ok = crypto.timingSafeEqual(hash(event.password, Buffer.from(user.salt, 'hex')),"
            + "    Buffer.from(user.hash, 'base64'));"
            + "  const body = Buffer.from(JSON.stringify({ sub: event.name })).toString('base64');"
            + "  const sig = crypto.createHmac('sha256', 'server-secret').update(body).digest('hex');"
            + "  return { ok, token: ok ? body + '.' + sig : '' } }",
        "random", "const crypto = require('crypto'); exports.main = async () => {"
            + "  const ids = [crypto.randomUUID(), crypto.randomUUID()];"
            + "  const filled = crypto.randomFillSync(new Uint8Array(8), 6);"
            + "  const ints = Array.from({ length: 50 }, () => crypto.randomInt(3, 6));"
            + "  const viaCallback = await new Promise(ok => crypto.randomBytes(5, (e, b) => ok(b.length)));"
            + "  return { ids: ids.filter(i => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/"
            + "    .test(i)).length, distinct: ids[0] !== ids[1], zeros: Array.from(filled.subarray(0, 6)),"
            + "    inRange: ints.every(n => n >= 3 && n < 6), bytes: crypto.randomBytes(24).length, viaCallback,"
            + "    values: crypto.getRandomValues(new Uint32Array(4)).length } }"))) {
      Map<?, ?> registered = (Map<?, ?>) call(s, "register", "{ name: 'ada', password: 'correct horse' }");
      assertThat(registered.get("salt")).isEqualTo(32);
      assertThat((String) registered.get("id")).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}"
          + "-[0-9a-f]{12}");
      // the token is base64 of {"sub":"ada"} and its HMAC-SHA256 under 'server-secret' (Node: same digest)
      assertThat(call(s, "login", "{ name: 'ada', password: 'correct horse' }")).isEqualTo(Map.of("ok", true,
          "token",
          "eyJzdWIiOiJhZGEifQ==.d4d74c059e0155458be9cdeb3132bbf3c3ccb71baa6e6de63172906720b5edff"));
      assertThat(call(s, "login", "{ name: 'ada', password: 'wrong horse' }"))
          .isEqualTo(Map.of("ok", false, "token", ""));
      assertThat(call(s, "random", "{}")).isEqualTo(Map.of("ids", 2, "distinct", true,
          "zeros", List.of(0, 0, 0, 0, 0, 0), "inRange", true, "bytes", 24, "viaCallback", 5, "values", 4));
      assertThat(s.errors()).isEmpty();
    }
  }

  @Test
  void unsupportedCryptoMembersAndBadArgumentsThrowNodesErrorsAndNoJava() throws IOException {
    write("cloudfunctions/slow/config.json", "{\"timeout\": 0.5}");
    try (Session s = launch(Map.of(
        "bad", "const crypto = require('crypto'); exports.main = async () => {"
            + "  const tries = [() => crypto.createCipheriv('aes-256-cbc', Buffer.alloc(32), Buffer.alloc(16)),"
            + "    () => crypto.scryptSync('p', 's', 16), () => crypto.createHash('whirlpool'),"
            + "    () => crypto.createHmac('foo', 'k'), () => crypto.createHash('md5').update(5),"
            + "    () => { const h = crypto.createHash('md5'); h.digest(); h.update('x') },"
            + "    () => crypto.timingSafeEqual(Buffer.from('a'), Buffer.from('ab')),"
            + "    () => crypto.randomBytes(-1), () => crypto.pbkdf2Sync('p', 's', 0, 16, 'sha1'),"
            + "    () => crypto.pbkdf2Sync('p', 's', 1, 16, 'nope')];"
            + "  return tries.map(t => { try { t(); return 'no error' } catch (e) {"
            + "    return e.name + ' ' + e.code + ' ' + e.message } }) }",
        "sign", "exports.main = async () => require('crypto').createSign('RSA-SHA256')",
        "slow", "exports.main = async () => require('crypto').pbkdf2Sync('p', 's', 2147483647, 64, 'sha512')"))) {
      assertThat(call(s, "bad", "{}")).isEqualTo(List.of(
          "Error ERR_NOT_AVAILABLE crypto.createCipheriv is not available in Sparrow's cloud functions (only hashes,"
              + " HMAC, PBKDF2 and random values)",
          "Error ERR_NOT_AVAILABLE crypto.scryptSync is not available in Sparrow's cloud functions (only hashes,"
              + " HMAC, PBKDF2 and random values)",
          "Error undefined Digest method not supported",
          "TypeError ERR_CRYPTO_INVALID_DIGEST Invalid digest: foo",
          "TypeError ERR_INVALID_ARG_TYPE The \"data\" argument must be of type string or an instance of Buffer,"
              + " TypedArray, or DataView. Received type number (5)",
          "Error ERR_CRYPTO_HASH_FINALIZED Digest already called",
          "RangeError ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH Input buffers must have the same byte length",
          "RangeError ERR_OUT_OF_RANGE The value of \"size\" is out of range. It must be >= 0 && <= 16777216."
              + " Received -1",
          "RangeError ERR_OUT_OF_RANGE The value of \"iterations\" is out of range. It must be >= 1 && <="
              + " 2147483647. Received 0",
          "TypeError ERR_CRYPTO_INVALID_DIGEST Invalid digest: nope"));
      String sign = (String) call(s, "sign", "{}");
      assertThat(sign).startsWith("-504002 cloud.callFunction:fail Error: errCode: -504002 functions execute fail"
          + " | errMsg: Error: crypto.createSign is not available in Sparrow's cloud functions (only hashes, HMAC,"
          + " PBKDF2 and random values) at ").doesNotContain("java").doesNotContain("sparrow.");
      // two billion PBKDF2 rounds: the timeout stops the host's loop, and the call fails as timed out
      assertThat(call(s, "slow", "{}")).isEqualTo("-504003 cloud.callFunction:fail Error: errCode: -504003  |"
          + " errMsg: Invoking task timed out after 0.5 seconds");
    }
  }
}
