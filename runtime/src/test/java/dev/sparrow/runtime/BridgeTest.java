package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The wx bridge as page code sees it: validation messages, callbacks vs Promise, Sync throws, stubs, canIUse. */
class BridgeTest {
  private static Session s;

  @BeforeAll
  static void launch() {
    s = Sparrow.launch(SessionOptions.of(Examples.path("playground")));
    s.awaitIdle();
  }

  @AfterAll
  static void close() {
    s.close();
  }

  private static Object js(String body) {
    return s.evaluate("function () { " + body + " }");
  }

  /** Runs an async API with callbacks and returns [which, result, ...] as recorded by success/fail/complete. */
  private static Object callbacks(String api, String options) {
    return js("return new Promise(function (resolve) { var seen = [];"
        + " var o = " + options + ";"
        + " o.success = function (r) { seen.push('success', r) };"
        + " o.fail = function (r) { seen.push('fail', r) };"
        + " o.complete = function (r) { seen.push('complete'); resolve(seen) };"
        + " var ret = wx." + api + "(o); if (ret !== undefined) seen.push('returned ' + typeof ret) })");
  }

  @Test
  void aMissingRequiredParameterFailsWithWeChatsExactMessage() {
    assertThat(callbacks("showToast", "{}")).isEqualTo(List.of(
        "fail", Map.of("errMsg", "showToast:fail parameter error: parameter.title should be String instead of Undefined;", "errno", 1001),
        "complete"));
  }

  @Test
  void severalBadParametersAreJoined() {
    Object r = js("return wx.showModal({ title: 1, showCancel: 'yes' }).catch(function (e) { return e.errMsg })");
    assertThat(r).isEqualTo("showModal:fail parameter error: parameter.title should be String instead of Number;"
        + "parameter.showCancel should be Boolean instead of String;");
  }

  @Test
  void typeNamesFollowObjectPrototypeToString() {
    Object r = js("return Promise.all([null, [], {}, function () {}, new ArrayBuffer(1), true].map(function (v) {"
        + " return wx.showLoading({ title: v }).catch(function (e) { return e.errMsg.split('instead of ')[1] }) }))");
    assertThat(r).isEqualTo(List.of("Null;", "Array;", "Object;", "Function;", "ArrayBuffer;", "Boolean;"));
  }

  @Test
  void aNonObjectArgumentIsAParameterError() {
    assertThat(js("return wx.showToast('hi').catch(function (e) { return e.errMsg })"))
        .isEqualTo("showToast:fail parameter error: parameter should be Object instead of String;");
  }

  @Test
  void withoutCallbacksAsyncApisReturnAPromise() {
    assertThat(js("var p = wx.setStorage({ key: 'k', data: 1 }); return [p instanceof Promise, typeof p.then]")).isEqualTo(List.of(true, "function"));
    assertThat(js("return wx.getStorage({ key: 'k' }).then(function (r) { return r })")).isEqualTo(Map.of("errMsg", "getStorage:ok", "data", 1));
    assertThat(js("return wx.getStorage({ key: 'absent' }).then(null, function (e) { return e })"))
        .isEqualTo(Map.of("errMsg", "getStorage:fail data not found"));
  }

  @Test
  void withCallbacksNothingIsReturnedAndCompleteFollowsSuccess() {
    assertThat(callbacks("setStorage", "{ key: 'c', data: 'x' }")).isEqualTo(List.of("success", Map.of("errMsg", "setStorage:ok"), "complete"));
  }

  @Test
  void callbacksRunAsynchronously() {
    // getSystemInfo is the exception WeChat documents (ClassicPatternsTest): its callbacks run before it returns
    assertThat(js("var order = []; wx.getNetworkType({ success: function () { order.push('success') } }); order.push('after call');"
        + " return new Promise(function (r) { setTimeout(function () { r(order) }, 0) })")).isEqualTo(List.of("after call", "success"));
  }

  @Test
  void anExceptionInSuccessIsReportedAndCompleteStillRuns() {
    int before = s.errors().size();
    Object r = js("return new Promise(function (resolve) { wx.getSystemInfo({ success: function () { throw new Error('in success') },"
        + " complete: function () { resolve('complete ran') } }) })");
    assertThat(r).isEqualTo("complete ran");
    assertThat(s.errors().subList(before, s.errors().size())).anyMatch(e -> e.message().contains("in success"));
  }

  @Test
  void syncApisThrowAnErrorWhoseMessageIsTheErrMsg() {
    assertThat(js("try { wx.setStorageSync() } catch (e) { return [e instanceof Error, e.message, e.errMsg] }"))
        .isEqualTo(List.of(true, "setStorageSync:fail parameter error: parameter.key should be String instead of Undefined;",
            "setStorageSync:fail parameter error: parameter.key should be String instead of Undefined;"));
  }

  @Test
  void knownButUnimplementedApisFailClearly() {
    assertThat(js("return wx.startSoterAuthentication({}).catch(function (e) { return e.errMsg })")).isEqualTo("startSoterAuthentication:fail not supported");
    assertThat(js("try { wx.getBatteryInfoSync(); return 'no throw' } catch (e) { return e.message }")).isEqualTo("getBatteryInfoSync:fail not supported");
    assertThat(js("try { wx.getPerformance(); return 'no throw' } catch (e) { return e.message }"))
        .as("synchronous without Sync in its name").isEqualTo("getPerformance:fail not supported");
    assertThat(js("return [typeof wx.login, typeof wx.onBLEConnectionStateChange, typeof wx.notAWeChatApi]"))
        .isEqualTo(List.of("function", "function", "undefined"));
  }

  @Test
  void canIUseAnswersFromTheRegistry() {
    assertThat(js("return [wx.canIUse('showToast'), wx.canIUse('showToast.object.duration'), wx.canIUse('showToast.object.nope'),"
        + " wx.canIUse('getSystemInfoSync.return.screenWidth'), wx.canIUse('startSoterAuthentication'), wx.canIUse('button'), wx.canIUse('nothing')]"))
        .isEqualTo(List.of(true, true, false, true, false, true, false));
  }

  @Test
  void envCarriesTheUserDataPath() {
    assertThat(js("return wx.env.USER_DATA_PATH")).isEqualTo("wxfile://usr");
  }

  @Test
  void hostCallsGetTheSameErrMsgs() {
    assertThatThrownBy(() -> s.callWx("showToast", Map.of()))
        .isInstanceOf(WxCallException.class)
        .hasMessage("showToast:fail parameter error: parameter.title should be String instead of Undefined;");
  }
}
