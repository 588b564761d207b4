package dev.sparrow.demo;

import static dev.sparrow.demo.DemoApp.find;
import static dev.sparrow.demo.DemoApp.shows;
import static dev.sparrow.demo.DemoApp.tap;
import static dev.sparrow.demo.DemoApp.text;
import static dev.sparrow.demo.DemoApp.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.apis.device.ImageViewer;
import dev.sparrow.runtime.PageHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The media pages driven as a person would: the headless album and permission prompts answered by
 * the test, the microphone hearing a tone, and time moved on the virtual clock for players and
 * recorders. Audio comes from the backend's CDN through host mapping.
 */
class MediaPagesTest extends DemoPagesTest {
  private static final String ALBUM_SCOPE = "scope.writePhotosAlbum";
  private void advance(double seconds) {
    s.advance(Duration.ofMillis(Math.round(seconds * 1000)));
  }

  @Test
  void picturesAreChosenPreviewedInspectedAndSavedAfterPermission() {
    PageHandle page = app.open("images");
    tap(page, "#choose");
    assertThat(page.selectAll(".thumb")).hasSize(3);
    tap(page, "#photo-1");
    assertThat(find(page, "#photo-1").attribute("class").toString()).contains("selected");
    tap(page, "#inspect");
    assertThat(text(page, "#info-size")).isEqualTo("1200 × 800");
    assertThat(text(page, "#info-type")).isEqualTo("jpeg");
    assertThat(text(page, "#info-orientation")).isEqualTo("up");

    tap(page, "#preview");
    ImageViewer.Preview preview = s.album().lastPreview().orElseThrow();
    @SuppressWarnings("unchecked")
    List<String> photos = (List<String>) page.data("photos");
    assertThat(preview.urls()).isEqualTo(photos);
    assertThat(preview.current()).isEqualTo(photos.get(1));

    tap(page, "#save");
    assertThat(s.pendingPermission()).contains(ALBUM_SCOPE);
    s.answerPermission(true);
    assertThat(text(page, "#save-status")).isEqualTo("Saved to the album");
    assertThat(s.toastHistory()).anySatisfy(t -> assertThat(t.title()).isEqualTo("Saved"));
    assertThat(s.album().savedImages()).hasSize(1);

    tap(page, "#inspect-remote");
    assertThat(text(page, "#remote-info")).isEqualTo("1080 × 720 · jpeg");
  }

  @Test
  void afterARefusalSavingLeadsToTheSettingsPage() {
    PageHandle page = app.open("images");
    tap(page, "#choose");
    tap(page, "#save");
    s.answerPermission(false);
    assertThat(text(page, "#save-status")).isEqualTo("Not allowed to save to the album");
    assertThat(s.album().savedImages()).isEmpty();

    s.permissions().onNextSettingsPage(Map.of(ALBUM_SCOPE, true));
    tap(page, "#save");
    assertThat(s.pendingPermission()).as("no prompt after a refusal").isEmpty();
    assertThat(s.pendingDialog()).isPresent();
    s.answerModal(true);
    assertThat(text(page, "#save-status")).isEqualTo("Saved to the album");
    assertThat(s.album().savedImages()).hasSize(1);
  }

  @Test
  void aVoiceMemoIsRecordedPlayedPausedResumedAndStopped() {
    s.microphone().tone(440, 0.5);
    PageHandle page = app.open("voice");
    tap(page, "#start");
    assertThat(s.pendingPermission()).contains("scope.record");
    s.answerPermission(true);
    advance(3);
    assertThat(text(page, "#record-state")).isEqualTo("Recording… 3 s");
    tap(page, "#stop");
    assertThat(text(page, "#record-state")).isEqualTo("Ready to record");
    assertThat(text(page, "#memo-0")).isEqualTo("Memo 1 · 3 s");

    tap(page, "#play-0");
    assertThat(text(page, "#memo-0")).isEqualTo("Memo 1 · 3 s · playing");
    assertThat(s.speaker().playing()).hasSize(1);
    advance(1);
    tap(page, "#pause-0");
    assertThat(text(page, "#memo-0")).isEqualTo("Memo 1 · 3 s · paused");
    assertThat(s.speaker().playing()).isEmpty();
    tap(page, "#play-0");
    advance(2.1);
    assertThat(text(page, "#memo-0")).as("ended after the 2 s left").isEqualTo("Memo 1 · 3 s");
    assertThat(s.speaker().playing()).isEmpty();

    tap(page, "#play-0");
    advance(0.5);
    tap(page, "#stop-0");
    assertThat(text(page, "#memo-0")).isEqualTo("Memo 1 · 3 s");
    assertThat(s.speaker().playing()).isEmpty();
  }

