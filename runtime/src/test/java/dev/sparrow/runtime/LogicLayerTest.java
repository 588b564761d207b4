package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Modules, timers, promises, errors and the sandbox, with real JS in examples/playground. */
class LogicLayerTest {
  private Session s;

  @BeforeEach
  void launch() {
    s = Sparrow.launch(SessionOptions.of(Examples.path("playground")).scriptTimeout(Duration.ofMillis(500)));
    s.awaitIdle();
  }

  @AfterEach
  void close() {
    s.close();
  }

  private Object js(String functionDeclaration, Object... args) {
    return s.evaluate(functionDeclaration, args);
  }

  @Test
  void requireResolvesRelativeAbsoluteAndCachesModules() {
    assertThat(s.currentPage().callMethod("load", "../../lib/uses-counter")).isEqualTo(Map.of("same", true, "loads", 1));
    assertThat(s.currentPage().callMethod("load", "/lib/uses-counter.js")).isEqualTo(Map.of("same", true, "loads", 1));
  }

  @Test
  void aMissingModuleFailsWithWeChatsMessage() {
    assertThatThrownBy(() -> s.currentPage().callMethod("load", "../../lib/nope"))
        .isInstanceOf(ScriptException.class)
        .hasMessageContaining("module \"lib/nope\" is not defined");
  }

  @Test
  void esModulesLoadWithInteropLiveExportsAndNpmLookup() {
    Object r = s.currentPage().callMethod("load", "/lib/cjs-from-esm");
    assertThat(r).isEqualTo(Map.of("def", "main:helped:tiny", "answer", 42, "esModule", true));
    Object esm = js("function () { var m = getCurrentPages()[0].load('/lib/esm'); var before = m.mutable; m.bump();"
        + " return [before, m.mutable, new m.Greeter().greet('x'), m.nextValue(), m.counterModule.loads, m.helper(), m.pattern, m.template] }");
    assertThat(esm).isEqualTo(List.of(1, 2, "hello x", 1, 1, "helped", "import|export", "export default inside a template"));
  }

  @Test
  void requireWithCallbacksAndRequireAsyncLoadInALaterTask() {
    s.currentPage().callMethod("loadLater", "/lib/esm-helper");
    s.currentPage().callMethod("loadLater", "/lib/nope");
    s.awaitIdle();
    @SuppressWarnings("unchecked")
    Map<String, Object> loaded = (Map<String, Object>) s.currentPage().data("loaded");
    assertThat(loaded.get("callback")).isEqualTo(loaded.get("promise")).asList().contains("helper");
    assertThat(loaded.get("callbackError")).isEqualTo(loaded.get("promiseError"))
        .isEqualTo(Map.of("mod", "lib/nope", "errMsg", "module \"lib/nope\" is not defined"));
  }

  @Test
  void aSyntaxErrorIsReportedWithFileLineAndColumn() {
    assertThatThrownBy(() -> s.currentPage().callMethod("load", "/lib/syntax-error")).isInstanceOf(ScriptException.class);
    ScriptError e = s.errors().stream().filter(x -> x.file().equals("lib/syntax-error.js")).findFirst().orElseThrow();
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isPositive();
    assertThat(e.message()).contains("SyntaxError");
  }

  @Test
  void timersAndPromiseJobsRunInBrowserOrder() {
    Object order = js("function () { return new Promise(function (resolve) { var o = [];"
        + " setTimeout(function () { o.push('timeout 0') }, 0);"
        + " setTimeout(function () { o.push('timeout 10'); resolve(o) }, 10);"
        + " Promise.resolve().then(function () { o.push('microtask') });"
        + " var id = setTimeout(function () { o.push('cancelled') }, 5); clearTimeout(id);"
        + " o.push('sync') }) }");
    assertThat(order).isEqualTo(List.of("sync", "microtask", "timeout 0", "timeout 10"));
  }

  @Test
  void setIntervalRepeatsUntilCleared() {
    Object ticks = js("function () { return new Promise(function (resolve) { var n = 0;"
        + " var id = setInterval(function (step) { n += step; if (n === 3) { clearInterval(id); setTimeout(function () { resolve(n) }, 20) } }, 1, 1) }) }");
    assertThat(ticks).isEqualTo(3);
  }

