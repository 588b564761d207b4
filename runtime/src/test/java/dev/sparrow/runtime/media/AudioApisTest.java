package dev.sparrow.runtime.media;

import static dev.sparrow.runtime.media.MediaLab.errMsg;
import static dev.sparrow.runtime.media.MediaLab.js;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sparrow.apis.device.HeadlessPermissions;
import dev.sparrow.apis.media.AudioDuration;
import dev.sparrow.apis.media.MediaFixtures;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording, voice, InnerAudioContext on the virtual clock: the speaker is a timeline, nothing needs a sound card. */
class AudioApisTest {
  @TempDir Path dir;
  private Path project;
  private Session s;

  @BeforeEach
  void setUp() throws Exception {
    project = MediaLab.copy(dir);
    Files.createDirectories(project.resolve("audio"));
    MediaFixtures.wav(project.resolve("audio/three.wav"), 3_000, 16_000, 1);
    MediaFixtures.wav(project.resolve("audio/five.wav"), 5_000, 16_000, 1);
  }

  @AfterEach
  void tearDown() {
    if (s != null) {
      s.close();
    }
  }

  private void launch(SessionOptions o) {
    s = Sparrow.launch(o.virtualClock());
    s.awaitIdle();
  }

  private Object global(String name) {
    return js(s, "return getApp().globalData['" + name + "']");
  }

