package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sparrow.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Patterns met in public cloud-development mini programs (docs/compatibility.md, "Tried on public mini programs"),
 * each in a small project of our own: an {@code initdb} cloud function that makes its collections with
 * {@code db.createCollection}; a page that reads its own route from {@code getCurrentPages()} in {@code onLoad}
 * (a hand-made tab bar marking the selected item); a bundled SDK calling {@code wx.cloud.init} again with an env
 * of its own, which WeChat ignores (only the first call takes effect).
 */
class CloudAppPatternsTest {
  @TempDir
  Path data;
  @TempDir
  Path project;

  private void write(String path, String text) throws IOException {
    TestFiles.write(project.resolve(path), text);
  }

  private static Object call(Session s, String name) {
    return s.evaluate("function () { return wx.cloud.callFunction({ name: '" + name + "' })"
        + ".then(r => r.result, e => ({ errCode: e.errCode, errMsg: e.errMsg })) }");
  }

  @Test
  void anInitFunctionCreatesItsCollectionsOnceThenPagesUseThem() throws IOException {
    write("project.config.json", "{\"appid\": \"wxcloudpattern01\", \"cloudfunctionRoot\": \"functions/\"}");
    write("app.json", "{\"pages\": [\"pages/index/index\"]}");
    write("app.js", "App({ onLaunch() { wx.cloud.init({ env: 'pattern-env' }) } })");
    write("pages/index/index.js", "Page({})");
    write("pages/index/index.wxml", "<view>init</view>");
    write("functions/initdb/index.js", """
        const cloud = require('wx-server-sdk')
        cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
        const db = cloud.database()
        exports.main = async () => {
          const made = []
          for (const name of ['banners', 'cards']) {
            made.push(await db.createCollection(name).then(r => r.errMsg,
              e => e.errCode + ' ' + e.errMsg + ' ' + (e instanceof Error)))
          }
          await db.collection('banners').add({ data: { image: 'a.png' } })
          return made
        }""");
    // no autoCreate: the page's call works only because the function made the collection
    try (Session s = Sparrow.launch(SessionOptions.of(project).dataDir(data).virtualClock()).awaitIdle()) {
      Object before = s.evaluate("function () { return wx.cloud.database().collection('cards').count()"
          + ".then(r => r.total, e => e.errCode) }");
      assertThat(before).isEqualTo(-502005);
      assertThat(call(s, "initdb")).isEqualTo(List.of("createCollection:ok", "createCollection:ok"));
      String exists = "-501001 createCollection:fail -501001 resource system error."
          + " [ResourceUnavailable.ResourceExist] Table exist. true";
      assertThat(call(s, "initdb")).isEqualTo(List.of(exists, exists));
      Object counts = s.evaluate("function () { const db = wx.cloud.database();"
          + " return Promise.all([db.collection('cards').count(), db.collection('banners').count()])"
          + ".then(rs => rs.map(r => r.total)) }");
      assertThat(counts).isEqualTo(List.of(0, 0)); // banners are PRIVATE (the default): a function's add is nobody's
      assertThat(s.cloudDatabase("pattern-env").count("banners", JsonNodeFactory.instance.objectNode()))
          .isEqualTo(2);
      // the page's SDK has no createCollection (WeChat: cloud functions only)
      assertThat(s.evaluate("function () { return typeof wx.cloud.database().createCollection }"))
          .isEqualTo("undefined");
      assertThat(s.errors()).isEmpty();
    }
  }

  @Test
  void aPageSeesItselfLastInGetCurrentPagesFromItsOnLoad() throws IOException {
    write("project.config.json", "{}");
    write("app.json", """
        {"pages": ["pages/home/home", "pages/mine/mine", "pages/detail/detail"],
         "tabBar": {"list": [{"pagePath": "pages/home/home", "text": "Home"},
                             {"pagePath": "pages/mine/mine", "text": "Mine"}]}}""");
    write("app.js", """
        App({
          seen: [],
          mark() {
            const pages = getCurrentPages()
            const me = pages[pages.length - 1]
            this.seen.push(pages.length + ' ' + me.route)
            me.setData({ selected: '/' + me.route })
          }
        })""");
    for (String p : List.of("home", "mine", "detail")) {
      write("pages/" + p + "/" + p + ".js", "Page({ onLoad() { getApp().mark() } })");
      write("pages/" + p + "/" + p + ".wxml", "<view>{{selected}}</view>");
    }
    try (Session s = Sparrow.launch(SessionOptions.of(project).dataDir(data).virtualClock()).awaitIdle()) {
      s.callWx("switchTab", Map.of("url", "/pages/mine/mine"));
      s.callWx("navigateTo", Map.of("url", "../detail/detail"));
      s.awaitIdle();
      s.callWx("redirectTo", Map.of("url", "/pages/detail/detail?x=1"));
      s.callWx("reLaunch", Map.of("url", "/pages/home/home"));
      s.awaitIdle();
      assertThat(s.evaluate("function () { return getApp().seen }")).isEqualTo(List.of(
          "1 pages/home/home", "1 pages/mine/mine", "2 pages/detail/detail", "2 pages/detail/detail",
          "1 pages/home/home"));
      assertThat(s.currentPage().data("selected")).isEqualTo("/pages/home/home");
      assertThat(s.errors()).isEmpty();
    }
  }

  @Test
  void onlyTheFirstCloudInitTakesEffectAndEachServiceKeepsItsOwnEnv() throws IOException {
    write("project.config.json", "{\"appid\": \"wxcloudpattern02\", \"cloudfunctionRoot\": \"functions/\"}");
    write("app.json", "{\"pages\": [\"pages/index/index\"]}");
    write("app.js", "App({ onLaunch() { wx.cloud.init({ env: { database: 'db-env', functions: 'fn-env' } }) } })");
    // a bundled SDK initialising again with its own env (the official tcb-demo-basic's agent page does)
    write("pages/index/index.js", "Page({ onLoad() { wx.cloud.init({ env: 'sdk-env' }) } })");
    write("pages/index/index.wxml", "<view>init</view>");
    write("functions/where/index.js", """
        const cloud = require('wx-server-sdk')
        exports.main = async () => cloud.getWXContext().ENV""");
    try (Session s = Sparrow.launch(SessionOptions.of(project).dataDir(data).virtualClock().cloudAutoCreate(true))
        .awaitIdle()) {
      Object env = s.evaluate("function () { const db = wx.cloud.database();"
          + " return db.collection('notes').add({ data: { text: 'hi' } }).then(() => db.config.env) }");
      assertThat(env).isEqualTo("db-env");
      assertThat(s.cloudDatabase("db-env").count("notes", JsonNodeFactory.instance.objectNode())).isEqualTo(1);
      assertThat(call(s, "where")).isEqualTo("fn-env");
      // storage was not named in init's env object: WeChat's 'default'
      Object fileId = s.evaluate("function () { const f = wx.env.USER_DATA_PATH + '/a.txt';"
          + " wx.getFileSystemManager().writeFileSync(f, 'x', 'utf8');"
          + " return wx.cloud.uploadFile({ cloudPath: 'a.txt', filePath: f }).then(r => r.fileID, e => e.errMsg) }");
      assertThat((String) fileId).startsWith("cloud://default.");
      assertThat(s.errors()).isEmpty();
    }
  }
}
