package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.apis.system.DeviceProfile;
import dev.sparrow.apis.ui.HeadlessDialogs;
import dev.sparrow.apis.ui.ModalAnswer;
import dev.sparrow.apis.ui.Toast;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Toast/loading slot, modal and action sheet, answered by the host; time from a virtual clock. */
class UiTest {
  private Session s;

  @BeforeEach
  void launch() {
    s = Sparrow.launch(SessionOptions.of(Examples.path("playground")).virtualClock()).awaitIdle();
  }

  @AfterEach
  void close() {
    s.close();
  }

  private Object js(String body) {
    return s.evaluate("function () { " + body + " }");
  }

  @Test
  void aToastHidesItselfAfterItsDurationInSessionTime() {
    js("wx.showToast({ title: 'Saved', icon: 'success', duration: 2000 })");
    s.awaitIdle();
    assertThat(s.toast()).hasValueSatisfying(t -> {
      assertThat(t.title()).isEqualTo("Saved");
      assertThat(t.kind()).isEqualTo(Toast.Kind.TOAST);
      assertThat(t.durationMillis()).isEqualTo(2000);
    });
    s.advance(Duration.ofMillis(1999));
    assertThat(s.toast()).isPresent();
    s.advance(Duration.ofMillis(1));
    assertThat(s.toast()).isEmpty();
  }

  @Test
  void toastAndLoadingShareOneSlot() {
    js("wx.showLoading({ title: 'Loading' }); wx.showToast({ title: 'Done', icon: 'none' })");
    s.awaitIdle();
    assertThat(s.toast().map(Toast::title)).hasValue("Done");
    assertThat(s.toastHistory()).extracting(Toast::kind).containsExactly(Toast.Kind.LOADING, Toast.Kind.TOAST);
    Object r = js("return wx.hideLoading().then(function (r) { return r.errMsg })");
    assertThat(r).isEqualTo("hideLoading:ok");
    assertThat(s.toast()).isEmpty();
    assertThat(js("return wx.hideLoading().catch(function (e) { return e.errMsg })")).isEqualTo("hideLoading:fail toast can't be found");
  }

  /** Phones join the reason with a colon (apps compare that text to ignore the failure); DevTools with a space. */
  @Test
  void onAPhoneProfileAHideWithNothingShownFailsAsThePhoneWordsIt() {
    for (DeviceProfile phone : List.of(DeviceProfile.ANDROID.withPlatform("android"), DeviceProfile.IPHONE_6.withPlatform("ios"))) {
      try (Session p = Sparrow.launch(SessionOptions.of(Examples.path("playground")).virtualClock().device(phone))) {
        p.awaitIdle();
        assertThat(p.evaluate("function () { return Promise.all([wx.hideLoading(), wx.hideToast()].map(function (c) {"
            + " return c.catch(function (e) { return e.errMsg }); })) }"))
            .isEqualTo(List.of("hideLoading:fail:toast can't be found", "hideToast:fail:toast can't be found"));
      }
    }
  }

  @Test
  void noConflictKeepsTheOtherKind() {
    js("wx.showLoading({ title: 'Loading' })");
    assertThat(js("return wx.hideToast({ noConflict: true }).catch(function (e) { return e.errMsg })"))
        .isEqualTo("hideToast:fail toast can't be found");
    assertThat(s.toast().map(Toast::kind)).hasValue(Toast.Kind.LOADING);
  }

  @Test
  void aModalWaitsForTheHostsAnswer() {
    js("getApp().answers = []; wx.showModal({ title: 'Delete?', content: 'Really', success: function (r) { getApp().answers.push(r) } })");
    s.awaitIdle();
    assertThat(s.pendingDialog()).hasValueSatisfying(p ->
        assertThat(((HeadlessDialogs.ModalPrompt) p).request().title()).isEqualTo("Delete?"));
    s.answerModal(false);
    assertThat(js("return getApp().answers")).isEqualTo(List.of(Map.of("errMsg", "showModal:ok", "confirm", false, "cancel", true)));
    js("wx.showModal({ editable: true, success: function (r) { getApp().answers.push(r) } })");
    s.awaitIdle();
    s.answerModal(ModalAnswer.confirmed("typed"));
    assertThat(js("return getApp().answers[1]")).isEqualTo(Map.of("errMsg", "showModal:ok", "confirm", true, "cancel", false, "content", "typed"));
  }

  @Test
  void modalButtonTextsLongerThanFourChineseCharactersFail() {
    assertThat(js("return wx.showModal({ cancelText: '最多四个字' }).catch(function (e) { return e.errMsg })"))
        .isEqualTo("showModal:fail cancelText length should not larger then 4 Chinese characters");
    assertThat(s.pendingDialog()).isEmpty();
  }

  @Test
  void actionSheetAnswersTapIndexOrCancel() {
    js("getApp().sheet = []; var record = function (r) { getApp().sheet.push(r.errMsg + ':' + r.tapIndex) };"
        + " wx.showActionSheet({ itemList: ['A', 'B', 'C'], success: record, fail: record })");
    s.awaitIdle();
    s.answerActionSheet(2);
    js("var record = function (r) { getApp().sheet.push(r.errMsg + ':' + r.tapIndex) };"
        + " wx.showActionSheet({ itemList: ['A'], success: record, fail: record })");
    s.awaitIdle();
    s.cancelActionSheet();
    assertThat(js("return getApp().sheet")).isEqualTo(List.of("showActionSheet:ok:2", "showActionSheet:fail cancel:undefined"));
    assertThat(js("return wx.showActionSheet({ itemList: ['1','2','3','4','5','6','7'] }).catch(function (e) { return e.errMsg })"))
        .isEqualTo("showActionSheet:fail parameter error: itemList should not be large than 6");
  }

  @Test
  void navigationBarTitleFollowsPageConfigAndSetNavigationBarTitle() {
    assertThat(s.currentPage().navigationBar()).containsEntry("title", "Playground");
    js("wx.setNavigationBarTitle({ title: 'Changed' })");
    s.awaitIdle();
    assertThat(s.currentPage().navigationBar()).containsEntry("title", "Changed");
  }

  @Test
  void timersFollowTheVirtualClock() {
    js("getApp().fired = []; setTimeout(function () { getApp().fired.push('1s') }, 1000);"
        + " var n = 0; var id = setInterval(function () { getApp().fired.push('tick ' + (++n)); if (n === 3) clearInterval(id) }, 400)");
    s.awaitIdle();
    assertThat(js("return getApp().fired")).isEqualTo(List.of());
    s.advance(Duration.ofSeconds(10));
    assertThat(js("return getApp().fired")).isEqualTo(List.of("tick 1", "tick 2", "1s", "tick 3"));
    assertThat(js("return [Date.now() === new Date().getTime(), new Date().getTime() - " + dev.sparrow.apis.device.VirtualClock.DEFAULT_START + ", new Date(0) instanceof Date, Date.name]"))
        .isEqualTo(List.of(true, 10_000, true, "Date"));
  }
}
