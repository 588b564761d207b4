package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.apis.cloud.CloudPermission;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The realtime listener's documented limits and its connection: a watch holds at most 5000 documents (past that it
 * ends through {@code onError}), takes {@code where}, {@code orderBy} and {@code limit} only; a dropped connection
 * pauses snapshots, a reconnect catches up in one, a lost one ends every watch.
 */
class CloudWatchLimitsTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  Path data;

  private Session launch() {
    return Sparrow.launch(SessionOptions.of(Examples.path("cloud-notes")).dataDir(data).virtualClock()
        .cloudCollection("todos", CloudPermission.READONLY)).awaitIdle();
  }

  private static List<Object> seen(Session s) {
    @SuppressWarnings("unchecked")
    List<Object> seen = (List<Object>) s.evaluate("function () { return globalThis.seen.slice() }");
    return seen;
  }

  @Test
  void aWatchEndsWhenItsResultPassesFiveThousandDocuments() {
    try (Session s = launch()) {
      List<ObjectNode> docs = new ArrayList<>();
      for (int i = 0; i < 5000; i++) {
        docs.add(JsonNodeFactory.instance.objectNode().put("_id", String.format("d%05d", i)).put("n", i));
      }
      s.cloudDatabase("notes-dev").addAll("todos", docs, false);
      s.evaluate("function () { const c = wx.cloud.database().collection('todos'); globalThis.seen = [];"
          + " c.watch({ onChange: snap => seen.push('all ' + snap.docs.length),"
          + "  onError: e => seen.push('all ' + e.errCode + ' ' + e.errMsg) });"
          + " c.orderBy('n', 'desc').limit(3).skip(2).field({ n: true }).watch({"
          + "  onChange: snap => seen.push('top ' + snap.docs.map(d => d.n + (d._id ? '' : '?')).join()),"
          + "  onError: e => seen.push('top ' + e.errMsg) }) }");
      s.awaitUntil(x -> seen(x).size() == 2, WAIT);
      assertThat(seen(s)).containsExactlyInAnyOrder("all 5000", "top 4999,4998,4997");
      s.evaluate("function () { return wx.cloud.database().collection('todos').add({ data: { n: 5000 } }) }");
      s.awaitUntil(x -> seen(x).size() == 4, WAIT);
      assertThat(seen(s).subList(2, 4)).containsExactlyInAnyOrder(
          "all SDK_DATABASE_REALTIME_LISTENER_SERVER_ERROR_MSG LIMIT_EXCEEDED - a watch holds at most 5000 documents",
          "top 5000,4999,4998");
      assertThat(s.errors()).isEmpty();
    }
  }

  @Test
  void aDroppedConnectionPausesWatchesAndAReconnectCatchesUp() {
    try (Session s = launch()) {
      s.evaluate("function () { globalThis.seen = []; wx.cloud.database().collection('todos').watch({"
          + " onChange: snap => seen.push(snap.docs.length + ': ' + snap.docChanges.map(c => c.dataType).join()),"
          + " onError: e => seen.push(e.errCode + ' ' + e.errMsg) }) }");
      s.awaitUntil(x -> seen(x).size() == 1, WAIT);
      String add = "function (n) { return wx.cloud.database().collection('todos').add({ data: { n: n } }) }";
      s.evaluate(add, 1);
      s.awaitUntil(x -> seen(x).size() == 2, WAIT);
      s.cloudRealtime(Session.CloudRealtime.DROP);
      s.evaluate(add, 2);
      s.evaluate(add, 3);
      s.awaitIdle();
      assertThat(seen(s)).containsExactly("0: ", "1: add");
      s.cloudRealtime(Session.CloudRealtime.RECONNECT);
      s.awaitUntil(x -> seen(x).size() == 3, WAIT);
      assertThat(seen(s)).containsExactly("0: ", "1: add", "3: add,add");
      s.evaluate(add, 4);
      s.awaitUntil(x -> seen(x).size() == 4, WAIT);
      s.cloudRealtime(Session.CloudRealtime.LOST);
      s.awaitUntil(x -> seen(x).size() == 5, WAIT);
      s.evaluate(add, 5);
      s.awaitIdle();
      assertThat(seen(s)).containsExactly("0: ", "1: add", "3: add,add", "4: add",
          "SDK_DATABASE_REALTIME_LISTENER_RECONNECT_WATCH_FAIL realtime listener reconnect watch fail");
      assertThat(s.errors()).isEmpty();
    }
  }
}
