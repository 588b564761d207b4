package dev.sparrow.runtime;

import dev.sparrow.apis.system.DeviceProfile;
import dev.sparrow.runtime.js.JsEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Entry point: launch a mini program folder as a headless session.
 *
 * <pre>{@code
 * try (Session s = Sparrow.launch(Path.of("examples/quickstart")).awaitIdle()) { ... }
 * }</pre>
 */
public final class Sparrow {
  private Sparrow() {}

  /** Launches {@code projectDir} with default options. */
  public static Session launch(Path projectDir) {
    return launch(SessionOptions.of(projectDir));
  }

  /** Launches a project; throws {@link dev.sparrow.runtime.project.ProjectException} if it is broken. */
  public static Session launch(SessionOptions options) {
    return Session.launch(options);
  }

  /**
   * A custom component of {@code projectDir} to render alone, as {@code miniprogram-simulate} does:
   * {@code Sparrow.component(dir, "components/counter/counter").props(Map.of("count", 3)).render()}; see {@link
   * ComponentHandle}. A relative {@code projectDir} is looked up from the working directory and its parents.
   */
  public static ComponentBuilder component(Path projectDir, String componentPath) {
    return new ComponentBuilder(projectDir, componentPath);
  }

  /**
   * Starts creating the shared JavaScript engine on a background thread, so that a launch a moment later
   * finds it ready (a process that is about to launch a session calls this first: the engine takes a few
   * hundred milliseconds to build cold). Does nothing once the engine exists.
   */
  public static void warmUp() {
    JsEngine.warmUp();
  }

  /** Sparrow's version (from the build). */
  public static String version() {
    return build("version");
  }

  /** The WeChat base library version Sparrow emulates ({@code SDKVersion} in getSystemInfo, unless the device says otherwise). */
  public static String baseLibraryVersion() {
    return DeviceProfile.DEFAULT_SDK_VERSION;
  }

  /** The JavaScript engine the logic layer runs on, with its version (from the build). */
  public static String jsEngine() {
    return "GraalJS " + build("graalvm") + " (ECMAScript " + JsEngine.ECMASCRIPT_VERSION + ")";
  }

  private static String build(String key) {
    try (var in = Sparrow.class.getResourceAsStream("/dev/sparrow/runtime/version.properties")) {
      var p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty(key, "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}
