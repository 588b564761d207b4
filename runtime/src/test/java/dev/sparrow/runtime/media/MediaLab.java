package dev.sparrow.runtime.media;

import dev.sparrow.runtime.Examples;
import dev.sparrow.runtime.Session;
import java.io.IOException;
import java.nio.file.Path;

/** Test helpers around {@code examples/media-lab}: a copy the test may add package files to, and JS shortcuts. */
final class MediaLab {
  private MediaLab() {}

  /** Copies the example project into {@code dir}/project. */
  static Path copy(Path dir) throws IOException {
    return Examples.copy("media-lab", dir.resolve("project"));
  }

  /** Runs {@code body} (a function body) in the logic layer and returns its (awaited) result. */
  static Object js(Session s, String body) {
    return s.evaluate("function () { " + body + " }");
  }

  /** The errMsg a Promise-style call of {@code api(options)} fails with, or "ok ..." on success. */
  static Object errMsg(Session s, String api, String options) {
    return js(s, "return wx." + api + "(" + options + ").then(function (r) { return 'ok ' + r.errMsg }, function (e) { return e.errMsg })");
  }
}
