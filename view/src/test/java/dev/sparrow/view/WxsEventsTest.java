package dev.sparrow.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparrow.view.component.Interaction;
import dev.sparrow.view.event.HandlerCall;
import dev.sparrow.view.tree.Patch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WXS event handlers ({@code bindtouchmove="{{wxs.fn}}"}) and {@code change:} observers, in the view alone. */
class WxsEventsTest {
  /** A swipe-cell-like drag of our own: state in getState, the panel moved with setStyle, a class while dragging. */
  private static final String DRAG = """
      <wxs module="drag">
      var begin = function (e, owner) {
        var st = e.instance.getState();
        st.x0 = e.touches[0].pageX;
        st.moves = 0;
        owner.callMethod('began', { x: st.x0, key: e.instance.getDataset().key });
      };
      var move = function (e, owner) {
        var st = e.instance.getState();
        st.moves = st.moves + 1;
        var dx = e.touches[0].pageX - st.x0;
        owner.selectComponent('.panel').setStyle({ transform: 'translateX(' + dx + 'px)', 'z-index': st.moves });
        e.instance.addClass('dragging');
        return false;
      };
      var end = function (e, owner) {
        e.instance.removeClass('dragging');
        if (!e.instance.hasClass('dragging')) {
          owner.selectComponent('.panel').setStyle('transform: none');
        }
      };
      var width = function (value, old, owner, ins) {
        ins.setStyle('width:' + value + 'px');
        ins.getState().log = (ins.getState().log || '') + old + '>' + value + ';';
      };
      module.exports = { begin: begin, move: move, end: end, width: width };
      </wxs>
      <view class="outer" bindtouchmove="outerMove" bindtouchstart="outerStart">
        <view class="cell" data-key="k1" bindtouchstart="{{drag.begin}}" bind:touchmove="{{drag.move}}"
            catchtouchend="{{drag.end}}" change:width="{{drag.width}}" width="{{w}}">
          <view class="panel" style="color: red;">x</view>
        </view>
      </view>
      """;

