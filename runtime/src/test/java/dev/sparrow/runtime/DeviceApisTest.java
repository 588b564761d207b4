package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparrow.apis.device.HeadlessPhone;
import dev.sparrow.apis.device.Person;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scriptable phone and person behind scanCode, the motion sensors, screen, calls, profile, payment, address,
 * location, message files and screenshots, as a page uses them (examples/device-apis, pages/device).
 */
class DeviceApisTest {
  @TempDir Path album;
  private Session s;

  private PageHandle open(SessionOptions options) {
    s = Sparrow.launch(options.virtualClock().launchUrl("pages/device/device")).awaitIdle();
    return s.currentPage();
  }

  private PageHandle open() {
    return open(SessionOptions.of(Examples.path("device-apis")));
  }

  @AfterEach
  void close() {
    if (s != null) {
      s.close();
    }
  }

  private List<String> log(PageHandle page) {
    return page.selectAll(".log").stream().map(PageElement::text).toList();
  }

  private void tap(PageHandle page, String id) {
    page.select(id).orElseThrow().tap();
    s.awaitIdle();
  }

  @Test
  void scanCodeReadsTheScriptedCodeThenTheStandingOneAndCancelsWithNone() {
    PageHandle page = open(SessionOptions.of(Examples.path("device-apis")).scanResult("https://sparrow.dev/p/1"));
    s.scanner().offer("6901234567892").cancelNext();
    tap(page, "#scan");
    tap(page, "#scan");
    tap(page, "#scan");
    assertThat(log(page)).containsSubsequence("QR_CODE 6901234567892", "scanCode:fail cancel",
        "QR_CODE https://sparrow.dev/p/1");
    assertThat(s.scanner().requests()).hasSize(3).allSatisfy(t -> assertThat(t).containsExactly("barCode", "qrCode"));
  }

  @Test
  void theCompassAndAccelerometerReportTheStillPhoneUntilTheHostMovesItAndStopWhenAsked() {
    PageHandle page = open();
    s.advance(Duration.ofMillis(250));
    assertThat(page.data("direction")).isEqualTo(0);
    assertThat(page.data("shaken")).isNull();
    s.sensors().head(90).accelerate(2.5, 0, -1);
    s.advance(Duration.ofMillis(250));
    assertThat(page.data("direction")).isEqualTo(90);
    assertThat(page.data("shaken")).isEqualTo(true);
    tap(page, "#stop");
    s.sensors().head(180);
    s.advance(Duration.ofSeconds(1));
    assertThat(page.data("direction")).isEqualTo(90);
    assertThat(s.errors()).isEmpty();
  }

  @Test
  void gyroscopeAndDeviceMotionReportAtTheirIntervalAndOffStopsAListener() {
    open();
    s.sensors().rotate(0.5, 0, 0).orient(10, 20, 30);
    s.evaluate("function () { const g = getApp().globalData = { gyro: [], motion: [] };"
        + " g.onGyro = r => g.gyro.push(r.x); wx.onGyroscopeChange(g.onGyro); wx.startGyroscope({ interval: 'ui' });"
        + " wx.onDeviceMotionChange(r => g.motion.push([r.alpha, r.beta, r.gamma]));"
        + " wx.startDeviceMotionListening({ interval: 'normal' }); return null }");
    s.advance(Duration.ofMillis(200));
    assertThat(s.evaluate("function () { return getApp().globalData.gyro }")).isEqualTo(List.of(0.5, 0.5, 0.5));
    assertThat(s.evaluate("function () { return getApp().globalData.motion }")).isEqualTo(List.of(List.of(10, 20, 30)));
    s.evaluate("function () { wx.offGyroscopeChange(getApp().globalData.onGyro); return null }");
    s.advance(Duration.ofMillis(200));
    assertThat(s.evaluate("function () { return getApp().globalData.gyro.length }")).isEqualTo(3);
    assertThat(s.errors()).isEmpty();
  }

  @Test
  void screenCallsAndScreenshotsAreRecordedOnThePhone() {
    PageHandle page = open();
    assertThat(s.phone().keepScreenOn()).isTrue();
    tap(page, "#brighter");
    tap(page, "#call");
    s.captureScreen().keyboardHeight(260).awaitIdle();
    assertThat(log(page)).contains("font loaded", "brightness 0.8", "makePhoneCall:ok", "screenshot");
    assertThat(page.data("keyboard")).isEqualTo(260);
    assertThat(s.phone().calls()).containsExactly("10086");
  }

  @Test
  void profilePaymentAndAddressFollowTheScriptedPerson() {
    PageHandle page = open();
    s.person().denyProfile().nextPayment(Person.Payment.cancelled()).nextPayment(Person.Payment.failed("余额不足"));
    tap(page, "#login");
    tap(page, "#login");
    tap(page, "#pay");
    tap(page, "#pay");
    tap(page, "#pay");
    tap(page, "#address");
    s.person().cancelAddress();
    tap(page, "#address");
    assertThat(log(page)).containsSubsequence("getUserProfile:fail auth deny", "微信用户", "requestPayment:fail cancel",
        "requestPayment:fail 余额不足", "requestPayment:ok", "广州市 020-81167888", "chooseAddress:fail cancel");
    assertThat(s.person().payments()).containsExactly("prepay_id=wx1");
    assertThatThrownBy(() -> s.callWx("requestPayment", Map.of())).hasMessage("requestPayment:fail parameter error:"
        + " parameter.timeStamp should be String instead of Undefined;parameter.nonceStr should be String instead of"
        + " Undefined;parameter.package should be String instead of Undefined;parameter.paySign should be String"
        + " instead of Undefined;");
  }

  @Test
  void chooseLocationMustBeDeclaredAndOpenLocationIsRecorded() {
    PageHandle page = open();
    tap(page, "#where");
    assertThat(log(page)).contains(
        "chooseLocation:fail the api need to be declared in the requiredPrivateInfos field in app.json/ext.json");
    s.callWx("openLocation", Map.of("latitude", 23.1, "longitude", 113.3, "name", "Canton Tower"));
    assertThat(s.phone().shownPlaces())
        .containsExactly(new HeadlessPhone.ShownPlace(23.1, 113.3, 18, "Canton Tower", ""));
  }

  @Test
  void chooseMessageFileOffersAnyFileOfTheAlbumFolder() throws IOException {
    Files.writeString(album.resolve("notes.pdf"), "%PDF-1.4");
    Files.write(album.resolve("photo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    PageHandle page = open(SessionOptions.of(Examples.path("device-apis")).album(album));
    tap(page, "#attach");
    assertThat(log(page)).contains("notes.pdf:file photo.png:image");
  }

  @Test
  void base64HelpersAndCloudCallsWorkWithoutThrowing() {
    PageHandle page = open();
    assertThat(page.select("#b64").orElseThrow().text()).isEqualTo("aGn/ 104,105,255");
    assertThat(log(page)).as("the project has no cloudfunctionRoot: its function cannot be found, as on WeChat")
        .contains("cloud.callFunction:fail Error: errCode: -501000  | errMsg: FunctionName parameter could not be found.");
    assertThat(log(page)).doesNotContain("cloud.init:fail"); // init works since the database emulator
    assertThat(s.errors()).isEmpty();
  }
}
