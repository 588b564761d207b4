package dev.sparrow.runtime.media;

import static dev.sparrow.runtime.media.MediaLab.errMsg;
import static dev.sparrow.runtime.media.MediaLab.js;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sparrow.apis.media.MediaFixtures;
import dev.sparrow.runtime.PageHandle;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Background audio from a real HTTP server on 127.0.0.1: durations from the stream, the legacy API and the manager. */
class BackgroundAudioTest {
  @TempDir static Path served;
  private static MediaServer server;
  @TempDir Path dir;
  private Session s;

  @BeforeAll
  static void serve() throws Exception {
    MediaFixtures.mp3(served.resolve("song.mp3"), 8_000, 44_100, "-V", "4");
    MediaFixtures.wav(served.resolve("short.wav"), 2_000, 22_050, 2);
    Files.writeString(served.resolve("noise.mp3"), "this is not audio ".repeat(50));
    server = new MediaServer(served);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void launch() throws Exception {
    s = Sparrow.launch(SessionOptions.of(MediaLab.copy(dir)).virtualClock());
    s.awaitIdle();
  }

  @AfterEach
  void close() {
    s.close();
  }

  private Object global(String name) {
    return js(s, "return getApp().globalData['" + name + "']");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> state() {
    return (Map<String, Object>) js(s, "return wx.getBackgroundAudioPlayerState()");
  }

  @Test
  void legacyPlayerReportsTheStreamsRealDurationAndItsState() {
    assertThat(state()).isEqualTo(Map.of("errMsg", "getBackgroundAudioPlayerState:ok", "status", 2));
    js(s, "var g = getApp().globalData; g.ev = [];"
        + " wx.onBackgroundAudioPlay(function () { g.ev.push('play') }); wx.onBackgroundAudioPause(function () { g.ev.push('pause') });"
        + " wx.onBackgroundAudioStop(function () { g.ev.push('stop') }); return null");
    assertThat(errMsg(s, "playBackgroundAudio", "{ dataUrl: '" + server.url("/files/song.mp3") + "', title: 'Song' }"))
        .isEqualTo("ok playBackgroundAudio:ok");
    s.advance(Duration.ofMillis(1_500));
    Map<String, Object> st = state();
    assertThat(st.get("status")).isEqualTo(1);
    assertThat(((Number) st.get("duration")).doubleValue()).isCloseTo(8.0, within(0.05));
    assertThat(((Number) st.get("currentPosition")).doubleValue()).isEqualTo(1.5);
    assertThat(st.get("downloadPercent")).isEqualTo(100);
    assertThat(st.get("dataUrl")).isEqualTo(server.url("/files/song.mp3"));

    js(s, "wx.seekBackgroundAudio({ position: 6 }); wx.pauseBackgroundAudio(); return null");
    s.advance(Duration.ofSeconds(3));
    assertThat(state()).isEqualTo(Map.of("errMsg", "getBackgroundAudioPlayerState:ok", "status", 0));
    js(s, "wx.getBackgroundAudioManager().play(); return null");
    s.advance(Duration.ofSeconds(3));
    assertThat(state().get("status")).as("the track ended").isEqualTo(2);
    assertThat(global("ev")).isEqualTo(List.of("play", "pause", "play", "stop"));
    js(s, "wx.playBackgroundAudio({ dataUrl: '" + server.url("/files/short.wav") + "' }); return null");
    s.awaitIdle();
    js(s, "wx.stopBackgroundAudio(); return null");
    s.awaitIdle();
    assertThat(state().get("status")).isEqualTo(2);
    assertThat(global("ev")).asList().endsWith("play", "stop");
  }

  @Test
  void playingTheSameUrlAgainResumesAPausedTrackAndRestartsAStoppedOne() {
    String song = server.url("/files/song.mp3");
    js(s, "var g = getApp().globalData; g.ev = []; wx.onBackgroundAudioPlay(function () { g.ev.push('play') });"
        + " wx.onBackgroundAudioPause(function () { g.ev.push('pause') }); wx.onBackgroundAudioStop(function () { g.ev.push('stop') });"
        + " return null");
    assertThat(errMsg(s, "playBackgroundAudio", "{ dataUrl: '" + song + "', title: 'Song' }")).isEqualTo("ok playBackgroundAudio:ok");
    s.advance(Duration.ofSeconds(3));
    js(s, "wx.pauseBackgroundAudio(); return null");
    s.advance(Duration.ofSeconds(2));
    assertThat(errMsg(s, "playBackgroundAudio", "{ dataUrl: '" + song + "', title: 'Song' }")).isEqualTo("ok playBackgroundAudio:ok");
    assertThat(((Number) state().get("currentPosition")).doubleValue()).as("resumed where it paused").isEqualTo(3.0);
    assertThat(errMsg(s, "playBackgroundAudio", "{ dataUrl: '" + song + "', title: 'Song' }"))
        .as("already playing").isEqualTo("ok playBackgroundAudio:ok");
    s.advance(Duration.ofSeconds(1));
    assertThat(((Number) state().get("currentPosition")).doubleValue()).isEqualTo(4.0);
    js(s, "wx.stopBackgroundAudio(); return null");
    s.awaitIdle();
    assertThat(errMsg(s, "playBackgroundAudio", "{ dataUrl: '" + song + "', title: 'Song' }")).isEqualTo("ok playBackgroundAudio:ok");
    assertThat(((Number) state().get("currentPosition")).doubleValue()).as("a stopped track starts over").isEqualTo(0.0);
    assertThat(global("ev")).isEqualTo(List.of("play", "pause", "play", "stop", "play"));
  }

  @Test
  void legacyPlayerTakesNetworkStreamsOnlyAndReportsBadUrls() {
    assertThat(errMsg(s, "playBackgroundAudio", "{ dataUrl: '/audio/a.mp3' }")).isEqualTo("playBackgroundAudio:fail invalid dataUrl");
    assertThat(errMsg(s, "playBackgroundAudio", "{ dataUrl: '" + server.url("/files/missing.mp3") + "' }"))
        .isEqualTo("playBackgroundAudio:fail network error");
    assertThat(errMsg(s, "playBackgroundAudio", "{ dataUrl: '" + server.url("/files/noise.mp3") + "' }"))
        .isEqualTo("playBackgroundAudio:fail format error");
    assertThat(errMsg(s, "playBackgroundAudio", "{}"))
        .isEqualTo("playBackgroundAudio:fail parameter error: parameter.dataUrl should be String instead of Undefined;");
    assertThat(state().get("status")).isEqualTo(2);
  }

  @Test
  void theMusicPlayerPageSkipsAndClampsToTheTrack() {
    PageHandle player = s.navigateTo("/pages/player/player");
    player.callMethod("play", server.url("/files/song.mp3"));
    s.awaitIdle();
    s.advance(Duration.ofSeconds(2));
    assertThat(((Number) player.data("position")).doubleValue()).isCloseTo(2.0, within(0.26));
    assertThat(((Number) player.callMethod("skip", 30)).doubleValue()).isCloseTo(8.0, within(0.05));
    s.advance(Duration.ofMillis(10));
    assertThat(player.data("events")).asList().contains("canplay", "play", "ended");
    assertThat(player.data("playing")).isEqualTo(false);
    player.callMethod("toggle");
    s.advance(Duration.ofSeconds(1));
    assertThat(player.callMethod("skip", -5)).isEqualTo(0);
    @SuppressWarnings("unchecked")
    Map<String, Object> where = (Map<String, Object>) player.callMethod("where");
    assertThat(where.get("currentTime")).isEqualTo(0);
    assertThat(where.get("paused")).isEqualTo(false);
    player.callMethod("toggle");
    assertThat(player.data("events")).asList().last().isEqualTo("pause");
    assertThat(s.speaker().playing()).isEmpty();
  }

  @Test
  void managerWaitsForATitleAndReportsErrorsWithCodes() {
    js(s, "var g = getApp().globalData, m = wx.getBackgroundAudioManager(); g.ev = [];"
        + " m.onPlay(function () { g.ev.push('play') }); m.onError(function (e) { g.ev.push(e.errCode) });"
        + " m.src = '" + server.url("/files/short.wav") + "'; return null");
    s.awaitIdle();
    assertThat(global("ev")).isEqualTo(List.of());
    assertThat(js(s, "return wx.getBackgroundAudioManager().paused")).isEqualTo(true);
    js(s, "var m = wx.getBackgroundAudioManager(); m.title = 'Now'; return [m.title, m.protocol]");
    s.awaitIdle();
    assertThat(global("ev")).isEqualTo(List.of("play"));
    assertThat(js(s, "var m = wx.getBackgroundAudioManager(); return [m.duration, m.paused, m.title, m.protocol]"))
        .isEqualTo(List.of(2, false, "Now", "http"));
    js(s, "wx.getBackgroundAudioManager().src = '" + server.url("/files/gone.mp3") + "'; return null");
    s.awaitIdle();
    assertThat(global("ev")).isEqualTo(List.of("play", 10002));
  }

  @Test
  void aPackagePathAsManagerSrcFailsAsOnThePhone() throws Exception {
    MediaFixtures.wav(s.project().files().root().resolve("bell.wav"), 1_000, 22_050, 1);
    js(s, "var g = getApp().globalData, m = wx.getBackgroundAudioManager(); g.ev = [];"
        + " m.onPlay(function () { g.ev.push('play') });"
        + " m.onError(function (e) { g.ev.push(e.errCode + ' ' + e.errMsg) });"
        + " m.title = 'Bell'; m.src = '/bell.wav'; return null");
    s.awaitIdle();
    assertThat(global("ev")).isEqualTo(List.of("10003 setBackgroundAudioState:fail src is not http or https stream!"));
    assertThat(s.speaker().playing()).isEmpty();
    assertThat(state().get("status")).isEqualTo(2);
    js(s, "wx.getBackgroundAudioManager().src = '" + server.url("/files/short.wav") + "'; return null");
    s.awaitIdle();
    assertThat(global("ev")).asList().last().isEqualTo("play");
  }

  @Test
  void downloadPercentFollowsTheRealDownload() throws Exception {
    js(s, "wx.playBackgroundAudio({ dataUrl: '" + server.url("/slow/song.mp3") + "', title: 'Slow' }); return null");
    assertThat(server.halfSent.await(10, TimeUnit.SECONDS)).isTrue();
    int percent = -1;
    for (int i = 0; i < 200 && percent < 45; i++) {
      Map<String, Object> st = state();
      percent = st.containsKey("downloadPercent") ? ((Number) st.get("downloadPercent")).intValue() : -1;
      if (percent < 45) {
        Thread.sleep(10); // the worker thread is reading what the server sent so far; no session signal for bytes in flight
      }
    }
    assertThat(percent).isBetween(45, 50);
    assertThat(state().get("duration")).isEqualTo(0);
    server.release();
    s.awaitIdle();
    assertThat(state().get("downloadPercent")).isEqualTo(100);
    assertThat(((Number) state().get("duration")).doubleValue()).isCloseTo(8.0, within(0.05));
  }

  @Test
  void innerAudioContextPlaysANetworkStream() {
    js(s, "var a = wx.createInnerAudioContext(); getApp().globalData.a = a; a.src = '" + server.url("/files/song.mp3") + "'; a.play(); return null");
    s.awaitIdle();
    s.advance(Duration.ofSeconds(1));
    assertThat(js(s, "var a = getApp().globalData.a; return [Math.round(a.duration * 10) / 10, a.currentTime, a.buffered > 7.9]"))
        .isEqualTo(List.of(8, 1, true));
  }
}
