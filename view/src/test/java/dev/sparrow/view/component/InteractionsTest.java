package dev.sparrow.view.component;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.view.ElementHandle;
import dev.sparrow.view.PageView;
import dev.sparrow.view.Pages;
import java.util.List;
import org.junit.jupiter.api.Test;

class InteractionsTest {

  @Test
  void typingFiresInputWithValueCursorAndKeyCode() {
    try (PageView v = Pages.open("<input id=\"q\" bindinput=\"onInput\" maxlength=\"5\"/>", "{}")) {
      ElementHandle q = v.find("#q").orElseThrow();
      Interaction r = q.input("hello world");
      assertThat(r.calls().get(0).event().get("detail"))
          .isEqualTo(Pages.json("{'value':'hello','cursor':5,'keyCode':111}"));
      assertThat(q.attribute("value").asText()).isEqualTo("hello");
    }
  }

  @Test
  void setDataOfTheValueAttributeWinsOverTypedText() {
    try (PageView v = Pages.open("<input id=\"q\" value=\"{{v}}\"/>", "{'v':'a'}")) {
      ElementHandle q = v.find("#q").orElseThrow();
      q.input("typed");
      assertThat(q.attribute("value").asText()).isEqualTo("typed");
      v.setData(Pages.json("{'v':''}"));
      assertThat(q.attribute("value").asText()).isEqualTo("");
    }
  }

  @Test
  void disabledButtonDoesNotFire() {
    try (PageView v = Pages.open("<view bindtap=\"outer\"><button disabled bindtap=\"t\"><text>go</text></button></view>",
        "{}")) {
      assertThat(v.find("text").orElseThrow().tap()).isEqualTo(Interaction.NONE);
    }
  }

  @Test
  void disabledFalseStringIsStillDisabledLikeWeChat() {
    try (PageView v = Pages.open("<button disabled=\"false\" bindtap=\"t\">go</button>", "{}")) {
      assertThat(v.find("button").orElseThrow().tap().calls()).isEmpty();
    }
    try (PageView v = Pages.open("<button disabled=\"{{false}}\" bindtap=\"t\">go</button>", "{}")) {
      assertThat(v.find("button").orElseThrow().tap().handlers()).containsExactly("t");
    }
  }

  @Test
  void submitButtonCollectsNamedFields() {
    String wxml = ("<form bindsubmit='save' bindreset='cleared'>"
        + "<input name='title' value='{{t}}'/><textarea name='body'/>"
        + "<switch name='on' checked/><slider name='level' value='{{3}}'/>"
        + "<checkbox-group name='tags'><checkbox value='a' checked/><checkbox value='b'/></checkbox-group>"
        + "<radio-group name='size'><radio value='s'/><radio value='m' checked/></radio-group>"
        + "<picker name='p' range='{{[1,2]}}' value='{{1}}'><view>p</view></picker>"
        + "<button form-type='submit' bindtap='tapped'>Save</button><button form-type='reset'>Reset</button>"
        + "</form>").replace('\'', '"');
    try (PageView v = Pages.open(wxml, "{'t':'hello'}")) {
      v.find("textarea").orElseThrow().input("text");
      v.find("checkbox[value=b]").orElseThrow().tap();
      Interaction r = v.find("button").orElseThrow().tap();
      assertThat(r.handlers()).containsExactly("tapped", "save");
      assertThat(r.calls().get(1).event().get("detail")).isEqualTo(Pages.json("{'value':{'title':'hello',"
          + "'body':'text','on':true,'level':3,'tags':['a','b'],'size':'m','p':1},'formId':''}"));
      Interaction reset = v.findAll("button").get(1).tap();
      assertThat(reset.handlers()).containsExactly("cleared");
      assertThat(v.find("form").orElseThrow().submit().calls().get(0).event().at("/detail/value/body").asText())
          .isEmpty();
    }
  }