  private Path hostFile(String wxPath) {
    String name = wxPath.substring("wxfile://".length());
    try (var sessions = Files.list(s.dataDir().resolve("tmp"))) {
      return sessions.map(d -> d.resolve(name)).filter(Files::exists).findFirst().orElseThrow();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // ---- legacy recording -------------------------------------------------------------------------

  @Test
  void startRecordStopsItselfAfterSixtySecondsWithAWavOfThatLength() throws Exception {
    launch(SessionOptions.of(project).permissions(HeadlessPermissions.Policy.ALLOW).microphoneTone(440));
    js(s, "wx.startRecord({ success: function (r) { getApp().globalData.rec = r } }); return null");
    s.advance(Duration.ofSeconds(59));
    assertThat(global("rec")).isNull();
    s.advance(Duration.ofSeconds(2));
    @SuppressWarnings("unchecked")
    Map<String, Object> rec = (Map<String, Object>) global("rec");
    assertThat(rec.get("errMsg")).isEqualTo("startRecord:ok");
    String path = (String) rec.get("tempFilePath");
    assertThat(path).startsWith("wxfile://tmp_").endsWith(".wav");
    assertThat(AudioDuration.ofFile(hostFile(path))).hasValue(60_000);
  }

  @Test
  void stopRecordAnswersFirstThenStartRecordDeliversTheFile() throws Exception {
    launch(SessionOptions.of(project).permissions(HeadlessPermissions.Policy.ALLOW));
    js(s, "var g = getApp().globalData; g.order = [];"
        + " wx.startRecord({ success: function (r) { g.order.push('startRecord ' + r.errMsg); g.file = r.tempFilePath } }); return null");
    s.advance(Duration.ofMillis(2_500));
    js(s, "var g = getApp().globalData; wx.stopRecord({ success: function (r) { g.order.push('stopRecord ' + r.errMsg) } }); return null");
    s.awaitIdle();
    assertThat(global("order")).isEqualTo(List.of("stopRecord stopRecord:ok", "startRecord startRecord:ok"));
    assertThat(AudioDuration.ofFile(hostFile((String) global("file")))).hasValue(2_500L);
  }

  @Test
  void recordingNeedsTheRecordScope() {
    launch(SessionOptions.of(project));
    js(s, "wx.startRecord({ fail: function (e) { getApp().globalData.err = e.errMsg } }); return null");
    s.awaitIdle();
    assertThat(s.pendingPermission()).contains("scope.record");
    s.answerPermission(false);
    assertThat(global("err")).isEqualTo("startRecord:fail auth deny");
    js(s, "wx.startRecord({ fail: function (e) { getApp().globalData.err2 = e.errMsg } }); return null");
    s.awaitIdle();
    assertThat(s.pendingPermission()).isEmpty();
    assertThat(global("err2")).isEqualTo("startRecord:fail auth deny");
  }

  // ---- RecorderManager ----------------------------------------------------------------------------

  @Test
  void recorderManagerRecordsOnlyWhileNotPausedAndReportsTheFile() throws Exception {
    launch(SessionOptions.of(project).permissions(HeadlessPermissions.Policy.ALLOW).microphoneTone(300));
    js(s, "var g = getApp().globalData, rm = wx.getRecorderManager(); g.ev = [];"
        + " ['Start', 'Pause', 'Resume'].forEach(function (e) { rm['on' + e](function () { g.ev.push(e) }) });"
        + " rm.onStop(function (r) { g.ev.push('Stop'); g.stop = r });"
        + " rm.start({ sampleRate: 16000, numberOfChannels: 1, encodeBitRate: 48000, format: 'wav' }); return null");
    s.advance(Duration.ofSeconds(2));
    js(s, "wx.getRecorderManager().pause(); return null");
    s.advance(Duration.ofSeconds(5));
    js(s, "wx.getRecorderManager().resume(); return null");
    s.advance(Duration.ofSeconds(1));
    js(s, "wx.getRecorderManager().stop(); return null");
    s.awaitIdle();
    assertThat(global("ev")).isEqualTo(List.of("Start", "Pause", "Resume", "Stop"));
    @SuppressWarnings("unchecked")
    Map<String, Object> stop = (Map<String, Object>) global("stop");
    assertThat(stop.get("duration")).isEqualTo(3000);
    assertThat(((Number) stop.get("fileSize")).longValue()).isEqualTo(44 + 3 * 16_000 * 2);
    Path wav = hostFile((String) stop.get("tempFilePath"));
    assertThat(Files.size(wav)).isEqualTo(((Number) stop.get("fileSize")).longValue());
    byte[] pcm = Files.readAllBytes(wav);
    assertThat(pcm[44 + 200] | pcm[44 + 201]).as("the tone was heard, not silence").isNotZero();
  }

  @Test
  void recorderManagerStopsAtItsDurationAndStreamsPcmFrames() {
    launch(SessionOptions.of(project).permissions(HeadlessPermissions.Policy.ALLOW));
    js(s, "var g = getApp().globalData, rm = wx.getRecorderManager(); g.frames = 0; g.last = 0; g.bytes = 0;"
        + " rm.onFrameRecorded(function (f) { g.frames++; g.bytes += f.frameBuffer.byteLength; if (f.isLastFrame) g.last++ });"
        + " rm.onStop(function (r) { g.stop = r.duration });"
        + " rm.start({ duration: 4000, sampleRate: 8000, numberOfChannels: 1, encodeBitRate: 16000, format: 'PCM', frameSize: 4 }); return null");
    s.advance(Duration.ofSeconds(10));
    assertThat(global("stop")).isEqualTo(4000);
    // 4 s × 8000 Hz × 2 bytes = 64000 bytes = 15 full 4 KB frames + a last partial one
    assertThat(global("bytes")).isEqualTo(64_000);
    assertThat(global("frames")).isEqualTo(16);
    assertThat(global("last")).isEqualTo(1);
  }

  @Test
  void recorderManagerReportsBadOptionsBusyAndDeniedOnError() {
    launch(SessionOptions.of(project));
    js(s, "var g = getApp().globalData, rm = wx.getRecorderManager(); g.errors = [];"
        + " rm.onError(function (e) { g.errors.push(e.errMsg) });"
        + " rm.start({ sampleRate: 44100 }); rm.start({ sampleRate: 8000, format: 'ogg' }); rm.stop(); rm.start({}); return null");
    s.awaitIdle();
    s.answerPermission(false);
    assertThat(global("errors")).isEqualTo(List.of("operateRecorder:fail invalid encodeBitRate", "operateRecorder:fail record format error",
        "operateRecorder:fail recorder not start", "operateRecorder:fail auth deny"));
    s.setPermission("scope.record", true);
    js(s, "var rm = wx.getRecorderManager(); rm.start({}); rm.start({}); return null");
    s.awaitIdle();
    assertThat(global("errors")).asList().last().isEqualTo("operateRecorder:fail recorder is recording");
  }

  // ---- voice ---------------------------------------------------------------------------------------

  @Test
  void onlyOneVoicePlaysAndEachPlayVoiceCompletesWhenItsPlaybackStops() {
    launch(SessionOptions.of(project));
    js(s, "var g = getApp().globalData; g.done = [];"
        + " wx.playVoice({ filePath: '/audio/five.wav', complete: function (r) { g.done.push('five ' + r.errMsg) } }); return null");
    s.advance(Duration.ofSeconds(1));
    assertThat(s.speaker().playing()).containsExactly("/audio/five.wav");
    js(s, "var g = getApp().globalData; wx.playVoice({ filePath: '/audio/three.wav', success: function (r) { g.done.push('three ' + r.errMsg) } }); return null");
    s.advance(Duration.ofMillis(10));
    assertThat(s.speaker().playing()).containsExactly("/audio/three.wav");
    assertThat(global("done")).isEqualTo(List.of("five playVoice:ok"));
    s.advance(Duration.ofMillis(2_980));
    assertThat(global("done")).isEqualTo(List.of("five playVoice:ok"));
    s.advance(Duration.ofMillis(20));
    assertThat(global("done")).isEqualTo(List.of("five playVoice:ok", "three playVoice:ok"));
    assertThat(s.speaker().playing()).isEmpty();
  }

  @Test
  void pauseVoiceThenPlayingTheSameFileResumesAndDurationCapsPlayback() {
    launch(SessionOptions.of(project));
    js(s, "var g = getApp().globalData; g.done = []; wx.playVoice({ filePath: '/audio/five.wav', complete: function () { g.done.push('first') } }); return null");
    s.advance(Duration.ofSeconds(2));
    js(s, "wx.pauseVoice(); return null");
    s.advance(Duration.ofSeconds(30));
    assertThat(s.speaker().playing()).isEmpty();
    js(s, "var g = getApp().globalData; wx.playVoice({ filePath: '/audio/five.wav', complete: function () { g.done.push('resumed') } }); return null");
    s.advance(Duration.ofMillis(2_990));
    assertThat(global("done")).isEqualTo(List.of("first"));
    s.advance(Duration.ofMillis(20));
    assertThat(global("done")).isEqualTo(List.of("first", "resumed"));

    js(s, "var g = getApp().globalData; wx.playVoice({ filePath: '/audio/five.wav', duration: 1, complete: function () { g.done.push('capped') } }); return null");
    s.advance(Duration.ofMillis(1_001));
    assertThat(global("done")).asList().last().isEqualTo("capped");
    assertThat(errMsg(s, "playVoice", "{ filePath: '/audio/none.wav' }")).isEqualTo("playVoice:fail file not found");
    assertThat(errMsg(s, "playVoice", "{ filePath: '/app.js' }")).isEqualTo("playVoice:fail invalid audio file");
  }

  // ---- InnerAudioContext ---------------------------------------------------------------------------

  @Test
  void innerAudioContextPlaysSeeksAndEndsOnTheClock() {
    launch(SessionOptions.of(project));
    js(s, "var g = getApp().globalData, a = wx.createInnerAudioContext(); g.a = a; g.ev = [];"
        + " ['Canplay', 'Play', 'Pause', 'Stop', 'Ended', 'Seeking', 'Seeked', 'Waiting'].forEach(function (e) { a['on' + e](function () { g.ev.push(e) }) });"
        + " a.src = '/audio/five.wav'; a.play(); return null");
    s.awaitIdle();
    assertThat(js(s, "var a = getApp().globalData.a; return [a.duration, a.paused, a.currentTime]")).isEqualTo(List.of(5, false, 0));
    s.advance(Duration.ofMillis(1_250));
    assertThat(js(s, "return getApp().globalData.a.currentTime")).isEqualTo(1.25);
    js(s, "getApp().globalData.a.seek(4); return null");
    s.advance(Duration.ofMillis(500));
    assertThat(js(s, "return getApp().globalData.a.currentTime")).isEqualTo(4.5);
    s.advance(Duration.ofMillis(600));
    assertThat(js(s, "var a = getApp().globalData.a; return [a.paused, getApp().globalData.ev]"))
        .isEqualTo(List.of(true, List.of("Waiting", "Canplay", "Play", "Seeking", "Seeked", "Ended")));
    js(s, "var a = getApp().globalData.a; a.seek(99); a.play(); return null");
    s.advance(Duration.ofMillis(100));
    assertThat(js(s, "return getApp().globalData.a.currentTime")).as("a seek past the end clamps to the end, then play restarts").isEqualTo(0.1);
    js(s, "var a = getApp().globalData.a; a.stop(); return [a.currentTime, a.paused]");
    assertThat(js(s, "var a = getApp().globalData.a; return [a.currentTime, a.paused]")).isEqualTo(List.of(0, true));
  }

  @Test
  void innerAudioContextTimeUpdatesLoopsAndOffRemovesListeners() {
    launch(SessionOptions.of(project));
    js(s, "var g = getApp().globalData, a = wx.createInnerAudioContext(); g.a = a; g.ticks = 0; g.ended = 0;"
        + " g.tick = function () { g.ticks++ }; a.onTimeUpdate(g.tick); a.onEnded(function () { g.ended++ });"
        + " a.loop = true; a.autoplay = true; a.src = '/audio/three.wav'; return null");
    s.advance(Duration.ofSeconds(1));
    assertThat(((Number) global("ticks")).intValue()).isBetween(3, 4);
    s.advance(Duration.ofSeconds(5));
    assertThat(js(s, "var a = getApp().globalData.a; return [a.paused, getApp().globalData.ended, a.currentTime]"))
        .isEqualTo(List.of(false, 0, 0));
    js(s, "var g = getApp().globalData; g.a.offTimeUpdate(g.tick); g.before = g.ticks; return null");
    s.advance(Duration.ofSeconds(2));
    assertThat(global("ticks")).isEqualTo(global("before"));
    js(s, "getApp().globalData.a.destroy(); return null");
    s.advance(Duration.ofSeconds(2));
    assertThat(s.speaker().playing()).isEmpty();
  }

  @Test
  void innerAudioContextErrorsCarryWeChatsCodes() {
    launch(SessionOptions.of(project));
    js(s, "var g = getApp().globalData; g.errs = [];"
        + " ['/audio/none.wav', '/app.js', 'http://127.0.0.1:1/none.mp3'].forEach(function (src) {"
        + "   var a = wx.createInnerAudioContext(); a.onError(function (e) { g.errs.push(e.errCode + ' ' + e.errMsg) }); a.src = src });"
        + " return null");
    s.awaitIdle();
    assertThat(global("errs")).asList().containsExactlyInAnyOrder("10003 file error", "10004 format error", "10002 network error");
  }
}
