package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.apis.cloud.CloudPermission;
import dev.sparrow.apis.cloud.CloudStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wx.canIUse('cloud')} now that the database, functions and storage are emulated, and the collection files a
 * session leaves: page updates and removes append to the file while it runs, and closing a session that owns its
 * stores compacts the file to the plain export format (one line per live document).
 */
class CloudSessionFilesTest {
  @TempDir
  Path data;

  private SessionOptions options() {
    return SessionOptions.of(Examples.path("cloud-notes")).dataDir(data).virtualClock()
        .cloudOpenid("oUserAlice000000000000000001").cloudCollection("todos", CloudPermission.READONLY);
  }

  private static final String WRITES = "async function () { const db = wx.cloud.database(); const _ = db.command;"
      + " const c = db.collection('todos'); const ids = [];"
      + " for (let i = 0; i < 5; i++) ids.push((await c.add({ data: { n: i } }))._id);"
      + " for (let k = 0; k < 10; k++) await c.doc(ids[k % 5]).update({ data: { n: _.inc(10) } });"
      + " await c.doc(ids[0]).remove();"
      + " return (await c.orderBy('n', 'asc').get()).data.map(d => d.n) }";

  @Test
  void canIUseCloudIsTrueAndRouterAndWorkletStayFalse() {
    try (Session s = Sparrow.launch(options()).awaitIdle()) {
      Object answers = s.evaluate("function () { return ['cloud', 'router', 'worklet'].map(n => wx.canIUse(n)) }");
      assertThat(answers).isEqualTo(List.of(true, false, false));
      assertThat(s.evaluate("function () { return typeof wx.cloud.database }")).isEqualTo("function");
    }
  }

  @Test
  void updatesAppendWhileTheSessionRunsAndItsCloseLeavesOneLinePerDocument() throws IOException {
    Path file;
    try (Session s = Sparrow.launch(options()).awaitIdle()) {
      assertThat(s.evaluate(WRITES)).isEqualTo(List.of(21, 22, 23, 24));
      file = s.dataDir().resolve("cloud/notes-dev/todos.jsonl");
      // 5 adds, 10 updates, 1 removal: 16 lines appended
      assertThat(Files.readAllLines(file)).hasSize(16).last().asString().startsWith("{\"$remove\":");
    }
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(4).allMatch(l -> l.startsWith("{\"_id\":"));
    assertThat(lines.get(0)).contains("\"n\":21");
    // a session given a shared registry leaves the store to whoever holds the registry
    CloudStores shared = new CloudStores();
    try (Session s = Sparrow.launch(options().cloudStores(shared)).awaitIdle()) {
      s.evaluate(WRITES);
    }
    assertThat(Files.readAllLines(file)).hasSize(4 + 16);
    shared.close();
    assertThat(Files.readAllLines(file)).hasSize(8).allMatch(l -> l.startsWith("{\"_id\":"));
  }
}
