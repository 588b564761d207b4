package dev.sparrow.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.apis.cloud.CloudDatabase;
import dev.sparrow.apis.cloud.CloudStorage;
import dev.sparrow.apis.device.HeadlessAlbum;
import dev.sparrow.apis.device.HeadlessLocation;
import dev.sparrow.apis.device.HeadlessMicrophone;
import dev.sparrow.apis.device.HeadlessMotionSensors;
import dev.sparrow.apis.device.HeadlessPermissions;
import dev.sparrow.apis.device.HeadlessPerson;
import dev.sparrow.apis.device.HeadlessPhone;
import dev.sparrow.apis.device.HeadlessScanner;
import dev.sparrow.apis.device.TimelineAudioOutput;
import dev.sparrow.apis.files.FileSandbox;
import dev.sparrow.apis.files.HeadlessDocumentViewer;
import dev.sparrow.apis.media.MediaFetch;
import dev.sparrow.apis.network.Network;
import dev.sparrow.apis.network.NetworkMediaFetch;
import dev.sparrow.apis.network.TrafficEntry;
import dev.sparrow.apis.ui.HeadlessDialogs;
import dev.sparrow.apis.ui.ModalAnswer;
import dev.sparrow.apis.ui.Toast;
import dev.sparrow.runtime.app.PageInstance;
import dev.sparrow.runtime.app.ViewLayer;
import dev.sparrow.runtime.bridge.ApiRegistry;
import dev.sparrow.runtime.cloud.CloudFunctions;
import dev.sparrow.runtime.js.CompileCache;
import dev.sparrow.runtime.js.JsEngine;
import dev.sparrow.runtime.js.ModuleSources;
import dev.sparrow.runtime.npm.NpmBuild;
import dev.sparrow.runtime.project.Project;
import dev.sparrow.runtime.project.ProjectException;
import dev.sparrow.runtime.project.ProjectLoader;
import dev.sparrow.runtime.wx.CanvasApis;
import dev.sparrow.runtime.wx.CloudApis;
import dev.sparrow.runtime.wx.CloudServiceApis;
import dev.sparrow.view.ElementHandle;
import dev.sparrow.view.PageView;
import dev.sparrow.view.component.Interaction;
import dev.sparrow.view.tree.VElement;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * One running mini program, driven from Java. Every method may be called from any thread; work
 * happens on the session's own thread and the call waits for it.
 *
 * <pre>{@code
 * try (Session s = Sparrow.launch(Path.of("examples/quickstart"))) {
 *   s.awaitIdle();
 *   assertThat(s.currentPage().route()).isEqualTo("pages/index/index");
 *   s.currentPage().callMethod("bindViewTap");
 *   assertThat(s.currentPage().route()).isEqualTo("pages/logs/logs");
 * }
 * }</pre>
 */
public final class Session implements AutoCloseable {
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SessionCore core;
  private final PageAccess pages;
  private volatile boolean closed;

  private Session(SessionCore core) {
    this.core = core;
    this.pages = new PageAccess(this, core);
  }

  /** Loads the project (throwing {@link ProjectException} if it is broken) and launches it. */
  static Session launch(SessionOptions options) {
    JsEngine.warmUp();
    CompileCache cache = new CompileCache(options.compileCache());
    if (options.npmNotice() != null) {
      NpmBuild.Report npm = NpmBuild.buildIfStale(options.projectDir(), options.npmNotice(), cache);
      npm.warnings().forEach(w -> options.npmNotice().accept("sparrow: " + w));
    }
    Project project = ProjectLoader.load(options.projectDir(), options.extendedLibs(), cache, options.extraPage());
    List<String> entries = new ArrayList<>(List.of("app.js"));
    project.app().pages().forEach(route -> entries.add(route + ".js"));
    project.components().configs().keySet().forEach(component -> entries.add(component + ".js"));
    new ModuleSources(project.files(), cache).precompile(project.compilerPlugins().contains("typescript"), entries);
    Layout.Attached layout = attachLayout(options, project);
    SessionCore core;
    try {
      core = SessionCore.create(options, project, layout);
    } catch (RuntimeException | Error e) {
      if (layout != null) {
        layout.close();
      }
      throw e;
    }
    Session session = new Session(core);
    try {
      if (layout != null) {
        layout.launched(session);
      }
      core.start();
    } catch (RuntimeException e) {
      core.close();
      throw e;
    }
    return session;
  }