  private static JsonNode finger(double x) {
    try {
      return Pages.JSON.readTree("[{\"identifier\": 0, \"pageX\": " + x + ", \"pageY\": 5, \"clientX\": " + x
          + ", \"clientY\": 5}]");
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static String attr(PageView v, String selector, String name) {
    JsonNode a = v.find(selector).orElseThrow().attribute(name);
    return a == null ? null : a.asText();
  }

  @Test
  void touchHandlersRunInTheViewAndChangeStyleAndClassWithPatches() {
    try (PageView v = Pages.open(DRAG, "{'w': 100}")) {
      ElementHandle cell = v.find(".cell").orElseThrow();
      Interaction start = cell.touch("touchstart", finger(10), null);
      // the WXS handler is no logic-layer call; its callMethod is, and the event bubbles on to the outer handler
      assertEquals(List.of("began", "outerStart"), start.handlers());
      HandlerCall began = start.calls().get(0);
      assertEquals(10, began.event().get("x").asInt());
      assertEquals("k1", began.event().get("key").asText());
      assertEquals(0, began.instance());
      assertTrue(v.takeWxsPatches().isEmpty());

      Interaction move = cell.touch("touchmove", finger(40), null);
      assertEquals(List.of(), move.handlers(), "returning false stops the event as catch does");
      assertEquals("color: red;transform:translateX(30px);z-index:1", attr(v, ".panel", "style"));
      assertEquals("cell dragging", attr(v, ".cell", "class"));
      List<Patch> patches = v.takeWxsPatches();
      assertTrue(patches.contains(new Patch.SetAttr(v.find(".panel").orElseThrow().id(), "style",
          v.find(".panel").orElseThrow().attribute("style"))), patches.toString());
      assertTrue(patches.stream().anyMatch(p -> p instanceof Patch.SetAttr s && s.name().equals("class")));

      cell.touch("touchmove", finger(55), null);
      assertEquals("color: red;transform:translateX(45px);z-index:2", attr(v, ".panel", "style"),
          "getState keeps its object between events");

      Interaction end = cell.touch("touchend", null, finger(55));
      assertEquals(List.of(), end.handlers(), "a catch binding to WXS stops as catch does");
      assertEquals("cell", attr(v, ".cell", "class"));
      assertEquals("color: red;transform: none", attr(v, ".panel", "style"));
    }
  }

  @Test
  void changeObserversRunAtFirstRenderAndOnEachChange() {
    try (PageView v = Pages.open(DRAG, "{'w': 100}")) {
      assertEquals("width:100px", attr(v, ".cell", "style"));
      List<Patch> same = v.setData(Pages.json("{'w': 100}"));
      assertTrue(same.isEmpty(), same.toString());
      List<Patch> patches = v.setData(Pages.json("{'w': 120}"));
      assertEquals("width:120px", attr(v, ".cell", "style"));
      assertTrue(patches.stream().anyMatch(p -> p instanceof Patch.SetAttr s && s.name().equals("style")
          && s.value().asText().equals("width:120px")), patches.toString());
    }
  }

  @Test
  void wxsStylesOutliveARenderOfTheElement() {
    String wxml = """
        <wxs module="m">
        module.exports.go = function (e, owner) { e.instance.setStyle({ left: '9px' }); e.instance.addClass('on'); };
        </wxs>
        <view class="box {{extra}}" style="top: {{top}}px" bindtap="{{m.go}}">{{top}}</view>
        """;
    try (PageView v = Pages.open(wxml, "{'top': 1, 'extra': 'a'}")) {
      v.find(".box").orElseThrow().tap();
      assertEquals("top: 1px;left:9px", attr(v, ".box", "style"));
      List<Patch> patches = v.setData(Pages.json("{'top': 2, 'extra': 'b'}"));
      assertEquals("top: 2px;left:9px", attr(v, ".box", "style"));
      assertEquals("box b on", attr(v, ".box", "class"));
      Patch last = patches.stream().filter(p -> p instanceof Patch.SetAttr s && s.name().equals("style"))
          .reduce((a, b) -> b).orElseThrow();
      assertEquals("top: 2px;left:9px", ((Patch.SetAttr) last).value().asText());
    }
  }

  @Test
  void aWxsBindingNoLongerWarnsOrCallsNull() {
    String wxml = """
        <wxs module="m">module.exports.f = function () { throw new Error('boom'); };</wxs>
        <view class="x" bindtap="{{m.f}}" bindlongpress="{{m.missing}}">x</view>
        """;
    try (PageView v = Pages.open(wxml, "{}")) {
      assertEquals(List.of(), v.find(".x").orElseThrow().tap().handlers());
      assertTrue(v.wxml().contains("bindtap"), v.wxml());
    }
  }

  @Test
  void observersOfListItemsRunWhenAnItemChangesByPathOrArrives() {
    String wxml = """
        <wxs module="m">module.exports.seen = function (v, old, owner, ins) { ins.setStyle('width:' + v + 'px'); };
        </wxs>
        <view wx:for="{{rows}}" wx:key="id" class="r r{{item.id}}" change:w="{{m.seen}}" w="{{item.w}}">x</view>
        """;
    try (PageView v = Pages.open(wxml, "{'rows': [{'id': 1, 'w': 1}, {'id': 2, 'w': 2}]}")) {
      assertEquals("width:2px", attr(v, ".r2", "style"));
      v.setData(Pages.json("{'rows[0].w': 5}"));
      assertEquals("width:5px", attr(v, ".r1", "style"));
      assertEquals("width:2px", attr(v, ".r2", "style"));
      v.setData(Pages.json("{'rows': [{'id': 1, 'w': 5}, {'id': 2, 'w': 2}, {'id': 3, 'w': 7}]}"));
      assertEquals("width:7px", attr(v, ".r3", "style"));
      assertEquals("width:5px", attr(v, ".r1", "style"));
    }
  }
}
