package dev.sparrow.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sparrow.apis.files.DocumentViewer;
import dev.sparrow.apis.files.FileOps;
import dev.sparrow.apis.files.FileSandbox;
import dev.sparrow.apis.network.Network;
import dev.sparrow.apis.network.NetworkMediaFetch;
import dev.sparrow.apis.network.NetworkPolicy;
import dev.sparrow.apis.files.HeadlessDocumentViewer;
import dev.sparrow.apis.files.SavedFiles;
import dev.sparrow.apis.files.OpenFiles;
import dev.sparrow.apis.device.HeadlessAlbum;
import dev.sparrow.apis.device.HeadlessMicrophone;
import dev.sparrow.apis.device.HeadlessPermissions;
import dev.sparrow.apis.device.TimelineAudioOutput;
import dev.sparrow.apis.device.VirtualClock;
import dev.sparrow.apis.media.AudioSources;
import dev.sparrow.apis.media.BackgroundAudio;
import dev.sparrow.apis.media.Images;
import dev.sparrow.apis.media.MediaFetch;
import dev.sparrow.apis.media.MediaLoop;
import dev.sparrow.apis.media.Recorder;
import dev.sparrow.apis.media.Voice;
import dev.sparrow.apis.cloud.JsonLinesDatabase;
import dev.sparrow.apis.storage.KeyValueStorage;
import dev.sparrow.apis.system.SystemInfo;
import dev.sparrow.apis.ui.HeadlessDialogs;
import dev.sparrow.apis.ui.Interaction;
import dev.sparrow.runtime.app.ElementAnimations;
import dev.sparrow.runtime.app.LogicLayer;
import dev.sparrow.runtime.app.PageInstance;
import dev.sparrow.runtime.app.Router;
import dev.sparrow.runtime.app.ViewLayer;
import dev.sparrow.runtime.bridge.ApiRegistry;
import dev.sparrow.runtime.bridge.WxBridge;
import dev.sparrow.runtime.js.EventLoop;
import dev.sparrow.runtime.js.CompileCache;
import dev.sparrow.runtime.js.ModuleSources;
import dev.sparrow.runtime.project.ExtJson;
import dev.sparrow.runtime.project.Project;
import dev.sparrow.runtime.wx.AnimationApis;
import dev.sparrow.runtime.wx.AppApis;
import dev.sparrow.runtime.wx.LocationApis;
import dev.sparrow.runtime.wx.TabBarApis;
import dev.sparrow.runtime.wx.ContextApis;
import dev.sparrow.runtime.wx.DeviceApis;
import dev.sparrow.runtime.wx.PersonApis;
import dev.sparrow.runtime.wx.PhoneApis;
import dev.sparrow.apis.device.HeadlessMotionSensors;
import dev.sparrow.apis.device.HeadlessPerson;
import dev.sparrow.apis.device.HeadlessPhone;
import dev.sparrow.apis.device.HeadlessScanner;
import dev.sparrow.runtime.wx.FileApis;
import dev.sparrow.runtime.wx.FileSystemManagerApis;
import dev.sparrow.runtime.wx.AudioApis;
import dev.sparrow.runtime.wx.AuthApis;
import dev.sparrow.runtime.wx.BackgroundAudioApis;
import dev.sparrow.runtime.wx.CanvasApis;
import dev.sparrow.runtime.wx.ImageApis;
import dev.sparrow.runtime.wx.RecordApis;
import dev.sparrow.runtime.wx.NetworkApis;
import dev.sparrow.runtime.wx.RouteApis;
import dev.sparrow.runtime.wx.SocketApis;
import dev.sparrow.runtime.wx.CloudApis;
import dev.sparrow.runtime.wx.StorageApis;
import dev.sparrow.runtime.wx.SystemApis;
import dev.sparrow.runtime.wx.UiApis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.graalvm.polyglot.Value;

/**
 * Wires one session together on its loop thread: storage, dialogs, the wx API registry, the logic
 * layer, the router; then launches the app as WeChat does (app.js, every main-package page file,
 * App onLaunch/onShow, the entry page's onLoad/onShow, first render, onReady).
 */
final class SessionCore implements LogicLayer.Sink, Router.Listener {
  private static final AtomicInteger SESSIONS = new AtomicInteger();

