package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Promise code that forgets its catch (examples/semantics, pages/rejects): reported with its reason and place. */
class UnhandledRejectionTest {
  private final List<ScriptError> streamed = new CopyOnWriteArrayList<>();
  private Session s;

  @BeforeEach
  void launch() {
    s = Sparrow.launch(SessionOptions.of(Examples.path("semantics")).launchUrl("pages/rejects/rejects").onError(streamed::add)).awaitIdle();
    streamed.clear();
  }

  @AfterEach
  void close() {
    s.close();
  }

  private ScriptError rejection(String method) {
    s.evaluate("function () { getCurrentPages()[0]." + method + "() }");
    s.awaitIdle();
    assertThat(s.errors()).hasSize(1);
    assertThat(streamed).isEqualTo(s.errors());
    return s.errors().get(0);
  }

  @Test
  void aFailedWxCallIsReportedWithItsErrMsgWhereThePageCalledIt() {
    ScriptError e = rejection("loadToken");
    assertThat(e.message()).isEqualTo("Uncaught (in promise) getStorage:fail data not found");
    assertThat(e.location()).isEqualTo("pages/rejects/rejects.js:4:26");
    assertThat(e.origin()).isEqualTo("unhandledrejection");
  }

  @Test
  void anErrorIsReportedWithItsMessageAndStack() {
    ScriptError e = rejection("parse");
    assertThat(e.message()).isEqualTo("Uncaught (in promise) TypeError: profile is not valid JSON");
    assertThat(e.location()).isEqualTo("pages/rejects/rejects.js:8:11");
    assertThat(e.stack()).contains("pages/rejects/rejects.js:8");
  }

  @Test
  void anyOtherReasonIsShownAsConsoleLogShowsIt() {
    assertThat(rejection("plain").message()).isEqualTo("Uncaught (in promise) {\"code\":42}");
  }
}
