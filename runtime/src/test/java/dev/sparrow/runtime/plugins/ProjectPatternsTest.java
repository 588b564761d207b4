package dev.sparrow.runtime.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.PageHandle;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import dev.sparrow.runtime.js.CompileCache;
import dev.sparrow.runtime.project.ProjectFiles;
import dev.sparrow.runtime.project.StyleSources;
import dev.sparrow.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Patterns met in public TypeScript/Less/Sass mini programs (docs/compatibility.md, "Tried on public mini
 * programs"), each in a small project of our own: app.json's {@code resolveAlias} for {@code require}/{@code import}
 * and {@code usingComponents}; style imports that climb out of {@code miniprogramRoot} and back into it, or that name
 * a folder of the package root from a page's folder; pages with {@code behaviors} (mobx-miniprogram-bindings); an
 * observer's own {@code setData} (miniprogram-computed).
 */
class ProjectPatternsTest {
  @TempDir Path cache;

  @Test
  void resolveAliasMapsRequiresAndComponentsTheLongestRuleFirst(@TempDir Path dir) throws IOException {
    TestFiles.write(dir.resolve("project.config.json"), "{\"miniprogramRoot\": \"src/\"}");
    Path root = dir.resolve("src");
    TestFiles.write(root.resolve("app.json"), """
        {"pages": ["pages/home/home"],
         "resolveAlias": {"@/*": "/*", "@utils/*": "lib/helpers/*", "@/lib/*": "lib/helpers/*",
                          "~bad": "/nowhere"}}""");
    TestFiles.write(root.resolve("app.js"), "const { twice } = require('@/lib/math');\nApp({ four: twice(2) })");
    TestFiles.write(root.resolve("lib/helpers/math.js"), "exports.twice = (n) => n * 2;");
    TestFiles.write(root.resolve("lib/helpers/label/index.js"), "module.exports = (n) => 'n=' + n;");
    TestFiles.write(root.resolve("pages/home/home.json"),
        "{\"usingComponents\": {\"badge\": \"@/components/badge/badge\"}}");
    TestFiles.write(root.resolve("pages/home/home.js"), """
        const label = require('@utils/label');
        Page({ data: { text: label(getApp().four) } })""");
    TestFiles.write(root.resolve("pages/home/home.wxml"), "<badge text=\"{{text}}\"/>");
    TestFiles.write(root.resolve("components/badge/badge.json"), "{\"component\": true}");
    TestFiles.write(root.resolve("components/badge/badge.js"), "Component({ properties: { text: String } })");
    TestFiles.write(root.resolve("components/badge/badge.wxml"), "<text class=\"badge\">{{text}}</text>");
    try (Session s = Sparrow.launch(SessionOptions.of(dir).compileCache(cache).virtualClock())) {
      s.awaitIdle(Duration.ofMinutes(1));
      assertThat(s.errors()).isEmpty();
      assertThat(s.project().problems()).extracting(Object::toString).containsExactly(
          "src/app.json:3: resolveAlias \"~bad\": the key and the value must end with /*");
      PageHandle page = s.currentPage();
      assertThat(page.data("text")).isEqualTo("n=4");
      assertThat(page.select("badge").orElseThrow().select(".badge").orElseThrow().text()).isEqualTo("n=4");
    }
  }

  @Test
  void anAliasWhoseTargetIsMissingIsNamedInTheError(@TempDir Path dir) throws IOException {
    TestFiles.write(dir.resolve("app.json"), """
        {"pages": ["pages/home/home"], "resolveAlias": {"@/*": "/*", "@ui/*": "components/*"}}""");
    TestFiles.write(dir.resolve("app.js"), "App({})");
    TestFiles.write(dir.resolve("pages/home/home.json"), "{\"usingComponents\": {\"card\": \"@ui/card/card\"}}");
    TestFiles.write(dir.resolve("pages/home/home.js"), """
        let message = '';
        try { require('@/utils/gone'); } catch (e) { message = e.message; }
        Page({ data: { message } })""");
    TestFiles.write(dir.resolve("pages/home/home.wxml"), "<text>{{message}}</text>");
    try (Session s = Sparrow.launch(SessionOptions.of(dir).compileCache(cache).virtualClock())) {
      s.awaitIdle(Duration.ofMinutes(1));
      assertThat(s.project().problems()).extracting(Object::toString).containsExactly(
          "pages/home/home.json:1: Component is not found in path \"components/card/card\" (using by"
              + " \"pages/home/home\"), alias is \"@ui/card/card\""
              + " (app.json resolveAlias \"@ui/*\": \"components/*\")");
      assertThat(s.currentPage().data("message")).isEqualTo(
          "module \"utils/gone\" is not defined, alias is \"@/utils/gone\" (app.json resolveAlias \"@/*\": \"/*\")");
    }
  }

  @Test
  void templateAndStylePathsDoNotGoThroughResolveAliasAsInWeChat(@TempDir Path dir) throws IOException {
    // WeChat applies resolveAlias to require/import and usingComponents only: "<import src=\"@utils/index.wxml\"/>
    // 不生效" (developers.weixin.qq.com community 00060a2b24811825579e8b9395bc00); docs/decisions.md "resolveAlias"
    TestFiles.write(dir.resolve("app.json"), "{\"pages\": [\"pages/home/home\"], \"resolveAlias\": {\"@/*\": \"/*\"}}");
    TestFiles.write(dir.resolve("app.js"), "App({})");
    TestFiles.write(dir.resolve("tpl/card.wxml"), "<template name=\"card\"><text class=\"card\">c</text></template>");
    TestFiles.write(dir.resolve("styles/base.wxss"), ".card { color: red; }");
    TestFiles.write(dir.resolve("pages/home/home.js"), "Page({})");
    TestFiles.write(dir.resolve("pages/home/home.wxml"), """
        <import src="@/tpl/card.wxml"/>
        <view class="root"><template is="card"/></view>""");
    TestFiles.write(dir.resolve("pages/home/home.wxss"), "@import \"@/styles/base.wxss\";\n.root { color: blue; }");
    try (Session s = Sparrow.launch(SessionOptions.of(dir).compileCache(cache).virtualClock())) {
      s.awaitIdle(Duration.ofMinutes(1));
      PageHandle page = s.currentPage();
      assertThat(page.select(".root")).isPresent();
      assertThat(page.select(".card")).isEmpty();
      assertThat(s.styleProblems("pages/home/home")).singleElement().asString()
          .contains("imported file `@/styles/base.wxss` not found");
    }
  }

  @Test
  void styleImportsThatLeaveTheRootAndComeBackAreFound(@TempDir Path dir) throws IOException {
    Path root = dir.resolve("miniprogram");
    TestFiles.write(root.resolve("theme/_colors.scss"), "$brand: #0052d9;\n");
    TestFiles.write(root.resolve("theme/index.scss"), "@import './colors';\n.brand { color: $brand; }\n");
    TestFiles.write(root.resolve("theme/vars.less"), "@brand: #e34d59;\n");
    StyleSources styles = new StyleSources(new ProjectFiles(root), new CompileCache(cache));
    // app.scss in the root importing "../miniprogram/theme/index.scss": DevTools reads the disk, so this works there
    assertThat(styles.apply("app.scss", "@import '../miniprogram/theme/index.scss';\n.a { color: $brand; }\n"))
        .contains(".brand {\n  color: #0052d9;").contains(".a {\n  color: #0052d9;");
    assertThat(styles.apply("pages/a/a.less", "@import '../../../miniprogram/theme/vars.less';\n.a { color: @brand; }"))
        .contains("color: #e34d59");
    // a path that really ends outside the package is still not read
    TestFiles.write(dir.resolve("outside.scss"), "$x: 1;\n");
    assertThat(styles.apply("b.scss", "@import '../outside';\n.b { width: $x; }\n")).isEmpty();
    assertThat(styles.problems()).extracting(Object::toString)
        .singleElement().asString().startsWith("b.scss:1:9: Sass: Can't find stylesheet to import.");
  }

  @Test
  void styleImportsNotBesideTheFileAreLookedUpFromThePackageRoot(@TempDir Path dir) throws IOException {
    TestFiles.write(dir.resolve("style/_mixin.scss"), "@mixin card { border-radius: 16rpx; }\n");
    TestFiles.write(dir.resolve("style/vars.less"), "@gap: 24rpx;\n");
    TestFiles.write(dir.resolve("pages/me/style/_mixin.scss"), "@mixin card { border-radius: 1rpx; }\n");
    StyleSources styles = new StyleSources(new ProjectFiles(dir), new CompileCache(cache));
    // DevTools compiles "style/mixin.scss" from a page as the root's style/ when the page's folder has none
    assertThat(styles.apply("pages/home/home.scss", "@import \"style/mixin.scss\";\n.c { @include card; }\n"))
        .contains("border-radius: 16rpx");
    assertThat(styles.apply("pages/home/home.less", "@import \"style/vars.less\";\n.c { margin: @gap; }"))
        .contains("margin: 24rpx");
    // beside the file still comes first
    assertThat(styles.apply("pages/me/me.scss", "@import \"style/mixin\";\n.c { @include card; }\n"))
        .contains("border-radius: 1rpx");
    assertThat(styles.problems()).isEmpty();
  }

  @Test
  void aPageTakesItsBehaviorsAndWhatTheirFiltersAdd(@TempDir Path dir) throws IOException {
    TestFiles.write(dir.resolve("project.config.json"), "{}");
    TestFiles.write(dir.resolve("app.json"), "{\"pages\": [\"pages/a/a\"]}");
    TestFiles.write(dir.resolve("app.js"), "App({})");
    // the shape of mobx-miniprogram-bindings' BehaviorWithStore: a behavior whose nested behavior's definition
    // filter turns its storeBindings' actions into methods
    TestFiles.write(dir.resolve("store.js"), """
        const binder = Behavior({
          definitionFilter(defs) {
            defs.methods = defs.methods || {};
            (defs.storeBindings.actions || []).forEach((name) => {
              defs.methods[name] = function (v) { this.setData({ [name]: v }); };
            });
          },
          lifetimes: { attached() { this.setData({ bound: true }); } },
        });
        module.exports = Behavior({ behaviors: [binder], storeBindings: { actions: ['updateOpenid'] },
          data: { shared: 'from behavior' } });""");
    TestFiles.write(dir.resolve("pages/a/a.js"), """
        Page({ behaviors: [require('../../store')], data: { own: 1 }, limit: { max: 3 },
          onLoad(q) { this.updateOpenid('o-' + q.id); this.setData({ max: this.limit.max }); } })""");
    TestFiles.write(dir.resolve("pages/a/a.wxml"), "<text>{{shared}} {{updateOpenid}}</text>");
    try (Session s = Sparrow.launch(SessionOptions.of(dir).compileCache(cache).virtualClock()
        .launchUrl("pages/a/a?id=7"))) {
      s.awaitIdle(Duration.ofMinutes(1));
      assertThat(s.errors()).isEmpty();
      PageHandle page = s.currentPage();
      assertThat(page.data("shared")).isEqualTo("from behavior");
      assertThat(page.data("own")).isEqualTo(1);
      assertThat(page.data("bound")).isEqualTo(true);
      assertThat(page.data("updateOpenid")).isEqualTo("o-7");
      assertThat(page.data("max")).isEqualTo(3);
    }
  }

  @Test
  void anObserverThatSetsDataRunsAgainAfterItReturnsNotInsideItself(@TempDir Path dir) throws IOException {
    TestFiles.write(dir.resolve("project.config.json"), "{}");
    TestFiles.write(dir.resolve("app.json"), "{\"pages\": [\"pages/a/a\"]}");
    TestFiles.write(dir.resolve("app.js"), "App({})");
    // miniprogram-computed's shape: a '**' observer sets the derived field, then records the inputs it used
    TestFiles.write(dir.resolve("pages/a/a.js"), """
        Component({
          data: { a: 1, b: 2, sum: 0, runs: 0 },
          observers: {
            '**': function () {
              if (this.seenA === this.data.a && this.seenB === this.data.b) return;
              this.setData({ sum: this.data.a + this.data.b, runs: this.data.runs + 1 });
              this.seenA = this.data.a;
              this.seenB = this.data.b;
            },
          },
          methods: { onLoad() { this.setData({ a: 5 }); } },
        })""");
    TestFiles.write(dir.resolve("pages/a/a.wxml"), "<text>{{sum}}</text>");
    try (Session s = Sparrow.launch(SessionOptions.of(dir).compileCache(cache).virtualClock())) {
      s.awaitIdle(Duration.ofMinutes(1));
      assertThat(s.errors()).isEmpty();
      assertThat(s.currentPage().data("sum")).isEqualTo(7);
      assertThat(s.currentPage().data("runs")).isEqualTo(1);
    }
  }

  @Test
  void aPageIsOnTheStackInItsOwnOnLoadAndHasAComponentsMethods(@TempDir Path dir) throws IOException {
    TestFiles.write(dir.resolve("project.config.json"), "{}");
    TestFiles.write(dir.resolve("app.json"), """
        {"pages": ["pages/a/a", "pages/b/b", "pages/t/t"],
         "tabBar": {"list": [{"pagePath": "pages/a/a", "text": "A"}, {"pagePath": "pages/t/t", "text": "T"}]}}""");
    TestFiles.write(dir.resolve("app.js"), "App({})");
    // TDesign's Dialog.confirm() without a context: the dialog is looked up in the last page of getCurrentPages()
    TestFiles.write(dir.resolve("dialog.js"), """
        module.exports = (title) => {
          const pages = getCurrentPages();
          const page = pages[pages.length - 1];
          page.selectComponent('#dialog').setData({ title });
          return pages.map((p) => p.route).join(',');
        };""");
    TestFiles.write(dir.resolve("components/dialog/dialog.json"), "{\"component\": true}");
    TestFiles.write(dir.resolve("components/dialog/dialog.js"), "Component({ data: { title: '' } })");
    TestFiles.write(dir.resolve("components/dialog/dialog.wxml"), "<text class=\"title\">{{title}}</text>");
    for (String name : new String[] {"a", "b", "t"}) {
      TestFiles.write(dir.resolve("pages/" + name + "/" + name + ".json"),
          "{\"usingComponents\": {\"t-dialog\": \"/components/dialog/dialog\"}}");
      // this.triggerEvent and this.properties in a page (tdesign-miniprogram-starter-retail's address form)
      TestFiles.write(dir.resolve("pages/" + name + "/" + name + ".js"), "Page({ onLoad() {"
          + " this.triggerEvent('loaded', {}); this.setData({ owner: this.selectOwnerComponent(),"
          + " same: this.properties === this.data, reg: String(this.properties.phoneReg || '^1'),"
          + " stack: require('../../dialog.js')('" + name + "') }); } })");
      TestFiles.write(dir.resolve("pages/" + name + "/" + name + ".wxml"), "<t-dialog id=\"dialog\"/>");
    }
    try (Session s = Sparrow.launch(SessionOptions.of(dir).compileCache(cache).virtualClock())) {
      s.awaitIdle(Duration.ofMinutes(1));
      assertThat(s.currentPage().data("stack")).isEqualTo("pages/a/a");
      s.navigateTo("/pages/b/b");
      s.awaitIdle(Duration.ofMinutes(1));
      assertThat(s.currentPage().data("stack")).isEqualTo("pages/a/a,pages/b/b");
      assertThat(s.currentPage().select("#dialog").orElseThrow().select(".title").orElseThrow().text())
          .isEqualTo("b");
      s.switchTab("/pages/t/t");
      s.awaitIdle(Duration.ofMinutes(1));
      assertThat(s.currentPage().data("stack")).isEqualTo("pages/t/t");
      assertThat(s.currentPage().data("owner")).isNull();
      assertThat(s.currentPage().data("same")).isEqualTo(true);
      assertThat(s.currentPage().data("reg")).isEqualTo("^1");
      assertThat(s.errors()).isEmpty();
    }
  }
}
