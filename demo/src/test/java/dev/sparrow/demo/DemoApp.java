package dev.sparrow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.PageElement;
import dev.sparrow.runtime.PageHandle;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo as a person uses it, for the page tests: a session of {@code examples/demo} on a virtual
 * clock, wired to a real {@link DemoBackend} by {@link Demo#configure} (urlCheck stays on), with the
 * generated photos in the album. Pages are reached by tapping the index's topics.
 */
final class DemoApp implements AutoCloseable {
  final Session session;

  DemoApp(DemoBackend backend, Path album) {
    SessionOptions options = SessionOptions.of(Demo.project()).virtualClock().album(album);
    session = Sparrow.launch(Demo.configure(options, backend));
    session.awaitIdle();
  }

  /** Taps {@code #topic-<id>} on the index and returns the page it opened. */
  PageHandle open(String topic) {
    tap(session.currentPage(), "#topic-" + topic);
    PageHandle page = session.currentPage();
    assertThat(page.route()).isEqualTo("pages/" + topic + "/" + topic);
    return page;
  }

  static PageElement find(PageHandle page, String selector) {
    return page.select(selector).orElseThrow(() -> new AssertionError("no " + selector + " on " + page.route() + ":\n" + page.wxml()));
  }

  static void tap(PageHandle page, String selector) {
    find(page, selector).tap();
  }

  static String text(PageHandle page, String selector) {
    return find(page, selector).text().trim();
  }

  static boolean shows(PageHandle page, String selector) {
    return page.select(selector).isPresent();
  }

  static List<String> texts(PageHandle page, String selector) {
    return page.selectAll(selector).stream().map(e -> e.text().trim()).toList();
  }

  /**
   * Waits until {@code condition} holds, for what arrives with no session signal: a WebSocket message
   * (the session is idle while a socket is open). Checks after each idle point, up to 10 s.
   */
  void until(String what, java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (true) {
      session.awaitIdle();
      if (condition.getAsBoolean()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still waiting for " + what);
      }
      java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
    }
  }

  /** The uncaught errors and console errors of the session: a demo page must have none. */
  List<Object> problems() {
    List<Object> out = new java.util.ArrayList<>(session.errors());
    session.console().stream().filter(m -> m.level().equals("error")).forEach(out::add);
    return out;
  }

  @Override
  public void close() {
    session.close();
  }
}
