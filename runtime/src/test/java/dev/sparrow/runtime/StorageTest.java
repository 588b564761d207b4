package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wx storage from page code: types survive, limits hold with WeChat's errors, data persists per appid. */
class StorageTest {
  @TempDir Path data;

  private Session launch(String example) {
    return Sparrow.launch(SessionOptions.of(Examples.path(example)).dataDir(data)).awaitIdle();
  }

  @Test
  void valuesComeBackWithTheirTypes() {
    try (Session s = launch("playground")) {
      Object r = s.evaluate("function () {"
          + " wx.setStorageSync('n', 1.5); wx.setStorageSync('s', 'text'); wx.setStorageSync('b', false);"
          + " wx.setStorageSync('o', { a: [1, { b: null }] }); wx.setStorageSync('d', new Date(0)); wx.setStorageSync('u', undefined);"
          + " var d = wx.getStorageSync('d');"
          + " return [wx.getStorageSync('n'), wx.getStorageSync('s'), wx.getStorageSync('b'), wx.getStorageSync('o'),"
          + " d instanceof Date && d.getTime(), typeof wx.getStorageSync('u'), wx.getStorageSync('missing')] }");
      assertThat(r).isEqualTo(List.of(1.5, "text", false, Map.of("a", List.of(1, java.util.Collections.singletonMap("b", null))), 0, "undefined", ""));
    }
  }

  @Test
  void storagePersistsAcrossSessionsOfTheSameAppidOnly() {
    try (Session s = launch("playground")) {
      s.callWxSync("setStorageSync", "kept", Map.of("v", 1));
    }
    try (Session s = launch("playground")) {
      assertThat(s.callWxSync("getStorageSync", "kept")).isEqualTo(Map.of("v", 1));
      assertThat(s.callWx("getStorageInfo", Map.of())).containsEntry("keys", List.of("kept")).containsEntry("limitSize", 10240);
    }
    try (Session other = launch("navigation")) {
      assertThat(other.callWxSync("getStorageSync", "kept")).isEqualTo("");
    }
    assertThat(data.resolve("wxsparrowplay001/storage")).isDirectory();
  }

  @Test
  void removeAndClear() {
    try (Session s = launch("playground")) {
      Object r = s.evaluate("function () { wx.setStorageSync('a', 1); wx.setStorageSync('b', 2); wx.removeStorageSync('a');"
          + " var keys = wx.getStorageInfoSync().keys; wx.clearStorageSync(); return [keys, wx.getStorageInfoSync().keys] }");
      assertThat(r).isEqualTo(List.of(List.of("b"), List.of()));
    }
  }

  @Test
  void cyclicDataFailsWithTheApisPrefixAndLeavesTheStoreAlone() {
    try (Session s = launch("playground")) {
      Object r = s.evaluate("function () { var o = { a: 1 }; o.self = o; var out = [];"
          + " try { wx.setStorageSync('c', o); out.push('stored') } catch (e) { out.push(e.message, e.errMsg) }"
          + " return new Promise(function (resolve) { wx.setStorage({ key: 'c', data: [o], fail: function (e) {"
          + " out.push(e.errMsg); resolve(out.concat([wx.getStorageInfoSync().keys.indexOf('c')])) } }) }) }");
      assertThat(r).isEqualTo(List.of("setStorageSync:fail Converting circular structure to JSON",
          "setStorageSync:fail Converting circular structure to JSON",
          "setStorage:fail Converting circular structure to JSON", -1));
    }
  }

  @Test
  void oneValueOverOneMegabyteIsRefused() {
    try (Session s = launch("playground")) {
      Object r = s.evaluate("function () { var big = new Array(1024 * 1024 + 1).join('x');"
          + " try { wx.setStorageSync('big', big); return 'stored' } catch (e) { return e.message } }");
      assertThat(r).isEqualTo("setStorageSync:fail exceed storage item max size");
    }
  }

  @Test
  void theTotalIsCappedAtTenMegabytesAndAFailedWriteKeepsTheOldValue() {
    try (Session s = launch("playground")) {
      Object r = s.evaluate("function () { var chunk = new Array(1000 * 1000).join('x'); var i = 0; var msg = null;"
          + " wx.setStorageSync('keep', 'old');"
          + " while (i < 20) { try { wx.setStorageSync('k' + i, chunk); i++ } catch (e) { msg = e.message; break } }"
          + " return wx.setStorage({ key: 'keep', data: chunk.slice(0, 500000) }).then(function () { return 'stored' }, function (e) {"
          + " return [i, msg, e.errMsg, wx.getStorageSync('keep'), wx.getStorageInfoSync().currentSize <= 10240] }) }");
      assertThat(r).isEqualTo(List.of(10, "setStorageSync:fail exceed storage max size", "setStorage:fail exceed storage max size", "old", true));
    }
  }

  @Test
  void writesAreAtomicFilesWithNoTemporaryLeftovers() throws Exception {
    try (Session s = launch("playground")) {
      s.callWxSync("setStorageSync", "x", "y");
    }
    try (var files = Files.list(data.resolve("wxsparrowplay001/storage"))) {
      assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.endsWith(".json"));
    }
  }
}