  /** The layout engine {@code options} ask for, attached (null for {@link Layout#NONE}). */
  private static Layout.Attached attachLayout(SessionOptions options, Project project) {
    if (options.layout() == Layout.NONE) {
      return null;
    }
    String name = options.layout().name().toLowerCase(Locale.ROOT);
    Layout.Engine engine = Layout.engine(options.layout()).orElseThrow(() -> new IllegalStateException(
        "layout " + name + " needs sparrow-simulator on the class path"));
    try {
      return engine.attach(options, project);
    } catch (IOException e) {
      throw new UncheckedIOException("layout " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * The layout of elements {@code nodes} of page {@code pageId} and of its viewport, as the session's layout screen
   * measures them (the simulator's tab, or {@link Layout#BROWSER}): {@code {nodes: {id: box}, viewport: box}}, a box
   * being {@code left, top, right, bottom, width, height, scrollLeft, scrollTop, scrollWidth, scrollHeight,
   * clientWidth, clientHeight} in px relative to the page's viewport. Empty when the session has no layout. Waits
   * for the answer, so it must not be called on the session thread (from page code or a hook).
   */
  public Optional<JsonNode> measure(int pageId, Collection<Integer> nodes) {
    if (core.loop().inLoop()) {
      throw new IllegalStateException("measure waits for the session thread; call it from another one");
    }
    CompletableFuture<String> answer = new CompletableFuture<>();
    String request = JSON.createObjectNode().put("viewport", true).<ObjectNode>set("nodes",
        JSON.valueToTree(List.copyOf(nodes))).toString();
    core.loop().post(() -> core.measure(pageId, request, answer::complete));
    try {
      String json = answer.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      return json == null ? Optional.empty() : Optional.of(JSON.readTree(json));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException | TimeoutException | IOException e) {
      return Optional.empty();
    }
  }

  /** The session's parts (tests in this package reach the view through it). */
  SessionCore core() {
    return core;
  }

  public Project project() {
    return core.project();
  }

  public String appId() {
    return core.project().appId();
  }

  /**
   * The stored file behind a {@code cloud://} file ID of this app ({@code wx.cloud.uploadFile}'s result, what
   * {@code <image src="cloud://…">} shows), if there is one.
   */
  public Optional<Path> cloudFile(String fileId) {
    CloudServiceApis cloud = core.cloudServices();
    return cloud == null ? Optional.empty() : cloud.file(fileId);
  }

  /**
   * As {@link #cloudFile}, but only when the session's current user may read the file under storage's permission
   * mode: what the page's {@code <image src="cloud://…">} loads.
   */
  public Optional<Path> cloudFileForUser(String fileId) {
    CloudServiceApis cloud = core.cloudServices();
    return cloud == null ? Optional.empty() : cloud.readableFile(fileId);
  }

  /**
   * The app's files in cloud storage (every environment), sorted by file ID, at most {@code max}; empty when none
   * can be read.
   */
  public List<CloudStorage.Stored> cloudFiles(int max) {
    CloudServiceApis cloud = core.cloudServices();
    try {
      return cloud == null ? List.of() : cloud.files(max);
    } catch (IOException | UncheckedIOException e) {
      return List.of();
    }
  }

  /** What the app's cloud functions logged ({@code console.log} …), oldest first. */
  public List<CloudFunctions.LogLine> cloudFunctionLogs() {
    CloudServiceApis cloud = core.cloudServices();
    return cloud == null ? List.of() : cloud.functions().logs();
  }

  /**
   * Simulates the realtime connection behind the page's {@code watch()}es: {@link CloudRealtime#DROP} pauses them
   * (no snapshot while writes go on), {@link CloudRealtime#RECONNECT} brings them back with one snapshot that
   * catches up with what they missed, {@link CloudRealtime#LOST} ends them through {@code onError} as WeChat's
   * client does when reconnecting fails.
   */
  public Session cloudRealtime(CloudRealtime state) {
    CloudApis cloud = core.cloud();
    if (cloud != null) {
      cloud.realtime(state == CloudRealtime.RECONNECT, state == CloudRealtime.LOST);
    }
    return this;
  }

  /** What {@link #cloudRealtime} does to the realtime connection. */
  public enum CloudRealtime { DROP, RECONNECT, LOST }

  /** From now on the cloud emulator sees the session's user as {@code openid} (two users of one app). */
  public void cloudOpenid(String openid) {
    core.cloudOpenid(Objects.requireNonNull(openid));
  }

  /**
   * The cloud environments this session's page opened, and those the embedded engine holds under the data dir
   * ({@code <appid>/cloud/<env>}), sorted (the simulator's Cloud panel lists them).
   */
  public List<String> cloudEnvironments() {
    TreeSet<String> envs = new TreeSet<>(core.cloud().openedEnvironments());
    Path dir = core.appDataDir().resolve("cloud");
    if (core.options().cloudEngine() == null && Files.isDirectory(dir)) {
      try (Stream<Path> list = Files.list(dir)) {
        list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).forEach(envs::add);
      } catch (IOException e) {
        // the opened ones are still listed
      }
    }
    return List.copyOf(envs);
  }

  /** The database of cloud environment {@code env}, as {@code wx.cloud.database()} of this session sees it. */
  public CloudDatabase cloudDatabase(String env) {
    return core.cloud().database(env);
  }

  /** This app's persistent data folder ({@code <dataDir>/<appid>}). */
  public Path dataDir() {
    return core.appDataDir();
  }

  // ---- files -----------------------------------------------------------------------------------

  /** The session's local files: temp, saved and user files, the quota, path forms. */
  public FileSandbox files() {
    return core.files();
  }

  /**
   * Documents {@code wx.openDocument} opened, oldest first, with their previews (PNG of a PDF's
   * first page or a pptx's first slide; text of a docx/xlsx). Empty unless the session uses the
   * default {@link HeadlessDocumentViewer}.
   */
  public List<HeadlessDocumentViewer.OpenedDocument> openedDocuments() {
    return core.devices().documentViewer() instanceof HeadlessDocumentViewer h ? h.opened() : List.of();
  }

  /**
   * Fetches a network URL the way the media APIs do: through the session's network (host mapping,
   * TLS trust, the downloadFile domain list, the traffic log). A front-end loads network images and
   * audio for its page with it.
   */
  public MediaFetch mediaFetch() {
    return new NetworkMediaFetch(core.network());
  }

  // ---- pages and navigation --------------------------------------------------------------------

  /** The page on top of the stack. */
  public PageHandle currentPage() {
    return currentPageIfAny().orElseThrow(() -> new IllegalStateException("no page is open"));
  }

  public Optional<PageHandle> currentPageIfAny() {
    return onLoop(() -> core.router().current().map(this::handle));
  }

  /** A page of the stack (or a hidden tab page) by id. */
  public Optional<PageHandle> page(int id) {
    return onLoop(() -> core.router().page(id).map(this::handle));
  }

  /** {@code getCurrentPages()}: bottom first. */
  public List<PageHandle> pageStack() {
    return onLoop(() -> {
      List<PageHandle> out = new ArrayList<>();
      for (PageInstance p : core.router().stack()) {
        out.add(handle(p));
      }
      return out;
    });
  }

  /** {@code wx.navigateTo({url})}, then waits until the new page is ready; returns it. */
  public PageHandle navigateTo(String url) {
    return route("navigateTo", url);
  }

  public PageHandle redirectTo(String url) {
    return route("redirectTo", url);
  }

  public PageHandle reLaunch(String url) {
    return route("reLaunch", url);
  }

  public PageHandle switchTab(String url) {
    return route("switchTab", url);
  }

  /**
   * A person taps the tab bar item of tab page {@code route}: {@code switchTab} to it, then the page's {@code
   * onTabItemTap({index, pagePath, text})} (also when it already shows).
   */
  public PageHandle tapTab(String route) {
    tapTabLater(route);
    awaitIdle();
    return currentPage();
  }

  /** {@link #tapTab} without waiting for the session to settle (front-ends reporting a person's tap). */
  public void tapTabLater(String route) {
    String path = route.startsWith("/") ? route.substring(1) : route;
    callWx("switchTab", Map.of("url", "/" + path));
    core.loop().post(() -> core.router().tabItemTapped(path));
  }

  public PageHandle navigateBack(int delta) {
    callWx("navigateBack", Map.of("delta", delta));
    awaitIdle();
    return currentPage();
  }

  private PageHandle route(String api, String url) {
    callWx(api, Map.of("url", url));
    awaitIdle();
    return currentPage();
  }

  /**
   * The app goes to the background (page onHide, App onHide). If it stays there 5 s (session
   * clock), unfinished request/uploadFile/downloadFile tasks fail {@code interrupted}, and new ones
   * too until {@link #showApp()}.
   */
  public void hideApp() {
    onLoop(() -> {
      core.foreground().hide();
      return null;
    });
  }

  /** The app returns to the foreground (App onShow, page onShow). */
  public void showApp() {
    onLoop(() -> {
      core.foreground().show();
      return null;
    });
  }

  // ---- wx APIs ---------------------------------------------------------------------------------

  /**
   * Calls an async wx API as page code would ({@code wx.<api>(options)}) and waits for its result.
   *
   * @return the success result, {@code errMsg} included
   * @throws WxCallException with WeChat's errMsg when the API fails
   */
  public Map<String, Object> callWx(String api, Map<String, Object> options) {
    return callWxIn(null, api, options);
  }

  /** Calls a Sync wx API ({@code wx.getStorageSync('k')}) with positional arguments. */
  public Object callWxSync(String api, Object... args) {
    return callWxSyncIn(null, api, args);
  }

  /**
   * {@link #callWx} on the {@code wx} of a plugin app.json declares ({@code plugins}, by its provider appid): the same
   * APIs, with the plugin's own mocks. An undeclared plugin is an {@link IllegalArgumentException}.
   */
  public Map<String, Object> callPluginWx(String pluginId, String api, Map<String, Object> options) {
    return callWxIn(declaredPlugin(pluginId), api, options);
  }

  /** {@link #callWxSync} on a declared plugin's {@code wx} (see {@link #callPluginWx}). */
  public Object callPluginWxSync(String pluginId, String api, Object... args) {
    return callWxSyncIn(declaredPlugin(pluginId), api, args);
  }

  /** The provider appids of the plugins app.json declares, its subpackages' included. */
  public Set<String> plugins() {
    Set<String> out = new LinkedHashSet<>();
    Map<String, Object> raw = core.project().app().raw();
    addPlugins(raw.get("plugins"), out);
    for (String key : List.of("subpackages", "subPackages")) {
      if (raw.get(key) instanceof List<?> packages) {
        packages.forEach(p -> addPlugins(p instanceof Map<?, ?> m ? m.get("plugins") : null, out));
      }
    }
    return out;
  }

  private static void addPlugins(Object plugins, Set<String> out) {
    if (plugins instanceof Map<?, ?> declared) {
      declared.values().forEach(d -> {
        if (d instanceof Map<?, ?> m && m.get("provider") instanceof String provider) {
          out.add(provider);
        }
      });
    }
  }

  private String declaredPlugin(String pluginId) {
    if (pluginId == null || !plugins().contains(pluginId)) {
      throw new IllegalArgumentException("plugin " + pluginId + " is not declared in app.json plugins");
    }
    return pluginId;
  }

  private Map<String, Object> callWxIn(String plugin, String api, Map<String, Object> options) {
    Object[] outcome = await(completion -> {
      core.logic().call("host callWx " + api, core.logic().fn("callWx"), api, core.logic().values().toJs(options),
          completion, plugin);
    });
    return asResult(outcome);
  }

  private Object callWxSyncIn(String plugin, String api, Object... args) {
    Object[] outcome = await(completion -> core.logic().call("host callWx " + api, core.logic().fn("callWx"), api,
        core.logic().values().toJs(Arrays.asList(args)), completion, plugin));
    if (!(Boolean) outcome[0]) {
      asResult(outcome);
    }
    return outcome[1];
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asResult(Object[] outcome) {
    Map<String, Object> res = outcome[1] instanceof Map<?, ?> m
        ? (Map<String, Object>) m : Map.of("value", String.valueOf(outcome[1]));
    if (!(Boolean) outcome[0]) {
      throw new WxCallException(res);
    }
    return res;
  }

  /**
   * Runs a JS function declaration in the logic layer ({@code "function (a) { return getApp().x + a }"})
   * with arguments; a returned Promise is awaited. Returns plain Java data.
   */
  public Object evaluate(String functionDeclaration, Object... args) {
    Object[] outcome = await(completion -> {
      Value result;
      try {
        result = core.logic().fn("callFunction").execute(functionDeclaration,
            core.logic().values().toJs(Arrays.asList(args)));
      } catch (PolyglotException e) {
        throw new ScriptException(core.logic().thrown(e, "evaluate"));
      }
      core.logic().fn("settleValue").execute(result, completion);
    });
    if (!(Boolean) outcome[0]) {
      throw new ScriptException(ScriptError.of(String.valueOf(outcome[1]), String.valueOf(outcome[1]), "evaluate"));
    }
    return outcome[1];
  }

  /** Problems in a page's styles (app.wxss, then the page's wxss), located as {@code file:line: message}. */
  public List<String> styleProblems(String route) {
    return onLoop(() -> core.view().css(route, ViewLayer.cssOptions(core.options().device())).problems().stream()
        .map(p -> p.file() + (p.line() > 0 ? ":" + p.line() : "") + ": WXSS: " + p.message()).toList());
  }

  /** Checks the syntax of a package script without running it ({@code sparrow check}). */
  public Optional<ScriptError> checkSyntax(String path) {
    return onLoop(() -> Optional.ofNullable(core.logic().checkSyntax(path)));
  }

  // ---- elements ----------------------------------------------------------------------------------

  /** Pages, elements and component instances for {@link PageHandle} and {@link PageElement}. */
  PageAccess pages() {
    return pages;
  }

  /**
   * For front-ends (a browser's taps and typing): runs an interaction with element {@code nodeId} of
   * page {@code pageId} on the session thread without waiting for it, in the order of calls. The
   * future completes once the page handlers ran (not when the session is idle: timers may go on);
   * it fails with {@link IllegalStateException} when the page or element is gone.
   */
  public CompletableFuture<Void> interactLater(int pageId, int nodeId,
      Function<ElementHandle, Interaction> action) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (closed) {
      done.completeExceptionally(new IllegalStateException("the session is closed"));
      return done;
    }
    core.loop().post(() -> {
      try {
        core.interactions().interact(pageId, nodeId, action);
        done.complete(null);
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
      }
    });
    return done;
  }

  /**
   * Runs {@code work} on the session thread with every open page's tree, and returns its result: a
   * front-end that connects late uses it to paint what is already there. {@code work} must only
   * read.
   */
  public <T> T readPages(Function<PageTrees, T> work) {
    return onLoop(() -> work.apply(new PageTrees() {
      @Override
      public List<Integer> stack() {
        return core.router().stack().stream().map(PageInstance::id).toList();
      }

      @Override
      public List<Integer> hiddenTabs() {
        return core.screenState().hiddenTabPages().stream().map(Screen.PageRef::pageId).toList();
      }

      @Override
      public Optional<VElement> tree(int pageId) {
        return core.view().view(pageId).map(PageView::root);
      }

      @Override
      public Map<Integer, Map<String, JsonNode>> controls(int pageId) {
        return core.view().view(pageId).map(PageView::componentState).orElse(Map.of());
      }

      @Override
      public String route(int pageId) {
        return core.router().page(pageId).map(PageInstance::route).orElse("");
      }

      @Override
      public Map<String, Object> window(int pageId) {
        return core.project().windowOf(route(pageId));
      }

      @Override
      public Map<String, Object> navigationBar(int pageId) {
        return core.router().page(pageId).map(core.screenState()::navigationBarOf).orElse(Map.of());
      }

      @Override
      public Map<Integer, CanvasApis.Snapshot> canvases(int pageId) {
        return core.canvasApis().snapshots(pageId);
      }
    }));
  }

  /** What canvas node {@code nodeId} of page {@code pageId} shows now (a copy of its bitmap), if it ever drew. */
  public Optional<BufferedImage> canvasImage(int pageId, int nodeId) {
    return onLoop(() -> Optional.ofNullable(core.canvasApis().snapshots(pageId).get(nodeId))
        .map(CanvasApis.Snapshot::bitmap));
  }

  /** What {@link #readPages} shows: read on the session thread only. */
  public interface PageTrees {
    /** The page stack, bottom first (the last one shows). */
    List<Integer> stack();

    /** Tab pages alive behind another tab. */
    List<Integer> hiddenTabs();

    Optional<VElement> tree(int pageId);

    Map<Integer, Map<String, JsonNode>> controls(int pageId);

    String route(int pageId);

    Map<String, Object> window(int pageId);

    Map<String, Object> navigationBar(int pageId);

    /** The page's canvases that drew something (bitmap copies and drawing state), by node id. */
    Map<Integer, CanvasApis.Snapshot> canvases(int pageId);
  }

  // ---- mocks and bindings (automation) -----------------------------------------------------------

  /** Makes {@code wx.<api>} answer {@code result} (success result of an async API, return value of a Sync one). */
  public void mockWx(String api, Object result) {
    mockIn(null, api, result);
  }

  /**
   * Replaces {@code wx.<api>} by a JS function declaration, called with the call's arguments
   * followed by {@code extraArgs}; inside it {@code this.origin} is the real API.
   */
  public void mockWx(String api, String functionDeclaration, List<Object> extraArgs) {
    mockIn(null, api, functionDeclaration, extraArgs);
  }

  /** Undoes {@link #mockWx}. */
  public void restoreWx(String api) {
    onLoop(() -> core.logic().fn("restoreWx").execute(api, null));
  }

  /** {@link #mockWx(String, Object)} on a declared plugin's own {@code wx} (see {@link #callPluginWx}). */
  public void mockPluginWx(String pluginId, String api, Object result) {
    mockIn(declaredPlugin(pluginId), api, result);
  }

  /** {@link #mockWx(String, String, List)} on a declared plugin's own {@code wx}. */
  public void mockPluginWx(String pluginId, String api, String functionDeclaration, List<Object> extraArgs) {
    mockIn(declaredPlugin(pluginId), api, functionDeclaration, extraArgs);
  }

  /** Undoes {@link #mockPluginWx}. */
  public void restorePluginWx(String pluginId, String api) {
    String plugin = declaredPlugin(pluginId);
    onLoop(() -> core.logic().fn("restoreWx").execute(api, plugin));
  }

  private void mockIn(String plugin, String api, Object result) {
    onLoop(() -> core.logic().fn("mockWx").execute(api, true, core.logic().values().toJs(result), null, null, plugin));
  }

  private void mockIn(String plugin, String api, String functionDeclaration, List<Object> extraArgs) {
    boolean mocked = onLoop(() -> {
      try {
        core.logic().fn("mockWx").execute(api, false, null, functionDeclaration, core.logic().values().toJs(extraArgs),
            plugin);
        return true;
      } catch (PolyglotException e) {
        return false;
      }
    });
    if (!mocked) {
      throw new IllegalArgumentException(
          "cannot mock " + api + ": the function declaration does not evaluate to a function");
    }
  }

  /** Called when page code calls a global function added with {@link #addBinding}. */
  @FunctionalInterface
  public interface Binding {
    void called(String name, List<Object> args);
  }

  /** Defines a global function {@code name} in the logic layer that calls {@code binding} (on the session thread). */
  public void addBinding(String name, Binding binding) {
    onLoop(() -> core.logic().fn("addBinding").execute(name, new BindingSink(core.logic().values(), binding)));
  }

  // ---- toast, modal, action sheet ----------------------------------------------------------------

  /** The toast or loading showing now. */
  public Optional<Toast> toast() {
    return core.dialogs().currentToast();
  }

  /** Every toast and loading shown so far. */
  public List<Toast> toastHistory() {
    return core.dialogs().toastHistory();
  }

  /** The oldest modal or action sheet waiting for an answer. */
  public Optional<HeadlessDialogs.Prompt> pendingDialog() {
    return core.dialogs().pending();
  }

  /** Answers the open modal (confirm or cancel); throws if none is open. Waits for the page to react. */
  public void answerModal(boolean confirm) {
    answerModal(confirm ? ModalAnswer.confirmed() : ModalAnswer.cancelled());
  }

  public void answerModal(ModalAnswer answer) {
    if (!core.dialogs().answerModal(answer)) {
      throw new IllegalStateException("no modal is open");
    }
    awaitIdle();
  }

  /** Taps item {@code index} of the open action sheet. */
  public void answerActionSheet(int index) {
    if (!core.dialogs().answerActionSheet(OptionalInt.of(index))) {
      throw new IllegalStateException("no action sheet is open");
    }
    awaitIdle();
  }

  /** Cancels the open action sheet. */
  public void cancelActionSheet() {
    if (!core.dialogs().answerActionSheet(OptionalInt.empty())) {
      throw new IllegalStateException("no action sheet is open");
    }
    awaitIdle();
  }

  // ---- media device: album, microphone, speaker, permissions ---------------------------------------

  /** The album and camera (script picks and cancels), the photo album (saved images) and the image viewer. */
  public HeadlessAlbum album() {
    return core.devices().album();
  }

  /**
   * The tab bar as the app has changed it ({@code setTabBarBadge}, {@code setTabBarItem}, {@code hideTabBar}…):
   * {@code items} (pagePath, text, iconPath, selectedIconPath, badge, redDot), {@code style}, {@code hidden}.
   */
  public Map<String, Object> tabBar() {
    return core.tabBar().state();
  }

  /** Where the phone is ({@code wx.getLocation}): move it from a test. */
  public HeadlessLocation location() {
    return core.devices().location();
  }

  /** What the microphone hears (silence, a tone, a WAV file). */
  public HeadlessMicrophone microphone() {
    return core.devices().microphone();
  }

  /** The speaker as a timeline: what is audible now, and every play/pause/end. */
  public TimelineAudioOutput speaker() {
    return core.devices().speaker();
  }

  /** Authorization decisions and prompts ({@code scope.record}, {@code scope.writePhotosAlbum}…). */
  public HeadlessPermissions permissions() {
    return core.devices().permissions();
  }

  // ---- phone and person: scanner, motion sensors, screen, calls, profile, payments, addresses ------------

  /** The code scanner ({@code wx.scanCode}): script the next results or cancels. */
  public HeadlessScanner scanner() {
    return core.devices().scanner();
  }

  /** The motion sensors (a still phone lying flat, facing north, until moved). */
  public HeadlessMotionSensors sensors() {
    return core.devices().sensors();
  }

  /** The person's answers: profile, payments, addresses, places picked on the map. */
  public HeadlessPerson person() {
    return core.devices().person();
  }

  /** The phone's record: calls made, screen brightness and keep-on, places opened, top bar text. */
  public HeadlessPhone phone() {
    return core.devices().phone();
  }

  /** The person takes a screenshot ({@code wx.onUserCaptureScreen} listeners hear it). */
  public Session captureScreen() {
    core.phoneApis().captureScreen();
    return this;
  }

  /** The keyboard's height changes to {@code height} px ({@code wx.onKeyboardHeightChange}); 0 hides it. */
  public Session keyboardHeight(int height) {
    core.phoneApis().keyboardHeight(height);
    return this;
  }

  /** The scope of the oldest open permission prompt, if any. */
  public Optional<String> pendingPermission() {
    return core.devices().permissions().pending();
  }

  /** The user taps allow or deny on the open permission prompt; waits for the page to react. */
  public void answerPermission(boolean allow) {
    if (!core.devices().permissions().answer(allow)) {
      throw new IllegalStateException("no permission prompt is open");
    }
    awaitIdle();
  }

  /** Sets a scope as if decided earlier (true/false), or forgets it (null). */
  public void setPermission(String scope, Boolean granted) {
    core.devices().permissions().set(scope, granted);
  }

  // ---- console, errors, time -------------------------------------------------------------------

  /** Every console message so far, oldest first. */
  public List<ConsoleMessage> console() {
    return core.log().messages();
  }

  /** Every uncaught error so far (App.onError saw them too), oldest first. */
  public List<ScriptError> errors() {
    return core.log().errors();
  }

  /** Waits (up to 30 s) until nothing is running, queued, due or in flight; throws on timeout. */
  public Session awaitIdle() {
    return awaitIdle(CALL_TIMEOUT);
  }

  public Session awaitIdle(Duration timeout) {
    if (!core.loop().awaitIdle(timeout)) {
      throw new IllegalStateException("the session was still busy after " + timeout.toMillis() + " ms");
    }
    return this;
  }

  /**
   * Waits until the session is idle and no timer of page code is due before {@code epochMillis} (session time): the
   * short timers a page sets as it opens (a mock's {@code setTimeout(…, 200)}, a delayed init) have run, while
   * timers due later, and the later rounds of an interval, do not hold it. With a {@link SessionOptions#virtualClock()
   * virtual clock} only {@link #advance} brings them due.
   *
   * @throws IllegalStateException if that did not happen within {@code timeout}
   */
  public Session awaitTimersBefore(long epochMillis, Duration timeout) {
    return awaitUntil(s -> core.loop().call(() -> core.logic().timersDueBy(epochMillis - 1), Duration.ofSeconds(5))
        .isEmpty(), timeout);
  }

  /**
   * Where the timers that keep the session busy now were set: the route of the page that was current when page code
   * set a timer due now, or {@code "app"} before the first page; a timer set in a timer's callback (a chain, an
   * interval) counts as set where its parent was. Sorted; empty when no timer is due or the session does not answer.
   * For naming the culprit when {@link #awaitIdle(Duration)} times out.
   */
  public Set<String> busyTimers() {
    try {
      // due within a poll of awaitIdle: a chain of short timers is always about to fire again
      return core.loop().call(() -> core.logic().timersDueBy(core.loop().clock().epochMillis() + 50),
          Duration.ofSeconds(5));
    } catch (IllegalStateException e) {
      return Set.of();
    }
  }

  /**
   * Waits until {@code condition} holds, checking it each time the session is idle: for what page code reaches over
   * several timers, such as a chart whose animation ends after many frames (idle between two frames is not done).
   * Throws if {@code timeout} passes first.
   */
  public Session awaitUntil(Predicate<Session> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      long mark = core.loop().finishedEvents(); // before the check: an answer that lands while it runs still counts
      if (condition.test(this)) {
        return this;
      }
      if (!core.loop().awaitEventAfter(mark, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
        throw new IllegalStateException("the condition did not hold within " + timeout.toMillis() + " ms");
      }
    }
  }

  /** Moves a virtual clock forward, firing every timer on the way (see {@link SessionOptions#virtualClock()}). */
  public Session advance(Duration amount) {
    if (!core.loop().advance(amount, CALL_TIMEOUT)) {
      throw new IllegalStateException("the session did not settle while advancing the clock");
    }
    return this;
  }

  /** Milliseconds since the epoch on the session's clock. */
  public long now() {
    return core.options().clock().epochMillis();
  }

  public boolean isClosed() {
    return closed;
  }

  /** Ends the session: page code stops, temporary files go. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      core.close();
    }
  }

  /** Every finished network task so far (request, upload, download, socket), oldest first. */
  public List<TrafficEntry> traffic() {
    return core.network().traffic().entries();
  }

  /** The session's network (policy, traffic log, live counts); for tests and front-ends. */
  public Network network() {
    return core.network();
  }

  /** The session's wx API registry (tests and front-ends read it; do not change it). */
  public ApiRegistry registry() {
    return core.registry();
  }

  // ---- page scrolling and refresh -------------------------------------------------------------------

  /**
   * Page {@code id} scrolled (the simulator reports it; tests say it): {@code onPageScroll}, and
   * {@code onReachBottom} on coming within the page's {@code onReachBottomDistance} (default 50 px).
   */
  public void pageScrolled(int id, double scrollTop, double toBottom) {
    pageScrolledLater(id, scrollTop, toBottom);
    awaitIdle();
  }

  /** {@link #pageScrolled} without waiting (front-ends reporting a person's scrolling). */
  public void pageScrolledLater(int id, double scrollTop, double toBottom) {
    core.loop().post(() -> {
      Object distance = core.router().page(id)
          .map(p -> core.project().windowOf(p.route()).get("onReachBottomDistance")).orElse(null);
      core.router().pageScrolled(id, scrollTop, toBottom, distance instanceof Number n ? n.doubleValue() : 50);
    });
  }

  /**
   * For front-ends: page {@code id}'s layout moved without a {@code setData} or page scroll (a scroll-view scrolled),
   * so its IntersectionObservers look at it again. Does not wait.
   */
  public void layoutChangedLater(int id) {
    core.loop().post(() -> core.logic().call("layoutChanged", core.logic().fn("layoutChanged"), id));
  }

  /** The user pulled page {@code id} down: the loading dots show, then its {@code onPullDownRefresh}. */
  public void pullDownRefresh(int id) {
    pullDownRefreshLater(id);
    awaitIdle();
  }

  /** {@link #pullDownRefresh} without waiting (front-ends reporting a person's pull). */
  public void pullDownRefreshLater(int id) {
    core.loop().post(() -> core.screenState().pullDownRefresh(id));
  }

  /** How far page {@code id} is scrolled, in px: the last scroll a front-end reported or pageScrollTo made. */
  public double pageScrollTop(int id) {
    return onLoop(() -> core.router().page(id).map(PageInstance::scrollTop).orElse(0.0));
  }

  /** Whether page {@code id} shows the refresh dots (a pull or startPullDownRefresh, until stopPullDownRefresh). */
  public boolean isRefreshing(int id) {
    return core.screenState().isRefreshing(id);
  }

  private PageHandle handle(PageInstance p) {
    return new PageHandle(this, p.id(), p.route(), p.query());
  }

  <T> T onLoop(Callable<T> work) {
    if (closed) {
      throw new IllegalStateException("the session is closed");
    }
    return core.loop().call(work, CALL_TIMEOUT);
  }

  interface CompletionWork {
    void run(Completion completion);
  }

  Object[] await(CompletionWork work) {
    Completion completion = onLoop(() -> {
      Completion c = new Completion(core.logic().values());
      work.run(c);
      return c;
    });
    try {
      return completion.future.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "no answer from the session within " + CALL_TIMEOUT.toSeconds() + " s (is a modal waiting?)");
    }
  }
}
