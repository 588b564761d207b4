package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.app.ViewLayer;
import dev.sparrow.runtime.project.Problem;
import dev.sparrow.runtime.project.ProjectLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code useExtendedLib: {weui: true}}: weui-miniprogram's components and styles without the package (examples/extended-lib). */
class ExtendedLibTest {
  @Test
  void weuiComponentsResolveWithoutThePackageAndTheSlideviewPageOpens() {
    try (Session s = Sparrow.launch(Examples.path("extended-lib")).awaitIdle()) {
      PageElement slide = s.currentPage().select("#slide").orElseThrow();
      assertThat(slide.isComponent()).isTrue();
      assertThat(slide.selectAll(".weui-slideview__btn").stream().map(PageElement::text).toList())
          .containsExactly("Normal", "Special", "Delete");
      assertThat(slide.selectAll(".weui-slideview__btn__wrp").get(2).attribute("class").toString())
          .contains("weui-slideview__btn-group_warn");
      assertThat(s.currentPage().select("#cell").orElseThrow().isComponent()).isTrue();
      // the page reLaunches onto itself as weui's sample does; it used to hang on a recursion in the buttons' observer
      assertThat(s.reLaunch("/pages/index/index").select("#slide").orElseThrow().selectAll(".weui-slideview__btn")).hasSize(3);
      assertThat(s.errors()).isEmpty();
      assertThat(s.console()).noneMatch(m -> m.level().equals("error") || m.text().contains("is invalid"));
    }
  }

  @Test
  void cellsRenderAndWeuisStylesheetComesBeforeTheApps() {
    try (Session s = Sparrow.launch(SessionOptions.of(Examples.path("extended-lib")).launchUrl("pages/cells/cells")).awaitIdle()) {
      PageElement first = s.currentPage().select("#first").orElseThrow();
      assertThat(first.wxml()).contains("Name").contains("Sparrow");
      String css = ViewLayer.pageCss(s.project(), "pages/cells/cells", ViewLayer.cssOptions(dev.sparrow.apis.system.DeviceProfile.IPHONE_6)).css();
      assertThat(css).startsWith("/* miniprogram_npm/weui-miniprogram/weui-wxss/dist/style/weui.wxss */").contains(".weui-cell");
      assertThat(s.errors()).isEmpty();
    }
  }

  @Test
  void aPackageThatAlsoShipsWeuiOrAnUnknownLibraryIsAProblemNotARefusal(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("app.json"), "{\n  \"pages\": [\"pages/index/index\"],\n  \"useExtendedLib\": {\n    \"weui\": true,\n    \"kbone\": true\n  }\n}\n");
    Files.writeString(dir.resolve("app.js"), "App({})");
    Files.createDirectories(dir.resolve("pages/index"));
    Files.writeString(dir.resolve("pages/index/index.js"), "Page({})");
    Files.writeString(dir.resolve("pages/index/index.wxml"), "<view/>");
    Files.createDirectories(dir.resolve("miniprogram_npm/weui-miniprogram"));
    assertThat(ProjectLoader.load(dir).problems()).extracting(Problem::toString).containsExactly(
        "app.json:4: miniprogram_npm 目录下的 weui-miniprogram 包与扩展库 weui 发生冲突，请移除 weui-miniprogram 包或者删除 `useExtendedLib.weui` 配置",
        "app.json:5: useExtendedLib \"kbone\" is not available in Sparrow (it bundles weui)");
  }
}