  final SessionOptions options;
  final Project project;
  final EventLoop loop;
  final HeadlessDialogs dialogs;
  final Path appDataDir;
  final FileSandbox files;
  private OpenFiles openFiles;
  TabBarApis tabBar;
  /** What App.onLaunch got and what the last App.onShow got (getLaunchOptionsSync, getEnterOptionsSync). */
  private volatile Map<String, Object> launched = Map.of();
  private volatile Map<String, Object> entered = Map.of();
  final Network network;
  /** The network runtime this session made (null when {@link SessionOptions#networkRuntime} handed one in). */
  private final Network.Runtime ownNetworkRuntime;
  /** The session's own ordered file executor (null when {@link SessionOptions#fileIo} handed one in). */
  private ExecutorService ownFileIo;
  final DocumentViewer documentViewer;
  final HeadlessAlbum album;
  final dev.sparrow.apis.device.HeadlessLocation location;
  final HeadlessMicrophone microphone;
  final HeadlessPermissions permissions;
  final HeadlessScanner scanner = new HeadlessScanner();
  final HeadlessMotionSensors sensors = new HeadlessMotionSensors();
  final HeadlessPerson person = new HeadlessPerson();
  final HeadlessPhone phone = new HeadlessPhone();
  PhoneApis phoneApis;
  /** The throw-away data folder when the options name none (deleted on close). */
  private final ScratchDir ownedDataRoot;
  final List<ConsoleMessage> console = new CopyOnWriteArrayList<>();
  final List<ScriptError> errors = new CopyOnWriteArrayList<>();
  private final Map<Integer, Map<String, Object>> navigationBars = new LinkedHashMap<>();

  // created on the loop thread
  Interaction interaction;
  KeyValueStorage storage;
  volatile String cloudOpenid;
  ApiRegistry registry;
  WxBridge bridge;
  LogicLayer logic;
  Router router;
  ViewLayer view;
  /** What animations do to elements headless (the {@code animation} attribute, {@code this.animate}). */
  ElementAnimations animations;
  private DataRelay relay;
  NetworkApis networkApis;
  /** Interrupts the network once the app has been in the background long enough (null in the foreground). */
  private dev.sparrow.apis.device.Scheduler.Cancellable backgroundTimer;
  final TimelineAudioOutput speaker;
  private final List<Screen> screens;
  private MediaLoop media;
  Recorder recorder;
  AudioApis audioApis;
  CanvasApis canvasApis;
  BackgroundAudio backgroundAudio;
  private Runnable unwatch = () -> {};
  /** The session's own watchdog (null when the options hand one in). */
  private Watchdog ownWatchdog;

  /** A session's parts for {@code project}; a throw-away data folder when the options name none, gone again if this fails. */
  static SessionCore create(SessionOptions options, Project project) {
    ScratchDir scratch;
    try {
      scratch = options.dataDir() == null ? ScratchDir.create("data") : null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the session's data folder", e);
    }
    try {
      return new SessionCore(options, project, scratch);
    } catch (RuntimeException | Error e) {
      if (scratch != null) {
        scratch.close();
      }
      throw e;
    }
  }

