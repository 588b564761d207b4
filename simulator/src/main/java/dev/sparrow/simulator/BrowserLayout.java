package dev.sparrow.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.runtime.Layout;
import dev.sparrow.runtime.ScratchDir;
import dev.sparrow.runtime.Screen;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.project.Project;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@link Layout#BROWSER}: a headless session's pages painted by the simulator's own page ({@link Mirror}, the same
 * {@code web/} files) in a tab of the JVM's headless Chromium ({@link ChromiumTabs}), served on a loopback port of its
 * own, so SelectorQuery, IntersectionObserver and the automation's sizes get the simulator's answers. The tab only
 * paints and measures: the devices stay headless, and nothing the tab does reaches the session.
 */
public final class BrowserLayout implements Layout.Engine {
  /** How long Chromium may take to start and the tab to connect. */
  private static final long CONNECT_SECONDS = 30;

  @Override
  public Layout kind() {
    return Layout.BROWSER;
  }

  @Override
  public Layout.Attached attach(SessionOptions options, Project project) throws IOException {
    Tab tab = new Tab(options, project);
    try {
      tab.open(ChromiumTabs.shared());
    } catch (IOException | RuntimeException e) {
      tab.close();
      throw e;
    }
    return tab;
  }

  /** One session's tab: a server for it and its socket. */
  private static final class Tab implements Layout.Attached, Browsers.Handler, SimulatorServer.Routes {
    private final SessionOptions options;
    private final Project project;
    private final Browsers browsers = new Browsers();
    private final Mirror mirror;
    private final SimulatorServer server;
    private final CountDownLatch joined = new CountDownLatch(1);
    private final ScratchDir scratch;
    private final NetworkMedia media;
    private volatile Session session;
    private ChromiumTabs chromium;
    private String tab;

    Tab(SessionOptions options, Project project) throws IOException {
      this.scratch = ScratchDir.create("layout");
      this.media = new NetworkMedia(scratch.path().resolve("media"));
      this.options = options;
      this.project = project;
      this.mirror = new Mirror(browsers, options.device(), false);
      mirror.started(project, options.device());
      browsers.handler(this);
      this.server = new SimulatorServer("127.0.0.1", 0, browsers, this);
    }

    void open(ChromiumTabs browser) throws IOException {
      try {
        server.start();
      } catch (IOException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException("cannot serve the layout page: " + e.getMessage(), e);
      }
      options.controlPorts().add(server.port());
      chromium = browser;
      tab = browser.open("http://127.0.0.1:" + server.port() + "/");
      try {
        if (!joined.await(CONNECT_SECONDS, TimeUnit.SECONDS)) {
          throw new IOException("Chromium's tab did not connect within " + CONNECT_SECONDS + " s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while Chromium's tab connected");
      }
    }

    @Override
    public Screen screen() {
      return mirror;
    }

    @Override
    public void launched(Session s) {
      session = s;
    }

    @Override
    public void close() {
      if (tab != null) {
        chromium.close(tab);
      }
      browsers.close();
      server.close();
      scratch.close();
    }

    // ---- Browsers.Handler: the tab only answers measures -------------------------------------------

    @Override
    public void connected(BrowserSocket socket) {
      socket.send(Simulator.hello(options.device(), project, session).toString());
      browsers.join(socket);
      joined.countDown();
    }

    @Override
    public void message(BrowserSocket from, ObjectNode m) {
      if (m.path("t").asText().equals("measure.answer")) {
        mirror.measured(m.path("id").asInt(), m.path("layout"));
      }
    }

    @Override
    public void binary(ByteBuffer payload) {}

    // ---- SimulatorServer.Routes: the package's files and the session's ------------------------------

    @Override
    public Optional<Path> localFile(String path) {
      return Simulator.localFile(session, path);
    }

    @Override
    public String upload(InputStream body, String fileName) throws IOException {
      throw new IOException("the layout tab takes no uploads");
    }

    @Override
    public Optional<String> screen(String key) {
      return Optional.empty();
    }

    /** Network images ({@code /media?url=}) load through the session's network, as in the simulator. */
    @Override
    public boolean extra(String path, Request request, Response response, Callback callback) throws Exception {
      if (!path.equals("/media")) {
        return false;
      }
      media.serve(session, request, response, callback);
      return true;
    }
  }
}
