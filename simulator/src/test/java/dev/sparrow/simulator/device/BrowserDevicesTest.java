package dev.sparrow.simulator.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.apis.device.HeadlessAlbum;
import dev.sparrow.apis.device.HeadlessMicrophone;
import dev.sparrow.apis.device.HeadlessPerson;
import dev.sparrow.apis.device.HeadlessScanner;
import dev.sparrow.apis.device.Person;
import dev.sparrow.apis.device.MediaPicker;
import dev.sparrow.apis.device.Microphone;
import dev.sparrow.apis.device.Scanner;
import dev.sparrow.apis.ui.HeadlessDialogs;
import dev.sparrow.apis.ui.ModalAnswer;
import dev.sparrow.apis.ui.ModalRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The browser devices without a browser: what they send, how answers come back, and the headless fallback. */
class BrowserDevicesTest {
  private final List<ObjectNode> sent = new CopyOnWriteArrayList<>();
  private final Prompts prompts = new Prompts(sent::add);

  @Test
  void theMicrophoneConvertsTheBrowsersRateAndStaysAlignedWhenAudioIsLate() {
    BrowserMicrophone mic = new BrowserMicrophone(new HeadlessMicrophone(), sent::add, () -> true);
    Microphone.Capture capture = mic.open(16_000, 2);
    int id = sent.get(0).path("id").asInt();
    assertThat(sent.get(0).path("t").asText()).isEqualTo("mic.open");

    byte[] out = new byte[4 * 100];
    capture.read(out, 0, 100); // nothing arrived yet: 100 frames of silence, owed from the stream
    assertThat(out).containsOnly((byte) 0);

    short[] samples = new short[48 * 300]; // 300 ms at 48 kHz, a constant level
    java.util.Arrays.fill(samples, (short) 1000);
    mic.frame(frame(id, 48_000, samples));
    byte[] next = new byte[4 * 1600];
    capture.read(next, 0, 1600); // 100 ms at 16 kHz: 300 late source samples were dropped first
    ByteBuffer b = ByteBuffer.wrap(next).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 1600 * 2; i++) {
      assertThat(b.getShort()).isEqualTo((short) 1000);
    }
    capture.close();
    assertThat(sent.get(sent.size() - 1).path("t").asText()).isEqualTo("mic.close");
    assertThat(mic.capturing()).isFalse();
  }

  @Test
  void withoutABrowserTheHeadlessDevicesAnswer() {
    HeadlessAlbum headless = new HeadlessAlbum(null, Path.of("unused"));
    BrowserAlbum album = new BrowserAlbum(headless, prompts, () -> false);
    MediaPicker.Pick pick = album.pick(new MediaPicker.Request("image", 1, List.of("album"))).toCompletableFuture().join();
    assertThat(pick.isCancelled()).isTrue(); // headless with no fixtures: the user cancels
    assertThat(headless.requests()).hasSize(1);
    assertThat(sent).isEmpty();
  }

  @Test
  void aPickerInTheBrowserCompletesWithTheUploadedFiles() {
    BrowserAlbum album = new BrowserAlbum(new HeadlessAlbum(null, Path.of("unused")), prompts, () -> true);
    CompletionStage<MediaPicker.Pick> pick = album.pick(new MediaPicker.Request("image", 1, List.of("album", "camera")));
    ObjectNode shown = sent.get(0);
    assertThat(shown.path("t").asText()).isEqualTo("pick");
    album.answerPick(shown.path("id").asInt(), List.of(Path.of("a.jpg"), Path.of("b.jpg")), "camera", false);
    MediaPicker.Pick p = pick.toCompletableFuture().join();
    assertThat(p.files()).containsExactly(Path.of("a.jpg")); // never more than count
    assertThat(p.source()).isEqualTo("camera");
    assertThat(sent.get(1).path("t").asText()).isEqualTo("pick.close");
  }

  @Test
  void aModalAnsweredByTheHostClosesInTheBrowser() {
    HeadlessDialogs headless = new HeadlessDialogs(HeadlessDialogs.Policy.WAIT);
    BrowserDialogs dialogs = new BrowserDialogs(headless, prompts, sent::add);
    CompletionStage<ModalAnswer> answer = dialogs.showModal(new ModalRequest("T", "C", true, "取消", "#000", "确定", "#576B95", false, ""));
    assertThat(prompts.replay()).hasSize(1);
    headless.answerModal(ModalAnswer.cancelled());
    assertThat(answer.toCompletableFuture().join().cancel()).isTrue();
    assertThat(sent.get(sent.size() - 1).path("t").asText()).isEqualTo("modal.close");
    assertThat(prompts.replay()).isEmpty();
  }

  @Test
  void scanCodeAsksThePersonInAnEditableModalUnlessTheHostScriptedIt() {
    HeadlessDialogs headless = new HeadlessDialogs(HeadlessDialogs.Policy.WAIT);
    BrowserDialogs dialogs = new BrowserDialogs(headless, prompts, sent::add);
    HeadlessScanner scripted = new HeadlessScanner().offer("scripted");
    BrowserScanner scanner = new BrowserScanner(scripted, dialogs);
    assertThat(scanner.scan(List.of(), false).toCompletableFuture().join()).map(Scanner.Scan::result).hasValue("scripted");
    assertThat(sent).isEmpty();

    CompletionStage<Optional<Scanner.Scan>> typed = scanner.scan(List.of("qrCode"), false);
    assertThat(sent.get(0).path("t").asText()).isEqualTo("modal");
    assertThat(sent.get(0).path("editable").asBoolean()).isTrue();
    dialogs.answerModal(sent.get(0).path("id").asInt(), true, "https://sparrow.dev/x");
    assertThat(typed.toCompletableFuture().join()).map(Scanner.Scan::result).hasValue("https://sparrow.dev/x");

    CompletionStage<Optional<Scanner.Scan>> cancelled = scanner.scan(List.of(), false);
    dialogs.answerModal(sent.get(sent.size() - 1).path("id").asInt(), false, "");
    assertThat(cancelled.toCompletableFuture().join()).isEmpty();
  }

  @Test
  void profileConsentAndPaymentAreModalsUnlessTheHostScriptedThem() {
    HeadlessDialogs headless = new HeadlessDialogs(HeadlessDialogs.Policy.WAIT);
    BrowserDialogs dialogs = new BrowserDialogs(headless, prompts, sent::add);
    HeadlessPerson scripted = new HeadlessPerson().nextPayment(Person.Payment.failed("余额不足"));
    BrowserPerson person = new BrowserPerson(scripted, dialogs);
    assertThat(person.pay("prepay_id=1").toCompletableFuture().join().reason()).isEqualTo("余额不足");
    assertThat(sent).isEmpty();

    CompletionStage<Person.Payment> paying = person.pay("prepay_id=2");
    assertThat(sent.get(0).path("title").asText()).isEqualTo("微信支付 (Sparrow)");
    dialogs.answerModal(sent.get(0).path("id").asInt(), true, "");
    assertThat(paying.toCompletableFuture().join().outcome()).isEqualTo(Person.Payment.Outcome.PAID);
    assertThat(scripted.payments()).containsExactly("prepay_id=2");

    CompletionStage<Boolean> consent = person.shareProfile("to show your name");
    dialogs.answerModal(sent.get(sent.size() - 1).path("id").asInt(), false, "");
    assertThat(consent.toCompletableFuture().join()).isFalse();
  }

  @Test
  void anAnswerToAPromptThatIsNotTheOldestIsIgnored() {
    HeadlessDialogs headless = new HeadlessDialogs(HeadlessDialogs.Policy.WAIT);
    BrowserDialogs dialogs = new BrowserDialogs(headless, prompts, sent::add);
    ModalRequest r = new ModalRequest("T", "C", true, "取消", "#000", "确定", "#576B95", false, "");
    CompletionStage<ModalAnswer> first = dialogs.showModal(r);
    CompletionStage<ModalAnswer> second = dialogs.showModal(r);
    dialogs.answerModal(sent.get(1).path("id").asInt(), true, "");
    assertThat(first.toCompletableFuture().isDone()).isFalse();
    dialogs.answerModal(sent.get(0).path("id").asInt(), true, "");
    assertThat(first.toCompletableFuture().join().confirm()).isTrue();
    assertThat(second.toCompletableFuture().isDone()).isFalse();
  }

  private static ByteBuffer frame(int id, int rate, short[] samples) {
    ByteBuffer b = ByteBuffer.allocate(8 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(id).putInt(rate);
    for (short s : samples) {
      b.putShort(s);
    }
    return b.flip();
  }
}