  @Test
  void awaitUntilWaitsThroughIdleGapsBetweenTimersAndGivesUpAtItsTimeout() {
    // ten frames 16 ms apart, as an animation: the loop is idle between two of them
    js("function () { globalThis.frames = 0; (function frame() { if (++globalThis.frames < 10) setTimeout(frame, 16) })() }");
    s.awaitUntil(x -> Integer.valueOf(10).equals(x.evaluate("function () { return globalThis.frames }")), Duration.ofSeconds(30));
    assertThat(js("function () { return globalThis.frames }")).isEqualTo(10);
    assertThatThrownBy(() -> s.awaitUntil(x -> false, Duration.ofMillis(100)))
        .isInstanceOf(IllegalStateException.class).hasMessage("the condition did not hold within 100 ms");
  }

  @Test
  void anUncaughtErrorInAHandlerReachesAppOnErrorWithFileAndLineAndTheSessionGoesOn() {
    assertThatThrownBy(() -> s.currentPage().callMethod("explode")).isInstanceOf(ScriptException.class);
    js("function () { setTimeout(function () { null.boom }, 0) }");
    s.awaitIdle();
    ScriptError fromTimer = s.errors().get(s.errors().size() - 1);
    assertThat(fromTimer.message()).contains("TypeError");
    assertThat(fromTimer.origin()).isEqualTo("setTimeout");
    assertThat(js("function () { return getApp().errors.length }")).isEqualTo(1);
    assertThat((String) js("function () { return getApp().errors[0] }")).contains("TypeError");
    ScriptError fromMethod = s.errors().get(0);
    assertThat(fromMethod.file()).isEqualTo("pages/index/index.js");
    assertThat(fromMethod.line()).isEqualTo(13);
    assertThat(s.currentPage().callMethod("add", 2, 3)).isEqualTo(5);
  }

  @Test
  void unhandledRejectionsAreReportedToTheApp() {
    js("function () { Promise.reject(new Error('nobody listens')) }");
    s.awaitIdle();
    assertThat(s.errors()).anyMatch(e -> e.message().contains("Uncaught (in promise)") && e.message().contains("nobody listens"));
    assertThat(js("function () { return getApp().rejections }")).isEqualTo(List.of("Error: nobody listens"));
  }

  @Test
  void aRunawayScriptIsInterruptedAndTheSessionSurvives() {
    js("function () { setTimeout(function () { while (true) {} }, 0) }");
    s.awaitIdle(Duration.ofSeconds(20));
    assertThat(s.errors()).anyMatch(e -> e.message().contains("interrupted"));
    assertThat(s.currentPage().callMethod("add", 1, 1)).isEqualTo(2);
  }

  @Test
  void pageCodeCannotReachJavaTheHostOrTheBridge() {
    Object globals = js("function () { return [typeof Java, typeof Packages, typeof Polyglot, typeof Graal, typeof print, typeof load,"
        + " typeof __sparrowHost, typeof __sparrowBridge, typeof require, typeof process, typeof quit] }");
    assertThat(globals).isEqualTo(List.of("undefined", "undefined", "undefined", "undefined", "undefined", "undefined",
        "undefined", "undefined", "undefined", "undefined", "undefined"));
    assertThatThrownBy(() -> s.currentPage().callMethod("load", "../../../navigation/app")).hasMessageContaining("is not defined");
    assertThatThrownBy(() -> s.currentPage().callMethod("load", "/../../etc/passwd")).hasMessageContaining("is not defined");
    Object viaObjects = js("function () { try { return String(wx.getStorageSync.constructor('return typeof Java')()) } catch (e) { return 'blocked' } }");
    assertThat(viaObjects).isEqualTo("undefined");
  }

  @Test
  void consoleMessagesAreCapturedWithLevelsAndFormatting() {
    js("function () { console.log('n=%d s=%s', 42, 'x', {a: [1]}); console.warn('careful'); console.error(new Error('bad')) }");
    List<ConsoleMessage> c = s.console();
    assertThat(c).contains(new ConsoleMessage("log", "n=42 s=x {\"a\":[1]}"), new ConsoleMessage("warn", "careful"));
    assertThat(c).anyMatch(m -> m.level().equals("error") && m.text().startsWith("Error: bad"));
  }

  @Test
  void promiseReturningMethodsAreAwaited() {
    assertThat(s.currentPage().callMethod("later", 5)).isEqualTo("done after 5");
  }
}