  private SessionCore(SessionOptions options, Project project, ScratchDir ownedDataRoot) {
    this.options = options;
    this.project = project;
    this.ownedDataRoot = ownedDataRoot;
    this.appDataDir = (ownedDataRoot != null ? ownedDataRoot.path() : options.dataDir()).resolve(project.appId());
    try {
      Files.createDirectories(appDataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the session's data folder", e);
    }
    this.dialogs = new HeadlessDialogs(options.dialogPolicy());
    int number = SESSIONS.incrementAndGet();
    this.files = new FileSandbox(appDataDir, "session-" + ProcessHandle.current().pid() + "-" + number, options.pathScheme(),
        project.files()::file, options.fileLimits());
    this.loop = new EventLoop("sparrow-" + project.appId() + "-" + number, options.clock(),
        t -> error(ScriptError.of("internal error: " + t, stackOf(t), "event loop")));
    String netName = "sparrow-" + project.appId() + "-" + number;
    // on a virtual clock the loop times network deadlines, so that a request's timeout follows Session.advance
    this.ownNetworkRuntime = options.networkRuntime() != null ? null
        : options.clock() instanceof VirtualClock
            ? Network.Runtime.withDeadlines(loop.deadlines(), options.clock(), netName)
            : Network.Runtime.realTime(options.clock(), netName);
    Network.Runtime networkRuntime = ownNetworkRuntime != null ? ownNetworkRuntime : options.networkRuntime();
    NetworkPolicy policy = options.networkPolicy(project.appId(), project.urlCheck(), project.app().networkTimeout());
    this.network = new Network(policy, files, networkRuntime);
    options.trafficListeners().forEach(network::onTraffic);
    this.documentViewer = options.documentViewer() != null ? options.documentViewer() : new HeadlessDocumentViewer();
    Path dataRoot = appDataDir.getParent();
    this.location = new dev.sparrow.apis.device.HeadlessLocation();
    options.startLocation().ifPresent(fix -> location.moveTo(fix[0], fix[1]));
    options.scanResult().ifPresent(scanner::always);
    this.album = new HeadlessAlbum(options.albumDir(),
        options.photoAlbumDir() != null ? options.photoAlbumDir() : dataRoot.resolve("photo-album"));
    this.microphone = new HeadlessMicrophone();
    if (options.microphoneWav() != null) {
      microphone.wav(options.microphoneWav());
    } else if (options.microphoneTone() > 0) {
      microphone.tone(options.microphoneTone(), 0.5);
    }
    this.permissions = new HeadlessPermissions(options.permissionPolicy(), appDataDir.resolve("auth-settings.json"));
    this.screens = options.screens();
    this.speaker = new TimelineAudioOutput(loop.clock(), loop);
  }

  /** Builds everything on the loop and launches the app; returns when the first task is queued. */
  void start() {
    loop.call(() -> {
      init();
      return null;
    }, Duration.ofMinutes(2));
    loop.post(() -> project.problems().forEach(p -> console(new ConsoleMessage("error", p.toString()))));
    loop.post(this::loadApp);
    for (String route : project.app().pages()) {
      if (project.app().subpackageOf(route).isEmpty()) {
        loop.post(() -> loadPage(route));
      }
    }
    loop.post(this::launch);
    loop.post(router::flushReady);
  }

  private void init() {
    screens.forEach(s -> s.started(project, options.device()));
    media = mediaLoop();
    DeviceHooks hooks = options.devices();
    DeviceHooks.Context device = new DeviceHooks.Context(media, project.appId());
    interaction = new Interaction(hooks.dialogs(dialogs, device), loop);
    storage = KeyValueStorage.open(appDataDir.resolve("storage"), KeyValueStorage.Limits.WECHAT);
    registry = new ApiRegistry(BuiltinComponents.NAMES);
    bridge = new WxBridge(registry, loop, env(), t -> error(ScriptError.of("internal error in a wx API: " + t, stackOf(t), "wx")));
    registry.addAll(new UiApis(interaction, this::navigationBar, new UiApis.PullDownRefresh() {
      @Override
      public void start() {
        loop.post(() -> router.current().ifPresent(p -> pullDownRefresh(p.id())));
      }

      @Override
      public void stop() {
        router.current().ifPresent(p -> refreshing(p.id(), false));
      }
    }, new UiApis.PageScroll() {
      @Override
      public double scrollTop() {
        return router.current().map(PageInstance::scrollTop).orElse(0.0);
      }

      @Override
      public void scrollTo(double top) {
        router.current().ifPresent(p -> router.pageScrolled(p.id(), top, Double.POSITIVE_INFINITY, 0));
      }
    }).specs());
    registry.addAll(new AppApis(bridge, project.appId(), () -> launched, () -> entered,
        ExtJson.extConfig(project.files())).specs());
    registry.addAll(new DeviceApis().specs());
    registry.addAll(new AnimationApis().specs());
    registry.addAll(new ContextApis().specs());
    tabBar = new TabBarApis(project.app().tabBar(),
        () -> router != null && router.current().map(p -> project.app().isTabPage(p.route())).orElse(false),
        state -> screens.forEach(s -> s.tabBarChanged(state)));
    registry.addAll(tabBar.specs());
    registry.addAll(new StorageApis(storage).specs());
    cloudOpenid = options.cloudOpenid();
    Path cloudDir = appDataDir.resolve("cloud");
    SecureRandom ids = new SecureRandom();
    registry.addAll(new CloudApis(env -> new JsonLinesDatabase(cloudDir.resolve(env), options.clock()::epochMillis, ids),
        () -> cloudOpenid).specs());
    registry.addAll(new SystemApis(options.device(), this::chrome, () -> registry).specs());
    networkApis = new NetworkApis(network, bridge, files);
    registry.addAll(networkApis.specs());
    registry.addAll(new SocketApis(network, bridge).specs());
    registry.addAll(new RouteApis(() -> router, () -> loop.post(() -> router.flushReady())).specs());
    FileOps fileOps = new FileOps(files, options.clock());
    SavedFiles savedFiles = new SavedFiles(fileOps, options.clock());
    openFiles = new OpenFiles(fileOps);
    Executor fileIo = options.fileIo();
    if (fileIo == null) {
      String name = "sparrow-" + project.appId() + "-files";
      fileIo = ownFileIo = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
      });
    }
    FileApis fileApis = new FileApis(bridge, fileIo, fileOps, savedFiles, hooks.documents(documentViewer, device),
        fileOps, notice -> loop.post(() -> console(new ConsoleMessage("warn", notice))));
    registry.addAll(fileApis.specs())
        .addAll(new FileSystemManagerApis(fileOps, openFiles, savedFiles, fileApis, fileIo, bridge::post).specs());
    initMedia();
    registry.completeWithUnsupported();
    view = new ViewLayer(project, options.clock(), this::error);
    // a browser that shows the page runs the transitions and reports their ends; else the session clock does
    animations = new ElementAnimations(loop.clock(), loop, this::fire,
        () -> screens.stream().noneMatch(Screen::playsAnimations));
    view.listener(new ScreenFeed());
    ModuleSources modules = new ModuleSources(project.files(), new CompileCache(options.compileCache()));
    logic = new LogicLayer(loop, modules, bridge, this);
    relay = new DataRelay(loop, view, logic);
    router = new Router(project.app(), logic, this, this::error);
    view.components(logic, id -> router.page(id).map(PageInstance::isReady).orElse(false));
    Watchdog watchdog = options.watchdog();
    if (watchdog == null) {
      watchdog = ownWatchdog = Watchdog.start(Watchdog.CpuClock.threads(), Duration.ofMillis(50));
    }
    unwatch = watchdog.watch(loop, logic.context(), options.scriptTimeout());
  }

  /** The media family on the headless device: album, microphone, speaker timeline, permissions. */
  private void initMedia() {
    java.util.function.Consumer<Throwable> internal = t -> error(ScriptError.of("internal error in a wx API: " + t, stackOf(t), "wx"));
    DeviceHooks hooks = options.devices();
    DeviceHooks.Context device = new DeviceHooks.Context(media, project.appId());
    dev.sparrow.apis.device.Permissions asked = hooks.permissions(permissions, device);
    dev.sparrow.apis.device.MediaPicker picker = hooks.picker(album, device);
    dev.sparrow.apis.device.AudioOutput output = hooks.speaker(speaker, device);
    MediaFetch fetch = new NetworkMediaFetch(network); // media fetches under the session's network rules
    AudioSources sources = new AudioSources(files, fetch);
    Images images = new Images(picker, album, hooks.imageViewer(album, device), asked, files, fetch, options.media());
    recorder = new Recorder(media, hooks.microphone(microphone, device), asked, files);
    audioApis = new AudioApis(media, output, sources, new Voice(output), files, bridge, internal);
    BackgroundAudioApis background = new BackgroundAudioApis(events -> new BackgroundAudio(media, output, sources, events), bridge, internal);
    backgroundAudio = background.audio();
    registry.addAll(new ImageApis(images, asked, files, () -> router, bridge, internal).specs());
    registry.addAll(new RecordApis(recorder, asked, bridge, internal).specs());
    registry.addAll(audioApis.specs());
    registry.addAll(background.specs());
    registry.addAll(new AuthApis(asked, internal).specs());
    canvasApis = new CanvasApis(bridge, files, fetch, dev.sparrow.apis.media.internal.MediaWorkers.EXECUTOR,
        () -> router.current().map(PageInstance::route).orElse(""), () -> screens, options.device().pixelRatio(),
        dev.sparrow.apis.canvas.CanvasLimits.WECHAT, internal);
    registry.addAll(canvasApis.specs());
    Object privateInfos = project.app().raw().get("requiredPrivateInfos");
    boolean declared = privateInfos instanceof java.util.List<?> l && l.contains("getLocation");
    registry.addAll(new LocationApis(new dev.sparrow.apis.location.Locations(location, asked), asked, declared, internal).specs());
    phoneApis = new PhoneApis(hooks.scanner(scanner, device), sensors, phone, media, bridge,
        font -> screens.forEach(sc -> sc.fontLoaded(font.family(), font.source(), font.desc())), internal);
    registry.addAll(phoneApis.specs());
    Set<String> infos = privateInfos instanceof List<?> list
        ? list.stream().map(String::valueOf).collect(Collectors.toSet()) : Set.of();
    registry.addAll(new PersonApis(hooks.person(person, device), phone, location, picker, files, infos,
        () -> loop.clock().epochMillis(), internal).specs());
  }

  private MediaLoop mediaLoop() {
    return new MediaLoop() {
      @Override
      public dev.sparrow.apis.device.Clock clock() {
        return loop.clock();
      }

      @Override
      public Cancellable schedule(long delayMillis, Runnable task) {
        return loop.schedule(delayMillis, task);
      }

      @Override
      public void execute(Runnable task) {
        loop.post(task);
      }

      @Override
      public Runnable beginIo() {
        loop.beginIo();
        java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
          if (ended.compareAndSet(false, true)) {
            loop.endIo();
          }
        };
      }
    };
  }

  private Map<String, Object> env() {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("USER_DATA_PATH", files.userDataPath());
    return env;
  }

  private void loadApp() {
    logic.call("load app.js", logic.fn("loadApp"), "app.js");
    Value registered = logic.call("App", logic.fn("appRegistered"));
    if (registered != null && !registered.asBoolean()) {
      error(new ScriptError("App() was not called in app.js", "", "app.js", 0, 0, "load app.js"));
    }
  }

  private void loadPage(String route) {
    Value problem = logic.call("load " + route, logic.fn("loadPage"), route, route + ".js");
    if (problem != null && problem.isString()) {
      error(new ScriptError(problem.asString(), "", route + ".js", 0, 0, "load " + route));
    }
  }

  private void launch() {
    String path = options.launchPath() != null ? options.launchPath() : project.app().entryPage();
    Map<String, Object> launchOptions = launchOptions(path, options.launchQuery());
    launched = entered = launchOptions;
    router.launch(path, options.launchQuery(), launchOptions);
  }

  /** Pages whose pull-down refresh shows its loading dots (from a pull or startPullDownRefresh until stopPullDownRefresh). */
  final java.util.Set<Integer> refreshingPages = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** Page {@code pageId} is pulled down (the user, startPullDownRefresh): the dots show, then its onPullDownRefresh. */
  void pullDownRefresh(int pageId) {
    refreshing(pageId, true);
    router.pullDownRefresh(pageId);
  }

  void refreshing(int pageId, boolean on) {
    if (on ? refreshingPages.add(pageId) : refreshingPages.remove(pageId)) {
      screens.forEach(s -> s.pullDownRefreshChanged(pageId, on));
    }
  }

  /** The app comes back to the foreground with {@code options} (App.onShow, getEnterOptionsSync). */
  void enter(Map<String, Object> options) {
    entered = options;
    router.showApp(options);
  }

  Map<String, Object> launchOptions(String path, Map<String, String> query) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("path", path);
    o.put("query", query);
    o.put("scene", options.scene());
    o.put("referrerInfo", Map.of());
    o.put("apiCategory", "default");
    return o;
  }

  private SystemInfo.Chrome chrome() {
    Optional<PageInstance> top = router == null ? Optional.empty() : router.current();
    if (top.isEmpty()) {
      return SystemInfo.Chrome.DEFAULT;
    }
    String route = top.get().route();
    boolean custom = "custom".equals(project.windowOf(route).get("navigationStyle"));
    return new SystemInfo.Chrome(custom, project.app().isTabPage(route));
  }

  private void navigationBar(Map<String, Object> change) {
    router.current().ifPresent(p -> {
      navigationBars.computeIfAbsent(p.id(), k -> new LinkedHashMap<>()).putAll(change);
      if (!screens.isEmpty()) {
        Map<String, Object> bar = navigationBarOf(p);
        screens.forEach(s -> s.navigationBarChanged(p.id(), bar));
      }
    });
  }

  /** Tab pages alive but not on the stack (another tab shows). */
  List<Screen.PageRef> hiddenTabPages() {
    java.util.Set<Integer> onStack = new java.util.HashSet<>();
    router.stack().forEach(p -> onStack.add(p.id()));
    List<Screen.PageRef> out = new java.util.ArrayList<>();
    for (String route : project.app().tabBar().map(t -> t.list().stream().map(dev.sparrow.runtime.project.TabBar.Item::pagePath).toList()).orElse(List.of())) {
      router.tabPage(route).filter(p -> !onStack.contains(p.id())).ifPresent(p -> out.add(new Screen.PageRef(p.id(), p.route())));
    }
    return out;
  }

  /** Title and colours of a page's navigation bar: the page config with setNavigationBar* changes on top. */
  Map<String, Object> navigationBarOf(PageInstance page) {
    Map<String, Object> window = project.windowOf(page.route());
    Map<String, Object> bar = new LinkedHashMap<>();
    bar.put("title", window.getOrDefault("navigationBarTitleText", ""));
    bar.put("frontColor", "white".equals(window.get("navigationBarTextStyle")) || !window.containsKey("navigationBarTextStyle") ? "#ffffff" : "#000000");
    bar.put("backgroundColor", window.getOrDefault("navigationBarBackgroundColor", "#000000"));
    bar.put("loading", false);
    bar.putAll(navigationBars.getOrDefault(page.id(), Map.of()));
    return bar;
  }

  /**
   * Runs a headless interaction with an element and what it causes: the page handlers in order (an
   * input handler returning a string replaces the input's value), then any navigation a navigator asked for.
   */
  void interact(int pageId, int nodeId, java.util.function.Function<dev.sparrow.view.ElementHandle, dev.sparrow.view.component.Interaction> action) {
    dev.sparrow.view.PageView pageView = view.view(pageId).orElseThrow(() -> new IllegalStateException("page " + pageId + " is no longer open"));
    dev.sparrow.view.ElementHandle element = pageView.handle(nodeId)
        .orElseThrow(() -> new IllegalStateException("element " + nodeId + " is no longer on the page"));
    Map<Integer, Map<String, com.fasterxml.jackson.databind.JsonNode>> before = screens.isEmpty() ? null : pageView.componentState();
    dev.sparrow.view.component.Interaction result = action.apply(element);
    String route = router.page(pageId).map(PageInstance::route).orElse("");
    for (dev.sparrow.view.event.HandlerCall call : result.calls()) {
      Value returned = logic.call(route + " " + call.handler(), logic.fn("callInstanceHandler"), pageId, call.instance(), call.handler(),
          call.event().toString());
      if (returned != null && returned.isString() && "input".equals(call.event().path("type").asText()) && element.exists()) {
        element.setValue(returned.asString());
      }
    }
    if (before != null) {
      reportControls(pageId, pageView, before);
    }
    for (dev.sparrow.view.component.NavigationRequest n : result.navigations()) {
      navigate(n);
    }
  }

  /** Tells the screens which component properties users changed (or the page took back) in an interaction. */
  private void reportControls(int pageId, dev.sparrow.view.PageView pageView, Map<Integer, Map<String, com.fasterxml.jackson.databind.JsonNode>> before) {
    Map<Integer, Map<String, com.fasterxml.jackson.databind.JsonNode>> after = pageView.componentState();
    Map<Integer, Map<String, com.fasterxml.jackson.databind.JsonNode>> changed = new LinkedHashMap<>();
    java.util.Set<Integer> ids = new java.util.LinkedHashSet<>(before.keySet());
    ids.addAll(after.keySet());
    for (int id : ids) {
      Map<String, com.fasterxml.jackson.databind.JsonNode> was = before.getOrDefault(id, Map.of());
      Map<String, com.fasterxml.jackson.databind.JsonNode> now = after.getOrDefault(id, Map.of());
      java.util.Set<String> props = new java.util.LinkedHashSet<>(was.keySet());
      props.addAll(now.keySet());
      for (String prop : props) {
        if (!java.util.Objects.equals(was.get(prop), now.get(prop))) {
          pageView.handle(id).ifPresent(h -> {
            com.fasterxml.jackson.databind.JsonNode value = h.attribute(prop);
            changed.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(prop,
                value == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : value);
          });
        }
      }
    }
    if (!changed.isEmpty()) {
      screens.forEach(s -> s.controlsChanged(pageId, changed));
    }
  }

  /** Forwards the view layer's renders to the screens. */
  private final class ScreenFeed implements ViewLayer.Listener {
    @Override
    public void opened(int pageId, String route, dev.sparrow.view.tree.VElement root) {
      animations.opened(pageId, root);
      if (screens.isEmpty()) {
        return;
      }
      PageInstance page = router == null ? null : router.page(pageId).orElse(null);
      Map<String, Object> window = project.windowOf(route);
      Map<String, Object> bar = page == null ? Map.of() : navigationBarOf(page);
      screens.forEach(s -> s.pageOpened(pageId, route, root, window, bar));
    }

    @Override
    public void patched(int pageId, List<dev.sparrow.view.tree.Patch> patches) {
      animations.patched(pageId, patches);
      screens.forEach(s -> s.pagePatched(pageId, patches));
    }

    @Override
    public void closed(int pageId) {
      animations.closed(pageId);
      screens.forEach(s -> s.pageClosed(pageId));
    }
  }

  /** An event the view raises by itself on an element still on the page (an animation step's transitionend). */
  private void fire(int pageId, int nodeId, String type) {
    if (view.view(pageId).flatMap(v -> v.handle(nodeId)).isPresent()) {
      interact(pageId, nodeId, h -> h.trigger(type, JsonNodeFactory.instance.objectNode()));
    }
  }

  private void navigate(dev.sparrow.view.component.NavigationRequest n) {
    try {
      switch (n.openType()) {
        case "redirect" -> router.redirectTo(n.url());
        case "switchTab" -> router.switchTab(n.url());
        case "reLaunch" -> router.reLaunch(n.url());
        case "navigateBack" -> router.navigateBack(n.delta());
        case "exit" -> {
          return;
        }
        default -> router.navigateTo(n.url());
      }
    } catch (dev.sparrow.apis.ApiFailure f) {
      String api = switch (n.openType()) {
        case "redirect" -> "redirectTo";
        case "switchTab" -> "switchTab";
        case "reLaunch" -> "reLaunch";
        case "navigateBack" -> "navigateBack";
        default -> "navigateTo";
      };
      console(new ConsoleMessage("error", f.errMsg(api)));
      return;
    }
    loop.post(router::flushReady);
  }

  // ---- LogicLayer.Sink -------------------------------------------------------------------------

  @Override
  public void console(ConsoleMessage message) {
    console.add(message);
    for (var l : options.consoleListeners()) {
      l.accept(message);
    }
  }

  @Override
  public void error(ScriptError error) {
    errors.add(error);
    for (var l : options.errorListeners()) {
      l.accept(error);
    }
  }

  @Override
  public void setData(int pageId, String json, Value callback) {
    relay.page(pageId, json, callback);
  }

  @Override
  public void setComponentData(int pageId, int instance, String json, Value callback) {
    relay.component(pageId, instance, json, callback);
  }

  @Override
  public String componentEvent(int pageId, int instance, String type, boolean bubbles, boolean composed, boolean capturePhase) {
    return view.componentEvent(pageId, instance, type, bubbles, composed, capturePhase);
  }

  @Override
  public String componentAncestors(int pageId, int instance) {
    return view.componentAncestors(pageId, instance);
  }

  @Override
  public String componentOrder(int pageId) {
    return view.componentOrder(pageId);
  }

  @Override
  public String selectComponents(int pageId, int instance, String selector) {
    return view.selectComponents(pageId, instance, selector);
  }

  @Override
  public String queryNodes(int pageId, int instance, String selector) {
    return view.queryNodes(pageId, instance, selector);
  }

  @Override
  public void animate(int pageId, List<Integer> nodes, JsonNode keyframes, long duration) {
    animations.animate(pageId, nodes, keyframes, duration);
    screens.forEach(s -> s.animated(pageId, nodes, keyframes, duration));
  }

  /** A page's VideoContext call: the first {@code <video>} with that id plays it, after the calling code. */
  @Override
  public void videoContext(int pageId, int instance, String id, String method, List<JsonNode> args) {
    List<dev.sparrow.view.ElementHandle> found;
    try {
      found = view.view(pageId).map(v -> v.query(instance, "#" + id)).orElse(List.of());
    } catch (IllegalArgumentException notASelector) {
      return; // an id no element can have: the context drives nothing, as in WeChat
    }
    found.stream().filter(e -> e.tag().equals("video")).findFirst().ifPresent(video -> loop.post(() -> {
      try {
        interact(pageId, video.id(), h -> h.videoContext(method, args));
      } catch (IllegalStateException gone) {
        // the page or the video went away before the call ran
      }
    }));
  }

  @Override
  public void clearAnimation(int pageId, List<Integer> nodes, Set<String> properties) {
    animations.clear(pageId, nodes, properties);
    screens.forEach(s -> s.animationCleared(pageId, nodes, properties));
  }

  /** Asks the screens for layout (the first that has one answers); headless, or after 2 s, the answer is null. */
  @Override
  public void measure(int pageId, String request, java.util.function.Consumer<String> answer) {
    java.util.concurrent.CompletableFuture<String> result = null;
    for (Screen screen : screens) {
      java.util.concurrent.CompletionStage<String> stage = screen.measure(pageId, request);
      if (stage != null) {
        result = stage.toCompletableFuture();
        break;
      }
    }
    if (result == null) {
      loop.post(() -> answer.accept(null));
      return;
    }
    loop.beginIo(); // the page waits for the answer: the session is not idle meanwhile
    result.completeOnTimeout(null, 2, java.util.concurrent.TimeUnit.SECONDS).whenComplete((json, t) -> loop.post(() -> {
      try {
        answer.accept(t == null ? json : null);
      } finally {
        loop.endIo();
      }
    }));
  }

  // ---- Router.Listener -------------------------------------------------------------------------

  @Override
  public void routeChanged(String openType, Optional<PageInstance> top) {
    if (!screens.isEmpty()) {
      List<Screen.PageRef> stack = router.stack().stream().map(p -> new Screen.PageRef(p.id(), p.route())).toList();
      screens.forEach(s -> s.routeChanged(openType, stack));
    }
  }

  @Override
  public void pageCreated(PageInstance page, String dataJson) {
    view.open(page, dataJson);
  }

  @Override
  public void pageUnloaded(PageInstance page) {
    navigationBars.remove(page.id());
    refreshingPages.remove(page.id());
    canvasApis.pageClosed(page.id());
    view.close(page.id());
  }

  /** The app went to the background (loop thread): its HTTP tasks fail {@code interrupted} if it stays there long enough. */
  void appHidden() {
    if (backgroundTimer == null) {
      backgroundTimer = loop.schedule(options.backgroundGrace().toMillis(), networkApis::interrupt);
    }
  }

  /** The app is in the foreground again (loop thread). */
  void appShown() {
    if (backgroundTimer != null) {
      backgroundTimer.cancel();
      backgroundTimer = null;
    }
    networkApis.resume();
  }

  void close() {
    unwatch.run();
    if (ownWatchdog != null) {
      ownWatchdog.close();
    }
    if (logic != null) {
      try {
        loop.call(() -> {
          closeMedia();
          logic.close();
          return null;
        }, Duration.ofSeconds(10));
      } catch (RuntimeException ignored) {
        // a stuck loop: closing the loop below abandons it
      }
    }
    network.close();
    if (ownNetworkRuntime != null) {
      ownNetworkRuntime.close();
    }
    if (ownFileIo != null) {
      ownFileIo.shutdownNow();
      try {
        ownFileIo.awaitTermination(10, TimeUnit.SECONDS); // nothing writes after the sandbox closes
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    loop.close();
    if (openFiles != null) {
      openFiles.close();
    }
    files.close();
    if (ownedDataRoot != null) {
      ownedDataRoot.close();
    }
  }

  private void closeMedia() {
    if (recorder != null) {
      recorder.close();
    }
    if (audioApis != null) {
      audioApis.close();
    }
    if (backgroundAudio != null) {
      backgroundAudio.player().destroy();
    }
  }

  static String stackOf(Throwable t) {
    java.io.StringWriter w = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(w));
    return w.toString();
  }
}
