package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mocking wx APIs and exposing host functions, as the automation protocol needs. */
class MockTest {
  private Session s;

  @BeforeEach
  void launch() {
    s = Sparrow.launch(Examples.path("playground")).awaitIdle();
  }

  @AfterEach
  void close() {
    s.close();
  }

  @Test
  void aFixedResultAnswersAsyncAndSyncApisUntilRestored() {
    s.mockWx("getSystemInfo", Map.of("model", "mocked"));
    s.mockWx("getStorageSync", "fixed");
    assertThat(s.evaluate("function () { return wx.getSystemInfo().then(function (r) { return [r.model, wx.getStorageSync('x')] }) }"))
        .isEqualTo(List.of("mocked", "fixed"));
    assertThat(s.callWx("getSystemInfo", Map.of())).containsEntry("model", "mocked");
    s.restoreWx("getSystemInfo");
    s.restoreWx("getStorageSync");
    assertThat(s.evaluate("function () { return wx.getSystemInfo().then(function (r) { return [r.model, wx.getStorageSync('x')] }) }"))
        .isEqualTo(List.of("iPhone 6/7/8", ""));
  }

  @Test
  void aMockFunctionGetsTheCallArgumentsThenTheExtraOnesAndTheOriginal() {
    s.callWxSync("setStorageSync", "name", "real");
    s.mockWx("getStorageSync", "function (key, fallback) { return key === 'name' ? 'mock:' + this.origin(key) : fallback }", List.of("unknown"));
    assertThat(s.evaluate("function () { return [wx.getStorageSync('name'), wx.getStorageSync('other')] }"))
        .isEqualTo(List.of("mock:real", "unknown"));
  }

  @Test
  void aBindingReachesTheHost() {
    List<Object> calls = new CopyOnWriteArrayList<>();
    s.addBinding("notifyHost", (name, args) -> calls.add(List.of(name, args)));
    s.evaluate("function () { notifyHost(1, 'two', { three: 3 }) }");
    assertThat(calls).containsExactly(List.of("notifyHost", List.of(1, "two", Map.of("three", 3))));
  }
}
