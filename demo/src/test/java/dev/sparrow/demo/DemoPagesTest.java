package dev.sparrow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.Session;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every demo page test shares: one backend and one generated album per class, a fresh demo
 * session per test, and no uncaught error or console error left behind by it.
 */
abstract class DemoPagesTest {
  @TempDir static Path album;
  static DemoBackend backend;
  DemoApp app;
  Session s;

  @BeforeAll
  static void startBackend() {
    backend = DemoBackend.start();
    Demo.writeAlbum(album);
  }

  @AfterAll
  static void stopBackend() {
    backend.close();
  }

  @BeforeEach
  void launch() {
    app = new DemoApp(backend, album);
    s = app.session;
  }

  @AfterEach
  void closeWithoutProblems() {
    assertThat(app.problems()).isEmpty();
    app.close();
  }
}
