package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Factories of objects Sparrow has no device for (video, camera, map, live player/pusher, worker) never throw: a
 * page makes them all in onLoad, keeps them in data and calls them in a tap (examples/device-apis).
 */
class ContextStandInsTest {
  @Test
  void aPageThatMakesEveryContextInOnLoadWorksAndItsCallsFailThroughCallbacks() {
    try (Session s = Sparrow.launch(Examples.path("device-apis")).awaitIdle()) {
      PageHandle page = s.currentPage();
      page.select("#all").orElseThrow().tap();
      s.awaitIdle();
      assertThat(page.data("syncDone")).isEqualTo(0);
      assertThat(page.selectAll(".result").stream().map(PageElement::text).toList()).containsExactly(
          "getCenterLocation:fail not supported", "takePhoto:fail not supported", "start:fail not supported",
          "play:fail not supported", "start:fail not supported", "show:fail not supported");
      assertThat(s.console()).extracting(ConsoleMessage::text).contains("[player] ready 1", "loaded");
      assertThat(s.errors()).isEmpty();
    }
  }

  @Test
  void everyDocumentedMethodExistsAndSurvivesTheDataCopy() {
    try (Session s = Sparrow.launch(Examples.path("device-apis")).awaitIdle()) {
      Object names = s.evaluate("function () {"
          + " const map = Object.assign({}, wx.createMapContext('m'));"
          + " const out = {};"
          + " for (const [f, m] of [['createVideoContext', 'requestFullScreen'], ['createMapContext', 'includePoints'],"
          + "   ['createCameraContext', 'setZoom'], ['createLivePlayerContext', 'snapshot'],"
          + "   ['createLivePusherContext', 'switchCamera'], ['createWorker', 'terminate'],"
          + "   ['createUDPSocket', 'send'], ['createInterstitialAd', 'onClose']]) {"
          + "   out[f] = typeof Object.assign({}, wx[f]('x'))[m]; }"
          + " out.copiedMap = typeof map.translateMarker;"
          + " out.canIUse = wx.canIUse('createMapContext');"
          + " return out; }");
      assertThat(names).isEqualTo(Map.of("createVideoContext", "function", "createMapContext", "function",
          "createCameraContext", "function", "createLivePlayerContext", "function",
          "createLivePusherContext", "function",
          "createWorker", "function", "createUDPSocket", "function", "createInterstitialAd", "function",
          "copiedMap", "function", "canIUse", true));
      assertThat(s.errors()).isEmpty();
    }
  }

  /** Every create*()/get*Manager() on wx, called with an options object (createCanvasContext with
   * its id); the BLE ones, promise-style without callbacks, reject. */
  @Test
  void noFactoryOrManagerNameOfWeChatsListThrowsWhenCalled() {
    try (Session s = Sparrow.launch(Examples.path("device-apis")).awaitIdle()) {
      Object thrown = s.evaluate("function () { const out = [];"
          + " for (const n of Object.keys(wx)) {"
          + "   if (!/^create|^get.*Manager$|^revokeBufferURL$/.test(n) || typeof wx[n] !== 'function') continue;"
          + "   try { const r = wx[n](n === 'createCanvasContext' ? 'c' : {});"
          + "     if (r instanceof Promise) r.catch(() => {}) } catch (e) { out.push(n + ': ' + e) } }"
          + " return out; }");
      assertThat((List<?>) thrown).isEmpty();
      s.awaitIdle();
      assertThat(s.errors()).isEmpty();
    }
  }

  @Test
  void theLateStandInsAnswerAsADeviceWithoutTheFeature() {
    try (Session s = Sparrow.launch(Examples.path("device-apis")).awaitIdle()) {
      Object out = s.evaluate("function () {"
          + " const r = {};"
          + " const audio = Object.assign({}, wx.createWebAudioContext());"
          + " r.audio = typeof audio.createGain + ' ' + typeof audio.decodeAudioData + ' ' + audio.state;"
          + " const vk = wx.createVKSession({ track: { plane: { mode: 1 } } });"
          + " const url = wx.createBufferURL(new ArrayBuffer(4));"
          + " r.url = url.startsWith('wxblob://') && url !== wx.createBufferURL(new ArrayBuffer(4));"
          + " wx.revokeBufferURL(url);"
          + " const pay = wx.createGlobalPayment({ mchRegion: 'SG' });"
          + " r.methodKey = String(pay.methodKey);"
          + " return Promise.all(["
          + "   new Promise(ok => vk.start(status => ok(status))),"
          + "   pay.openMethodPicker({ amount: { total: 1, currency: 'SGD' } }).catch(e => e.errMsg),"
          + "   new Promise(ok => audio.decodeAudioData({ fail: e => ok(e.errMsg) })),"
          + "   new Promise(ok => wx.getPluginUpdateManager({ pluginId: 'wx1' }).onCheckForUpdate(ok)),"
          + "   new Promise(ok => wx.createBLEConnection({ deviceId: 'x', fail: e => ok(e.errMsg) }))"
          + " ]).then(a => Object.assign(r, { vk: a[0], picker: a[1], decode: a[2], plugin: a[3].hasUpdate,"
          + "   ble: a[4] })); }");
      assertThat(out).isEqualTo(Map.of("audio", "function function suspended", "url", true, "methodKey", "null",
          "vk", 2000002, "picker", "openMethodPicker:fail not supported", "decode",
          "decodeAudioData:fail not supported", "plugin", false, "ble", "createBLEConnection:fail not supported"));
      assertThat(s.errors()).isEmpty();
    }
  }

  @Test
  void theCloudTemplatesInitWorksAndOtherCloudCallsFailWithTheirErrMsg() {
    try (Session s = Sparrow.launch(Examples.path("device-apis")).awaitIdle()) {
      s.evaluate("function () { if (wx.cloud) { wx.cloud.init({ env: 'prod', traceUser: true }) } return null }");
      s.awaitIdle();
      assertThat(s.errors()).isEmpty();
      // a collection must exist (created in the console; here cloud/database.json or SessionOptions), as on WeChat
      assertThat(s.evaluate("function () { return wx.cloud.database().collection('todos').where({}).limit(5)"
          + ".get().catch(e => e.errCode + ' ' + e.errMsg.slice(0, 60)) }"))
          .isEqualTo("-502005 collection.get:fail -502005 database collection not exists. ");
      assertThat(s.evaluate("function () { return wx.cloud.uploadFile({ cloudPath: 'a.png', filePath: 'x' })"
          + ".catch(e => e.errMsg) }")).isEqualTo("cloud.uploadFile:fail no such file or directory x");
      assertThat(s.currentPage().select("#all")).isPresent();
    }
  }
}
