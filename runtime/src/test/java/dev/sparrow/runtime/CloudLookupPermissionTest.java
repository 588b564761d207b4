package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.apis.cloud.CloudPermission;
import dev.sparrow.apis.cloud.CloudStores;
import dev.sparrow.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An aggregate's {@code lookup} and the permission modes, two users sharing one store: WeChat runs {@code lookup}
 * only in cloud functions (its join guide: not on the mini program side; a client call fails with -502003), so a
 * page can never join another user's documents of a creator-only collection; a cloud function joins everything and
 * filters by the caller's OPENID itself.
 */
class CloudLookupPermissionTest {
  private static final String ALICE = "oUserAlice000000000000000001";
  private static final String BOB = "oUserBob00000000000000000002";
  private static final String DENIED = "-502003 collection.aggregate:fail -502003 database permission denied."
      + " Permission denied";

  @TempDir
  Path data;
  @TempDir
  Path project;

  private void write(String path, String text) throws IOException {
    TestFiles.write(project.resolve(path), text);
  }

  private SessionOptions options(String openid, CloudStores stores) throws IOException {
    write("project.config.json", "{\"appid\": \"wxlookuptest01\", \"cloudfunctionRoot\": \"functions/\"}");
    write("app.json", "{\"pages\": [\"pages/index/index\"]}");
    write("app.js", "App({ onLaunch() { wx.cloud.init({ env: 'test-env' }) } })");
    write("pages/index/index.js", "Page({})");
    write("pages/index/index.wxml", "<view>lookup</view>");
    write("functions/joined/index.js", "const cloud = require('wx-server-sdk');"
        + "cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });"
        + "exports.main = async (event) => { const db = cloud.database(); const _ = db.command;"
        + "  const $ = _.aggregate; const me = cloud.getWXContext().OPENID;"
        + "  const all = await db.collection('posts').aggregate()"
        + "    .lookup({ from: 'secrets', localField: 'key', foreignField: 'key', as: 's' }).end();"
        + "  const mine = await db.collection('posts').aggregate()"
        + "    .lookup({ from: 'secrets', let: { key: '$key' }, as: 's', pipeline: $.pipeline()"
        + "      .match(_.expr($.and([$.eq(['$key', '$$key']), $.eq(['$_openid', me])])))"
        + "      .project({ _id: 0, text: 1 }).done() }).end();"
        + "  return { all: all.list[0].s.map(d => d.text).sort(), mine: mine.list[0].s.map(d => d.text) } }");
    return SessionOptions.of(project).dataDir(data).virtualClock().cloudOpenid(openid).cloudStores(stores)
        .cloudCollection("secrets", CloudPermission.PRIVATE).cloudCollection("posts", CloudPermission.READONLY);
  }

  private static Object add(Session s, String collection, String data) {
    return s.evaluate("function () { return wx.cloud.database().collection('" + collection + "')"
        + ".add({ data: " + data + " }).then(r => r.errMsg) }");
  }

  @Test
  void aPageCannotJoinAnotherUsersPrivateDocumentsACloudFunctionJoinsAndFiltersByOpenid() throws IOException {
    CloudStores stores = new CloudStores();
    try (Session alice = Sparrow.launch(options(ALICE, stores)).awaitIdle();
        Session bob = Sparrow.launch(options(BOB, stores)).awaitIdle()) {
      assertThat(add(alice, "secrets", "{ key: 'k1', text: 'alice secret' }")).isEqualTo("collection.add:ok");
      assertThat(add(bob, "secrets", "{ key: 'k1', text: 'bob secret' }")).isEqualTo("collection.add:ok");
      assertThat(add(alice, "posts", "{ key: 'k1', title: 'hello' }")).isEqualTo("collection.add:ok");

      Object fromPage = bob.evaluate("async function () { const db = wx.cloud.database();"
          + " const msg = p => p.then(r => 'ok ' + JSON.stringify(r.list), e => e.errCode + ' ' + e.errMsg);"
          + " return [await msg(db.collection('posts').aggregate()"
          + "     .lookup({ from: 'secrets', localField: 'key', foreignField: 'key', as: 's' }).end()),"
          + "   await msg(db.collection('posts').aggregate().match({ key: 'k1' })"
          + "     .lookup({ from: 'posts', localField: 'key', foreignField: 'key', as: 'same' }).end()),"
          + "   await msg(db.collection('secrets').aggregate().project({ _id: 0, text: 1 }).end()),"
          + "   await msg(db.collection('posts').aggregate().project({ _id: 0, title: 1 }).end())] }");
      assertThat(fromPage).isEqualTo(List.of(DENIED, DENIED, // a creator-only target, and a readable one alike
          "ok [{\"text\":\"bob secret\"}]", "ok [{\"title\":\"hello\"}]"));

      Object fromFunction = bob.evaluate("function () { return wx.cloud.callFunction({ name: 'joined' })"
          + ".then(r => r.result, e => e.errCode + ' ' + e.errMsg) }");
      assertThat(fromFunction).isEqualTo(Map.of("all", List.of("alice secret", "bob secret"),
          "mine", List.of("bob secret")));
      assertThat(alice.evaluate("function () { return wx.cloud.callFunction({ name: 'joined' })"
          + ".then(r => r.result.mine) }")).isEqualTo(List.of("alice secret"));
      assertThat(alice.errors()).isEmpty();
      assertThat(bob.errors()).isEmpty();
    }
  }
}
