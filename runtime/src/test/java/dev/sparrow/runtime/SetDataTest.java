package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** this.setData: data paths, synchronous this.data, undefined skipped, the 1024 KB limit, the callback. */
class SetDataTest {
  private Session s;

  @BeforeEach
  void launch() {
    s = Sparrow.launch(SessionOptions.of(Examples.path("playground"))).awaitIdle();
  }

  @AfterEach
  void close() {
    s.close();
  }

  private Object onPage(String body) {
    return s.evaluate("function () { var page = getCurrentPages()[0]; " + body + " }");
  }

  @Test
  void pathKeysUpdateNestedValuesAndCreateIntermediates() {
    onPage("page.setData({ 'list[1].name': 'B', 'nested.deep.value': 2, 'fresh.arr[2]': 'x', 'made[0].k': 1 })");
    PageHandle p = s.currentPage();
    assertThat(p.data("list")).isEqualTo(List.of(Map.of("name", "a"), Map.of("name", "B")));
    assertThat(p.data("nested.deep.value")).isEqualTo(2);
    assertThat(p.data("fresh.arr")).isEqualTo(java.util.Arrays.asList(null, null, "x"));
    assertThat(p.data("made")).isEqualTo(List.of(Map.of("k", 1)));
  }

  @Test
  void thisDataChangesSynchronouslyAndKeepsTheValueGiven() {
    Object r = onPage("var o = { v: 1 }; page.setData({ obj: o }); o.v = 2; return [page.data.obj.v, page.data.obj === o]");
    assertThat(r).isEqualTo(List.of(2, true));
  }

  @Test
  void undefinedValuesAreSkippedWithAWarning() {
    onPage("page.setData({ title: undefined, other: 1 })");
    assertThat(s.currentPage().data("title")).isEqualTo("playground");
    assertThat(s.currentPage().data("other")).isEqualTo(1);
    assertThat(s.console()).contains(new ConsoleMessage("warn", "Setting data field \"title\" to undefined is invalid."));
  }

  @Test
  void theCallbackRunsAfterTheUpdateAndAsynchronously() {
    Object r = onPage("return new Promise(function (resolve) { var order = [];"
        + " page.setData({ title: 'new' }, function () { order.push('callback ' + page.data.title); resolve(order) });"
        + " order.push('after setData') })");
    assertThat(r).isEqualTo(List.of("after setData", "callback new"));
  }

  @Test
  void aPayloadOverOneMegabyteIsNotSentAndLogsWeChatsError() {
    Object r = onPage("var big = new Array(1024 * 1024).join('x'); var called = false;"
        + " page.setData({ big: big }, function () { called = true });"
        + " return new Promise(function (resolve) { setTimeout(function () { resolve(called) }, 10) })");
    assertThat(r).isEqualTo(false);
    assertThat(s.console()).anyMatch(m -> m.level().equals("error")
        && m.text().matches("invokeWebviewMethod 数据传输长度为 \\d+ 已经超过最大长度 1048576"));
  }

  @Test
  void aFunctionBesideOtherValuesStaysInTheLogicLayerWhileTheViewGetsTheRest() {
    Object r = onPage("page.setData({ fn: function () { return 7 }, title: 'with a function', 'list[0].name': 'F' });"
        + " return [typeof page.data.fn, page.data.fn()]");
    assertThat(r).isEqualTo(List.of("function", 7));
    assertThat(s.currentPage().select("view").orElseThrow().text()).isEqualTo("with a function");
    assertThat(s.currentPage().data("list[0].name")).isEqualTo("F");
    assertThat(s.errors()).isEmpty();
  }

  @Test
  void theHostCanSetDataToo() {
    s.currentPage().setData(Map.of("title", "from host", "list[0].name", "A"));
    assertThat(s.currentPage().data("title")).isEqualTo("from host");
    assertThat(s.currentPage().data("list[0].name")).isEqualTo("A");
  }
}