  @Test
  void theMusicPlayerPlaysSkipsWithClampingPausesResumesAndStops() {
    PageHandle page = app.open("music");
    assertThat(text(page, "#status")).isEqualTo("stopped");
    tap(page, "#play");
    assertThat(text(page, "#status")).isEqualTo("playing");
    assertThat(text(page, "#duration-text")).isEqualTo("0:30");
    advance(5);
    assertThat(text(page, "#position-text")).isEqualTo("0:05");

    tap(page, "#forward");
    assertThat(text(page, "#position-text")).isEqualTo("0:15");
    tap(page, "#back");
    tap(page, "#back");
    assertThat(page.data("position")).as("clamped at the start").isEqualTo(0);

    advance(2);
    tap(page, "#pause");
    assertThat(text(page, "#status")).isEqualTo("paused");
    advance(3);
    tap(page, "#play");
    assertThat(page.data("position")).as("resumed where it paused").isEqualTo(2);
    assertThat(text(page, "#status")).isEqualTo("playing");

    advance(23);
    assertThat(text(page, "#position-text")).isEqualTo("0:25");
    tap(page, "#forward");
    advance(0.3);
    assertThat(text(page, "#status")).as("clamped at the end: the track is over").isEqualTo("stopped");
    assertThat(text(page, "#events")).isEqualTo("play → pause → play → stop");

    tap(page, "#play");
    advance(1);
    tap(page, "#stop");
    assertThat(text(page, "#status")).isEqualTo("stopped");
    assertThat(text(page, "#events")).endsWith("stop → play → stop");
    assertThat(s.speaker().playing()).isEmpty();
    assertThat(backend.received().fetches()).anySatisfy(f -> assertThat(f.path()).isEqualTo("/music/sparrow-song.mp3"));
  }

  @Test
  void theRecorderManagerRecordsPausesResumesAndPlaysItBack() {
    s.microphone().tone(660, 0.4);
    PageHandle page = app.open("recorder");
    tap(page, "#start");
    s.answerPermission(true);
    assertThat(text(page, "#state")).isEqualTo("recording");
    advance(2);
    tap(page, "#pause");
    assertThat(text(page, "#state")).isEqualTo("paused");
    advance(5);
    tap(page, "#resume");
    advance(1);
    tap(page, "#stop");
    assertThat(text(page, "#events")).isEqualTo("start → pause → resume → stop");
    assertThat(text(page, "#result-seconds")).isEqualTo("3.0 s");
    assertThat(text(page, "#result-size")).isEqualTo("93.8 KB");

    tap(page, "#play");
    assertThat(page.data("playing")).isEqualTo(true);
    advance(3.1);
    assertThat(page.data("playing")).isEqualTo(false);
  }

  @Test
  void theSoundPlayerPlaysSeeksLoopsAndStops() {
    PageHandle page = app.open("audio");
    assertThat(text(page, "#events")).isEqualTo("canplay");
    tap(page, "#toggle");
    advance(3);
    assertThat(text(page, "#position-text")).isEqualTo("0:03");
    assertThat(text(page, "#duration-text")).isEqualTo("0:30");
    find(page, "#seek").change(20);
    assertThat(text(page, "#position-text")).isEqualTo("0:20");
    find(page, "#loop").tap();
    assertThat(page.data("loop")).isEqualTo(true);
    find(page, "#volume").change(40);
    assertThat(page.data("volume")).isEqualTo(40);
    advance(12);
    assertThat(text(page, "#events")).as("looped: no ended").doesNotContain("ended");
    assertThat(((Number) page.data("position")).doubleValue()).isBetween(1.5, 2.5);
    tap(page, "#toggle");
    assertThat(text(page, "#events")).endsWith("pause");
    tap(page, "#stop");
    assertThat(text(page, "#events")).endsWith("pause → stop");
    assertThat(text(page, "#position-text")).isEqualTo("0:00");
  }

  @Test
  void backgroundAudioKeepsPlayingAfterThePageIsLeft() {
    PageHandle page = app.open("bgm");
    tap(page, "#play");
    assertThat(text(page, "#state")).isEqualTo("playing");
    advance(4);
    assertThat(text(page, "#position-text")).isEqualTo("0:04");
    find(page, "#seek").change(10);
    assertThat(text(page, "#position-text")).isEqualTo("0:10");

    s.navigateBack(1);
    advance(2);
    assertThat(s.speaker().playing()).hasSize(1);
    page = app.open("bgm");
    assertThat(text(page, "#state")).isEqualTo("playing");
    assertThat(text(page, "#position-text")).isEqualTo("0:12");
    tap(page, "#pause");
    assertThat(text(page, "#state")).isEqualTo("not playing");
    assertThat(s.speaker().playing()).isEmpty();
    tap(page, "#play");
    assertThat(text(page, "#position-text")).as("play resumes").isEqualTo("0:12");
    tap(page, "#stop");
    assertThat(text(page, "#events")).endsWith("stop");
    assertThat(shows(page, "#pause")).isFalse();
  }
}