  /** The legacy {@code action-sheet} component (BearDiary and other 2016–2017 apps): its cancel item closes it. */
  @Test
  void aLegacyActionSheetCancelFiresChangeOnItsSheet() {
    String wxml = ("<action-sheet hidden='{{hidden}}' bindchange='sheetChange'>"
        + "<action-sheet-item bindtap='photo'>photo</action-sheet-item>"
        + "<action-sheet-cancel class='cancel'><text>cancel</text></action-sheet-cancel></action-sheet>")
        .replace('\'', '"');
    try (PageView v = Pages.open(wxml, "{'hidden':false}")) {
      assertThat(v.find("action-sheet-item").orElseThrow().tap().handlers()).containsExactly("photo");
      Interaction r = v.find(".cancel text").orElseThrow().tap();
      assertThat(r.handlers()).containsExactly("sheetChange");
      assertThat(r.calls().get(0).event().get("detail")).isEqualTo(Pages.json("{}"));
    }
  }

  @Test
  void anOpenTypeButtonAsksForItsOpenTypeAfterItsTap() {
    String wxml = "<button id='b' open-type='getUserInfo' data-from='home' bindtap='t'><text>go</text></button>"
        + "<button id='d' open-type='share' disabled>off</button>";
    try (PageView v = Pages.open(wxml.replace('\'', '"'), "{}")) {
      Interaction r = v.find("text").orElseThrow().tap();
      assertThat(r.handlers()).containsExactly("t");
      assertThat(r.openTypes()).singleElement().satisfies(o -> {
        assertThat(o.openType()).isEqualTo("getUserInfo");
        assertThat(o.target())
            .isEqualTo(Pages.json("{'id':'b','dataset':{'from':'home'},'offsetLeft':0,'offsetTop':0}"));
      });
      assertThat(v.find("#d").orElseThrow().tap().openTypes()).isEmpty();
    }
  }

  @Test
  void navigatorTapAsksForNavigation() {
    String wxml = "<navigator url=\"/pages/b/b?x=1\" open-type=\"redirect\"><text>go</text></navigator>"
        + "<navigator open-type=\"navigateBack\" delta=\"2\">back</navigator>";
    try (PageView v = Pages.open(wxml, "{}")) {
      assertThat(v.find("text").orElseThrow().tap().navigations())
          .containsExactly(new NavigationRequest("/pages/b/b?x=1", "redirect", 1));
      assertThat(v.findAll("navigator").get(1).tap().navigations())
          .containsExactly(new NavigationRequest("", "navigateBack", 2));
    }
  }

  @Test
  void checkboxGroupAndRadioGroupFireChange() {
    String wxml = ("<checkbox-group bindchange='boxes'><checkbox value='x'/><checkbox value='y'/></checkbox-group>"
        + "<radio-group bindchange='radios'><radio id='r1' value='1' checked/><radio id='r2' value='2'/></radio-group>"
        + "<switch id='sw' bindchange='sw'/>").replace('\'', '"');
    try (PageView v = Pages.open(wxml, "{}")) {
      List<ElementHandle> boxes = v.findAll("checkbox");
      boxes.get(1).tap();
      Interaction r = boxes.get(0).tap();
      assertThat(r.calls().get(0).event().at("/detail/value")).isEqualTo(Pages.JSON.valueToTree(List.of("x", "y")));
      Interaction radio = v.find("#r2").orElseThrow().tap();
      assertThat(radio.handlers()).containsExactly("radios");
      assertThat(radio.calls().get(0).event().at("/detail/value").asText()).isEqualTo("2");
      assertThat(v.find("#r1").orElseThrow().attribute("checked").asBoolean()).isFalse();
      assertThat(v.find("#sw").orElseThrow().tap().calls().get(0).event().at("/detail/value").asBoolean()).isTrue();
    }
  }

  @Test
  void typeTapReadLoop() {
    String wxml = ("<input id='name' bindinput='onInput'/><button bindtap='greet'>Hi</button>"
        + "<text id='out'>{{greeting}}</text>").replace('\'', '"');
    try (PageView v = Pages.open(wxml, "{'greeting':''}")) {
      Interaction typed = v.find("#name").orElseThrow().input("Ada");
      String name = typed.calls().get(0).event().at("/detail/value").asText();
      assertThat(v.find("button").orElseThrow().tap().handlers()).containsExactly("greet");
      v.setData(Pages.json("{'greeting':'Hello, " + name + "'}"));
      assertThat(v.find("#out").orElseThrow().text()).isEqualTo("Hello, Ada");
    }
  }

