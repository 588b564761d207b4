package dev.sparrow.runtime;

import dev.sparrow.apis.device.Scheduler;
import dev.sparrow.runtime.app.PageInstance;
import dev.sparrow.runtime.app.Router;
import dev.sparrow.runtime.js.EventLoop;
import dev.sparrow.runtime.project.Project;
import dev.sparrow.runtime.wx.NetworkApis;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The app's launch and its foreground/background moves (loop thread): what App.onLaunch and the last App.onShow
 * got (getLaunchOptionsSync, getEnterOptionsSync), and the network interrupted once the app has stayed in the
 * background long enough.
 */
final class Foreground {
  private final SessionOptions options;
  private final Project project;
  private final EventLoop loop;
  private final Router router;
  private final NetworkApis networkApis;
  private volatile Map<String, Object> launched = Map.of();
  private volatile Map<String, Object> entered = Map.of();
  /** Interrupts the network once the app has been in the background long enough (null in the foreground). */
  private Scheduler.Cancellable backgroundTimer;

  Foreground(SessionOptions options, Project project, EventLoop loop, Router router, NetworkApis networkApis) {
    this.options = options;
    this.project = project;
    this.loop = loop;
    this.router = router;
    this.networkApis = networkApis;
  }

  /** What App.onLaunch got (any thread). */
  Map<String, Object> launched() {
    return launched;
  }

  /** What the last App.onShow got (any thread). */
  Map<String, Object> entered() {
    return entered;
  }

  /** App.onLaunch and App.onShow with the entry page's (or the options' launch path's) launch options. */
  void launch() {
    launched = entered = launchOptions(launchPath(), options.launchQuery());
    router.launchApp(launched);
  }

  /** Opens the entry page (or the options' launch path) once the app has launched and its page files ran. */
  void openEntry() {
    router.openEntry(launchPath(), options.launchQuery());
  }

  private String launchPath() {
    return options.launchPath() != null ? options.launchPath() : project.app().entryPage();
  }

  /**
   * The app goes to the background (page onHide, App onHide): its HTTP tasks fail {@code interrupted} if it stays
   * there long enough.
   */
  void hide() {
    router.hideApp();
    if (backgroundTimer == null) {
      backgroundTimer = loop.schedule(options.backgroundGrace().toMillis(), networkApis::interrupt);
    }
  }

  /** The app comes back to the foreground (App onShow, page onShow) on the page it showed. */
  void show() {
    String route = router.current().map(PageInstance::route).orElse(project.app().entryPage());
    if (backgroundTimer != null) {
      backgroundTimer.cancel();
      backgroundTimer = null;
    }
    networkApis.resume();
    entered = launchOptions(route, Map.of());
    router.showApp(entered);
  }

  private Map<String, Object> launchOptions(String path, Map<String, String> query) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("path", path);
    o.put("query", query);
    o.put("scene", options.scene());
    o.put("referrerInfo", Map.of());
    o.put("apiCategory", "default");
    return o;
  }
}
