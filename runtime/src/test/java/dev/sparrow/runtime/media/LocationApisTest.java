package dev.sparrow.runtime.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sparrow.runtime.Examples;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wx.getLocation: the requiredPrivateInfos declaration, the scope.userLocation prompt, WGS-84 and GCJ-02 fixes. */
class LocationApisTest {
  @TempDir Path dir;
  private Session s;

  @AfterEach
  void close() {
    if (s != null) {
      s.close();
    }
  }

  private Object js(String body) {
    return s.evaluate("function () { " + body + " }");
  }

  @Test
  void aDeclaredAppAsksOnceThenGetsTheFixInBothSystems() throws Exception {
    s = Sparrow.launch(SessionOptions.of(MediaLab.copy(dir)).virtualClock().location(31.2304, 121.4737));
    s.awaitIdle();
    js("wx.getLocation({ type: 'wgs84' }).then(function (r) { getApp().globalData.fix = [r.errMsg, r.latitude, r.longitude] }); return null");
    s.awaitIdle();
    assertThat(s.pendingPermission()).contains("scope.userLocation");
    s.answerPermission(true);
    assertThat(js("return getApp().globalData.fix")).isEqualTo(List.of("getLocation:ok", 31.2304, 121.4737));
    @SuppressWarnings("unchecked")
    List<Number> gcj = (List<Number>) js("return wx.getLocation({ type: 'gcj02' }).then(function (r) { return [r.latitude, r.longitude] })");
    // Shanghai's GCJ-02 offset: about 0.002° south-east of the GPS fix
    assertThat(gcj.get(0).doubleValue()).isCloseTo(31.2284, within(0.0005));
    assertThat(gcj.get(1).doubleValue()).isCloseTo(121.4781, within(0.0005));
    s.location().moveTo(22.5431, 114.0579);
    assertThat(js("return wx.getLocation().then(function (r) { return r.latitude })")).isEqualTo(22.5431);
  }

  @Test
  void aDeniedScopeAndAnUndeclaredAppFail() throws Exception {
    s = Sparrow.launch(SessionOptions.of(MediaLab.copy(dir)).virtualClock());
    s.awaitIdle();
    s.setPermission("scope.userLocation", false);
    assertThat(js("return wx.getLocation().then(null, function (e) { return e.errMsg })")).isEqualTo("getLocation:fail auth deny");
    s.close();
    s = Sparrow.launch(SessionOptions.of(Examples.path("navigation")).virtualClock());
    s.awaitIdle();
    assertThat(js("return wx.getLocation().then(null, function (e) { return e.errMsg })"))
        .isEqualTo("getLocation:fail the api need to be declared in the requiredPrivateInfos field in app.json/ext.json");
    assertThat(s.pendingPermission()).isEmpty();
  }
}
