package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.apis.system.DeviceProfile;
import dev.sparrow.runtime.app.ViewLayer;
import dev.sparrow.runtime.project.ExtendedLibs;
import dev.sparrow.runtime.project.Problem;
import dev.sparrow.runtime.project.ProjectLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code useExtendedLib: {weui: true}}: weui-miniprogram's components and styles without the package
 * (examples/extended-lib). The library comes from the project's node_modules or Sparrow's cache, which the first test
 * to run fills from the npm registry (CI has access to it).
 */
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
  void theCachedCopyIsThePublishedPackageWithItsLicence() throws IOException {
    ExtendedLibs libs = ExtendedLibs.defaults();
    ProjectLoader.load(Examples.path("extended-lib"), libs);
    Path cached = libs.cached(ExtendedLibs.WEUI);
    assertThat(Files.readString(cached.resolve("LICENSE"))).contains("MIT License");
    assertThat(Files.readString(cached.resolve("package.json"))).contains("\"version\": \"1.5.6\"");
    assertThat(cached.resolve("miniprogram_dist/slideview/slideview.js")).isRegularFile();
  }

  @Test
  void theCacheFolderAndRegistryFollowTheEnvironment() {
    assertThat(ExtendedLibs.defaultCacheDir(Map.of("SPARROW_CACHE", "/c"), "/home/u", "Linux")).isEqualTo(Path.of("/c"));
    assertThat(ExtendedLibs.defaultCacheDir(Map.of("XDG_CACHE_HOME", "/x"), "/home/u", "Linux"))
        .isEqualTo(Path.of("/x/sparrow"));
    assertThat(ExtendedLibs.defaultCacheDir(Map.of(), "/home/u", "Linux")).isEqualTo(Path.of("/home/u/.cache/sparrow"));
    assertThat(ExtendedLibs.defaultCacheDir(Map.of(), "/Users/u", "Mac OS X"))
        .isEqualTo(Path.of("/Users/u/Library/Caches/sparrow"));
    assertThat(ExtendedLibs.defaultRegistry(Map.of("npm_config_registry", "https://registry.npmmirror.com/")))
        .hasToString("https://registry.npmmirror.com/");
    assertThat(ExtendedLibs.defaultRegistry(Map.of())).hasToString("https://registry.npmjs.org/");
  }

  @Test
  void offlineAndNotCachedTheAppStillLaunchesAndSaysHowToGetWeui(@TempDir Path cache) {
    SessionOptions options = SessionOptions.of(Examples.path("extended-lib"))
        .extendedLibs(ExtendedLibs.cachedIn(cache).offline());
    try (Session s = Sparrow.launch(options).awaitIdle()) {
      assertThat(s.project().problems()).extracting(Problem::toString).contains(
          "app.json:3: useExtendedLib \"weui\": weui-miniprogram@1.5.6 is not in Sparrow's cache ("
              + cache.resolve("extended/weui-miniprogram@1.5.6") + ") and downloading is off: run Sparrow once online"
              + " (it downloads weui-miniprogram@1.5.6 into its cache) or `npm install weui-miniprogram` in the project");
      assertThat(s.project().problems()).extracting(Problem::toString).contains(
          "pages/index/index.json:3: Component is not found in path \"pages/index/weui-miniprogram/cells/cells\""
              + " (using by \"pages/index/index\"); useExtendedLib \"weui\" is not available: run Sparrow once online"
              + " (it downloads weui-miniprogram@1.5.6 into its cache) or `npm install weui-miniprogram` in the project");
      PageElement slide = s.currentPage().select("#slide").orElseThrow();
      assertThat(slide.isComponent()).isFalse();
      assertThat(s.errors()).isEmpty();
    }
    assertThat(cache.resolve("extended")).doesNotExist();
  }

  @Test
  void theProjectsOwnNodeModulesCopyComesFirst(@TempDir Path dir, @TempDir Path cache) throws IOException {
    ownCopyProject(dir, "true");
    SessionOptions options = SessionOptions.of(dir).extendedLibs(ExtendedLibs.cachedIn(cache).offline());
    try (Session s = Sparrow.launch(options).awaitIdle()) {
      assertThat(s.project().problems()).isEmpty();
      assertThat(s.currentPage().select("#c").orElseThrow().select(".own-cell").orElseThrow().text()).isEqualTo("T");
      String css = ViewLayer.pageCss(s.project(), "pages/index/index", ViewLayer.cssOptions(DeviceProfile.IPHONE_6))
          .css();
      assertThat(css).contains(".own-cell");
    }
  }

  @Test
  void aVersionStringTurnsTheLibraryOnAsTrueDoes(@TempDir Path dir, @TempDir Path cache) throws IOException {
    // WeChat's own demo: "useExtendedLib": {"weui": "latest"}
    ownCopyProject(dir, "\"latest\"");
    SessionOptions options = SessionOptions.of(dir).extendedLibs(ExtendedLibs.cachedIn(cache).offline());
    try (Session s = Sparrow.launch(options).awaitIdle()) {
      assertThat(s.project().problems()).isEmpty();
      assertThat(s.currentPage().select("#c").orElseThrow().select(".own-cell").orElseThrow().text()).isEqualTo("T");
    }
  }

  @Test
  void theLibraryIsFoundFromTheRootAsWell(@TempDir Path dir, @TempDir Path cache) throws IOException {
    // templates write "/weui-miniprogram/cell/cell" (TellMeY76/miniprogram-ts-template and others)
    ownCopyProject(dir, "true");
    Files.writeString(dir.resolve("pages/index/index.json"),
        "{\"usingComponents\": {\"mp-cell\": \"/weui-miniprogram/cell/cell\", \"no\": \"/weui-miniprogram/nope\"}}");
    SessionOptions options = SessionOptions.of(dir).extendedLibs(ExtendedLibs.cachedIn(cache).offline());
    try (Session s = Sparrow.launch(options).awaitIdle()) {
      assertThat(s.project().problems()).extracting(Problem::toString).containsExactly(
          "pages/index/index.json:1: Component is not found in path \"weui-miniprogram/nope\""
              + " (using by \"pages/index/index\")");
      assertThat(s.currentPage().select("#c").orElseThrow().select(".own-cell").orElseThrow().text()).isEqualTo("T");
    }
  }

  private static void ownCopyProject(Path dir, String weui) throws IOException {
    Files.writeString(dir.resolve("app.json"),
        "{\"pages\": [\"pages/index/index\"], \"useExtendedLib\": {\"weui\": " + weui + "}}");
    Files.writeString(dir.resolve("app.js"), "App({})");
    Files.createDirectories(dir.resolve("pages/index"));
    Files.writeString(dir.resolve("pages/index/index.js"), "Page({})");
    Files.writeString(dir.resolve("pages/index/index.json"),
        "{\"usingComponents\": {\"mp-cell\": \"weui-miniprogram/cell/cell\"}}");
    Files.writeString(dir.resolve("pages/index/index.wxml"), "<mp-cell id=\"c\" title=\"T\"/>");
    Path pkg = dir.resolve("node_modules/weui-miniprogram");
    Files.createDirectories(pkg.resolve("dist/cell"));
    Files.createDirectories(pkg.resolve("dist/weui-wxss/dist/style"));
    Files.writeString(pkg.resolve("package.json"), "{\"name\": \"weui-miniprogram\", \"miniprogram\": \"dist\"}");
    Files.writeString(pkg.resolve("dist/cell/cell.json"), "{\"component\": true}");
    Files.writeString(pkg.resolve("dist/cell/cell.js"), "Component({properties: {title: String}})");
    Files.writeString(pkg.resolve("dist/cell/cell.wxml"), "<view class=\"own-cell\">{{title}}</view>");
    Files.writeString(pkg.resolve("dist/weui-wxss/dist/style/weui.wxss"), ".own-cell{color:red}");
  }

  @Test
  void cellsRenderAndWeuisStylesheetComesBeforeTheApps() {
    try (Session s = Sparrow.launch(SessionOptions.of(Examples.path("extended-lib")).launchUrl("pages/cells/cells")).awaitIdle()) {
      PageElement first = s.currentPage().select("#first").orElseThrow();
      assertThat(first.wxml()).contains("Name").contains("Sparrow");
      String css = ViewLayer.pageCss(s.project(), "pages/cells/cells", ViewLayer.cssOptions(DeviceProfile.IPHONE_6))
          .css();
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
        "app.json:5: useExtendedLib \"kbone\" is not available in Sparrow (it provides weui)");
  }
}