  @Test
  void labelTapsActOnTheirControl() {
    String wxml = ("<label><checkbox-group bindchange='c'><checkbox value='v'/></checkbox-group><text>caption</text>"
        + "</label><label for='sw'><text id='t2'>switch it</text></label><switch id='sw' bindchange='s'/>")
        .replace('\'', '"');
    try (PageView v = Pages.open(wxml, "{}")) {
      assertThat(v.find("label text").orElseThrow().tap().handlers()).containsExactly("c");
      assertThat(v.find("#t2").orElseThrow().tap().handlers()).containsExactly("s");
      assertThat(v.find("#sw").orElseThrow().attribute("checked").asBoolean()).isTrue();
    }
  }

  @Test
  void sliderChangeClampsAndSnapsToStep() {
    try (PageView v = Pages.open("<slider min=\"10\" max=\"50\" step=\"5\" bindchange=\"moved\"/>", "{}")) {
      ElementHandle slider = v.find("slider").orElseThrow();
      Interaction r = slider.change(Pages.JSON.getNodeFactory().numberNode(23));
      assertThat(r.calls().get(0).event().at("/detail/value").asInt()).isEqualTo(25);
      slider.change(Pages.JSON.getNodeFactory().numberNode(99));
      assertThat(slider.attribute("value").asInt()).isEqualTo(50);
    }
  }

  @Test
  void aTapIsTouchstartTouchendThenTapAndALongPressReplacesTheTapWhenHandled() {
    String wxml = ("<view id='a' bindtouchstart='ts' bindtouchend='te' bindtap='tap'/>"
        + "<view id='b' bindlongpress='lp' bindtap='tap'/><view id='c' bindtap='tap'/>").replace('\'', '"');
    try (PageView v = Pages.open(wxml, "{}")) {
      assertThat(v.find("#a").orElseThrow().tap().handlers()).containsExactly("ts", "te", "tap");
      assertThat(v.find("#b").orElseThrow().longPress().handlers()).containsExactly("lp");
      assertThat(v.find("#c").orElseThrow().longPress().handlers()).containsExactly("tap");
    }
  }

  @Test
  void setDataOfAnUnchangedBoundValueStillClearsTypedTextButOtherKeysDoNot() {
    String wxml = "<input id=\"a\" value=\"{{v}}\"/><input id=\"b\" value=\"static\"/>";
    try (PageView v = Pages.open(wxml, "{'v':'','other':1}")) {
      ElementHandle a = v.find("#a").orElseThrow();
      ElementHandle b = v.find("#b").orElseThrow();
      a.input("typed");
      b.input("typed too");
      v.setData(Pages.json("{'other':2}"));
      assertThat(a.attribute("value").asText()).isEqualTo("typed");
      v.setData(Pages.json("{'v':''}"));
      assertThat(a.attribute("value").asText()).isEmpty();
      assertThat(b.attribute("value").asText()).isEqualTo("typed too");
    }
  }

  @Test
  void loopBoundCheckboxesFollowTheirListNotOtherKeys() {
    String wxml = "<checkbox wx:for=\"{{todos}}\" wx:key=\"id\" value=\"{{item.id}}\" checked=\"{{item.done}}\"/>";
    try (PageView v = Pages.open(wxml, "{'todos':[{'id':1,'done':false}],'title':'a'}")) {
      ElementHandle box = v.find("checkbox").orElseThrow();
      box.tap();
      v.setData(Pages.json("{'title':'b'}"));
      assertThat(box.attribute("checked").asBoolean()).isTrue();
      v.setData(Pages.json("{'todos[0].id':1}"));
      assertThat(box.attribute("checked").asBoolean()).isFalse();
    }
  }
}
