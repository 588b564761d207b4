package dev.sparrow.runtime;

import dev.sparrow.apis.canvas.CanvasLimits;
import dev.sparrow.apis.cloud.CloudEngine;
import dev.sparrow.apis.cloud.CloudRules;
import dev.sparrow.apis.cloud.CloudStore;
import dev.sparrow.apis.cloud.CloudStores;
import dev.sparrow.apis.cloud.JsonLinesDatabase;
import dev.sparrow.apis.device.AudioOutput;
import dev.sparrow.apis.device.Clock;
import dev.sparrow.apis.device.MediaPicker;
import dev.sparrow.apis.device.Permissions;
import dev.sparrow.apis.device.VirtualClock;
import dev.sparrow.apis.files.FileOps;
import dev.sparrow.apis.files.FileSandbox;
import dev.sparrow.apis.files.OpenFiles;
import dev.sparrow.apis.files.SavedFiles;
import dev.sparrow.apis.location.Locations;
import dev.sparrow.apis.media.AudioSources;
import dev.sparrow.apis.media.BackgroundAudio;
import dev.sparrow.apis.media.ImageSources;
import dev.sparrow.apis.media.Images;
import dev.sparrow.apis.media.MediaFetch;
import dev.sparrow.apis.media.MediaLoop;
import dev.sparrow.apis.media.Recorder;
import dev.sparrow.apis.media.Voice;
import dev.sparrow.apis.media.internal.MediaWorkers;
import dev.sparrow.apis.network.Network;
import dev.sparrow.apis.network.NetworkMediaFetch;
import dev.sparrow.apis.network.NetworkPolicy;
import dev.sparrow.apis.storage.KeyValueStorage;
import dev.sparrow.apis.ui.HeadlessDialogs;
import dev.sparrow.apis.ui.Interaction;
import dev.sparrow.runtime.app.ElementAnimations;
import dev.sparrow.runtime.app.LogicLayer;
import dev.sparrow.runtime.app.PageInstance;
import dev.sparrow.runtime.app.Router;
import dev.sparrow.runtime.app.ViewLayer;
import dev.sparrow.runtime.bridge.ApiRegistry;
import dev.sparrow.runtime.bridge.WxBridge;
import dev.sparrow.runtime.cloud.CloudFunctions;
import dev.sparrow.runtime.js.CompileCache;
import dev.sparrow.runtime.js.EventLoop;
import dev.sparrow.runtime.js.ModuleSources;
import dev.sparrow.runtime.project.ExtJson;
import dev.sparrow.runtime.project.Project;
import dev.sparrow.runtime.project.TabBar;
import dev.sparrow.runtime.wx.AnimationApis;
import dev.sparrow.runtime.wx.AppApis;
import dev.sparrow.runtime.wx.AudioApis;
import dev.sparrow.runtime.wx.AuthApis;
import dev.sparrow.runtime.wx.BackgroundAudioApis;
import dev.sparrow.runtime.wx.CanvasApis;
import dev.sparrow.runtime.wx.CloudApis;
import dev.sparrow.runtime.wx.CloudServiceApis;
import dev.sparrow.runtime.wx.ContextApis;
import dev.sparrow.runtime.wx.DeviceApis;
import dev.sparrow.runtime.wx.FileApis;
import dev.sparrow.runtime.wx.FileSystemManagerApis;
import dev.sparrow.runtime.wx.ImageApis;
import dev.sparrow.runtime.wx.LocationApis;
import dev.sparrow.runtime.wx.NetworkApis;
import dev.sparrow.runtime.wx.PersonApis;
import dev.sparrow.runtime.wx.PhoneApis;
import dev.sparrow.runtime.wx.RecordApis;
import dev.sparrow.runtime.wx.RouteApis;
import dev.sparrow.runtime.wx.SocketApis;
import dev.sparrow.runtime.wx.StorageApis;
import dev.sparrow.runtime.wx.SystemApis;
import dev.sparrow.runtime.wx.TabBarApis;
import dev.sparrow.runtime.wx.UiApis;
import dev.sparrow.view.wxs.WxsWatchdog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.graalvm.polyglot.Value;

/**
 * The composition root of one session: makes its parts (on the loop thread for those that touch page code) and
 * launches the app as WeChat does (app.js, App onLaunch/onShow, main-package page files*, the entry page's
 * onLoad/onShow, first render, onReady). The jobs live in their own classes: {@link SessionLog} (console, errors),
 * {@link LogicSink} (what the logic layer asks), {@link DataRelay} (setData), {@link RouterFeed} (page stack to view
 * and screens), {@link ScreenState} and {@link ScreenFeed} (what screens show), {@link Interactions} (element
 * interactions and the controls diff), {@link Foreground} (launch, background), {@link Teardown} (close).
 * (*) not with {@code lazyCodeLoading}: then each page's file runs when the page first opens.
 */
final class SessionCore {
  /** Cloud function calls of one session that run at once (nested calls run on their caller's thread). */
  private static final int CLOUD_FUNCTION_THREADS = 4;
  private static final AtomicInteger SESSIONS = new AtomicInteger();

  private final SessionOptions options;
  private final Project project;
  private final EventLoop loop;
  private final HeadlessDialogs dialogs;
  private final Path appDataDir;
  private final FileSandbox files;
  private final Network network;
  private final HeadlessDevices devices;
  private final SessionLog log;
  private final List<Screen> screens;
  /** The headless layout engine's tab for this session, if {@link SessionOptions#layout} asked for one. */
  private final Layout.Attached layout;
  private final ScreenState screenState;
  private final Teardown teardown;
  private volatile String cloudOpenid;

  // made on the loop thread
  private MediaLoop media;
  private ApiRegistry registry;
  private WxBridge bridge;
  private LogicLayer logic;
  private Router router;
  private ViewLayer view;
  /** What animations do to elements headless (the {@code animation} attribute, {@code this.animate}). */
  private ElementAnimations animations;
  private ImageSources imageSources;
  private DataRelay relay;
  private LogicSink sink;
  private Interactions interactions;
  private Foreground foreground;
  private TabBarApis tabBar;
  private NetworkApis networkApis;
  private PhoneApis phoneApis;
  private PersonApis personApis;
  private Permissions permissions;
  private CanvasApis canvasApis;
  private Recorder recorder;
  private AudioApis audioApis;
  private BackgroundAudio backgroundAudio;
  private CloudApis cloud;
  /** wx.cloud.callFunction and storage, with the threads its functions run on. */
  private CloudServiceApis cloudServices;

  /**
   * A session's parts for {@code project}; a throw-away data folder when the options name none, gone again if this
   * fails. {@code layout}'s screen (if any) comes after the options' screens; the session closes it.
   */
  static SessionCore create(SessionOptions options, Project project, Layout.Attached layout) {
    ScratchDir scratch;
    try {
      scratch = options.dataDir() == null ? ScratchDir.create("data") : null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the session's data folder", e);
    }
    try {
      return new SessionCore(options, project, scratch, layout);
    } catch (RuntimeException | Error e) {
      if (scratch != null) {
        scratch.close();
      }
      throw e;
    }
  }

  private SessionCore(SessionOptions options, Project project, ScratchDir ownedDataRoot, Layout.Attached layout) {
    this.options = options;
    this.layout = layout;
    this.project = project;
    this.appDataDir = (ownedDataRoot != null ? ownedDataRoot.path() : options.dataDir()).resolve(project.appId());
    try {
      Files.createDirectories(appDataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the session's data folder", e);
    }
    this.log = new SessionLog(options.consoleListeners(), options.errorListeners());
    this.dialogs = new HeadlessDialogs(options.dialogPolicy());
    int number = SESSIONS.incrementAndGet();
    this.files = new FileSandbox(appDataDir, "session-" + ProcessHandle.current().pid() + "-" + number,
        options.pathScheme(), project.files()::file, options.fileLimits());
    this.loop = new EventLoop("sparrow-" + project.appId() + "-" + number, options.clock(),
        t -> log.internal("internal error: ", t, "event loop"));
    String netName = "sparrow-" + project.appId() + "-" + number;
    // on a virtual clock the loop times network deadlines, so that a request's timeout follows Session.advance
    Network.Runtime ownNetworkRuntime = options.networkRuntime() != null ? null
        : options.clock() instanceof VirtualClock
            ? Network.Runtime.withDeadlines(loop.deadlines(), options.clock(), netName)
            : Network.Runtime.realTime(options.clock(), netName);
    Network.Runtime networkRuntime = ownNetworkRuntime != null ? ownNetworkRuntime : options.networkRuntime();
    NetworkPolicy policy = options.networkPolicy(project.appId(), project.urlCheck(), project.app().networkTimeout());
    this.network = new Network(policy, files, networkRuntime);
    options.trafficListeners().forEach(network::onTraffic);
    this.teardown = new Teardown(loop, network, ownNetworkRuntime, files, ownedDataRoot);
    this.devices = new HeadlessDevices(options, appDataDir, loop);
    List<Screen> all = new ArrayList<>(options.screens());
    if (layout != null) {
      all.add(layout.screen());
    }
    this.screens = List.copyOf(all);
    this.screenState = new ScreenState(project, screens, () -> router);
  }

  /** Builds everything on the loop and launches the app; returns when the first task is queued. */
  void start() {
    loop.call(() -> {
      init();
      return null;
    }, Duration.ofMinutes(2));
    loop.post(() -> project.problems().forEach(p -> log.console(new ConsoleMessage("error", p.toString()))));
    loop.post(this::loadApp);
    // App.onLaunch/onShow run before the page files: public apps (TDesign's starter, the official tcb-demo-basic)
    // read at a page file's top what onLaunch set (docs/decisions.md "Page code loading")
    loop.post(() -> foreground.launch());
    for (String route : project.app().pages()) {
      // with lazyCodeLoading a page's file runs when the page first opens, as subpackages'
      if (!project.app().lazyCodeLoading() && project.app().subpackageOf(route).isEmpty()) {
        loop.post(() -> loadPage(route));
      }
    }
    loop.post(() -> foreground.openEntry());
    loop.post(() -> router.flushReady());
  }

  private void init() {
    screens.forEach(s -> s.started(project, options.device()));
    media = mediaLoop();
    DeviceHooks hooks = options.devices();
    DeviceHooks.Context device = new DeviceHooks.Context(media, project.appId());
    Interaction interaction = new Interaction(hooks.dialogs(dialogs, device), loop,
        !"devtools".equals(options.device().platform()));
    KeyValueStorage storage = KeyValueStorage.open(appDataDir.resolve("storage"), KeyValueStorage.Limits.WECHAT);
    registry = new ApiRegistry(BuiltinComponents.NAMES);
    bridge = new WxBridge(registry, loop, env(), t -> log.internal("internal error in a wx API: ", t, "wx"));
    registry.addAll(new UiApis(interaction, screenState::navigationBar, new UiApis.PullDownRefresh() {
      @Override
      public void start() {
        loop.post(() -> router.current().ifPresent(p -> screenState.pullDownRefresh(p.id())));
      }

      @Override
      public void stop() {
        router.current().ifPresent(p -> screenState.refreshing(p.id(), false));
      }
    }, new PageScrolling(project, screens, () -> sink, () -> router)).specs());
    registry.addAll(new AppApis(bridge, project.appId(), () -> foreground.launched(), () -> foreground.entered(),
        ExtJson.extConfig(project.files())).specs());
    registry.addAll(new DeviceApis().specs());
    registry.addAll(new AnimationApis().specs());
    registry.addAll(new ContextApis().specs());
    tabBar = new TabBarApis(project.app().tabBar(),
        () -> router != null && router.current().map(p -> project.app().isTabPage(p.route())).orElse(false),
        state -> screens.forEach(s -> s.tabBarChanged(state)));
    registry.addAll(tabBar.specs());
    cloudOpenid = options.cloudOpenid();
    registry.addAll(new SystemApis(options.device(), screenState::chrome, () -> registry).specs());
    networkApis = new NetworkApis(network, bridge, files);
    registry.addAll(networkApis.specs());
    registry.addAll(new SocketApis(network, bridge).specs());
    registry.addAll(new RouteApis(() -> router, () -> loop.post(() -> router.flushReady())).specs());
    FileOps fileOps = new FileOps(files, options.clock());
    SavedFiles savedFiles = new SavedFiles(fileOps, options.clock());
    OpenFiles openFiles = new OpenFiles(fileOps);
    teardown.openFiles(openFiles);
    Executor fileIo = options.fileIo();
    if (fileIo == null) {
      String name = "sparrow-" + project.appId() + "-files";
      ExecutorService own = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
      });
      teardown.fileIo(own);
      fileIo = own;
    }
    registry.addAll(new StorageApis(storage, fileIo).specs());
    initCloudDatabase(fileIo);
    MediaWorkers blocking = new MediaWorkers();
    teardown.service(blocking::close);
    FileApis fileApis = new FileApis(bridge, fileIo, blocking, fileOps, savedFiles,
        hooks.documents(devices.documentViewer(), device), fileOps,
        notice -> loop.post(() -> log.console(new ConsoleMessage("warn", notice))));
    registry.addAll(fileApis.specs())
        .addAll(new FileSystemManagerApis(fileOps, openFiles, savedFiles, fileApis, fileIo, bridge::post).specs());
    initMedia(fileIo, blocking);
    registry.completeWithUnsupported();
    // the session's pages share one WXS time limit thread; it stops after the views have closed on the loop
    WxsWatchdog wxsWatchdog = new WxsWatchdog();
    teardown.service(wxsWatchdog::close);
    view = new ViewLayer(project, options.clock(), wxsWatchdog, log::error);
    // a browser that shows the page runs the transitions and reports their ends; else the session clock does
    animations = new ElementAnimations(loop.clock(), loop,
        (pageId, nodeId, type) -> interactions.fire(pageId, nodeId, type),
        () -> screens.stream().noneMatch(Screen::playsAnimations));
    // likewise a browser fires <image> load/error; headless the session reads the image and fires them
    ImageEvents imageEvents = new ImageEvents(loop, imageSources,
        id -> router.page(id).map(PageInstance::route).orElse(""),
        (pageId, nodeId, type, detail) -> interactions.fire(pageId, nodeId, type, detail),
        () -> screens.stream().noneMatch(Screen::firesImageEvents));
    // the legacy <toast> component's change after its duration: no browser times it, the session does
    ToastElements toasts = new ToastElements(loop,
        (pageId, nodeId, type, detail) -> interactions.fire(pageId, nodeId, type, detail));
    view.listener(new ScreenFeed(project, screens, animations, imageEvents, toasts, screenState, () -> router));
    ModuleSources modules = new ModuleSources(project.files(), new CompileCache(options.compileCache()));
    sink = new LogicSink(loop, log, view, animations, screens, () -> relay, () -> interactions);
    logic = new LogicLayer(loop, modules, bridge, sink);
    teardown.onLoop(() -> {
      bridge.close(); // what answers later (a late server, a cancelled call, a media stop) finds page code gone
      closeMedia();
      logic.close();
    });
    relay = new DataRelay(loop, view, logic);
    boolean customTabBar = project.app().tabBar().map(TabBar::custom).orElse(false)
        && project.components().isComponent(ViewLayer.TAB_BAR_PATH);
    router = new Router(project.app(), customTabBar, logic,
        new RouterFeed(view, screens, screenState, canvasApis, () -> router), log::error);
    interactions = new Interactions(loop, view, logic, router, screens, log, this::openTypeAnswer);
    view.wxsWork(pageId -> loop.post(() -> interactions.wxs(pageId)));
    foreground = new Foreground(options, project, loop, router, networkApis);
    view.components(logic, id -> router.page(id).map(PageInstance::isReady).orElse(false));
    // a timer remembers the page whose code set it (what keeps the loop busy is then named after it)
    logic.where(() -> router.where());
    Watchdog watchdog = options.watchdog();
    Watchdog own = null;
    if (watchdog == null) {
      watchdog = own = Watchdog.start(Watchdog.CpuClock.threads(), Duration.ofMillis(50));
    }
    teardown.watchdog(watchdog.watch(loop, logic.context(), options.scriptTimeout()), own);
  }

  /**
   * wx.cloud's database: requests on the file executor, answers on the loop; one store per environment, shared with
   * the other sessions of the app when the options hand in their {@link CloudStores}.
   */
  private void initCloudDatabase(Executor fileIo) {
    Path cloudDir = appDataDir.resolve("cloud");
    SecureRandom ids = new SecureRandom();
    CloudStores stores = options.cloudStores() != null ? options.cloudStores() : new CloudStores();
    if (options.cloudStores() == null) {
      teardown.service(stores::close); // the session's own stores: their files compacted as it closes
    }
    CloudEngine engine = options.cloudEngine();
    // one store per environment of the app: by its folder (embedded engine), or by appid and env in the engine
    Function<String, CloudStore> open = engine == null
        ? env -> stores.open(cloudDir.resolve(env).toAbsolutePath().toString(),
            () -> new JsonLinesDatabase(cloudDir.resolve(env), options.clock()::epochMillis, ids))
        : env -> stores.open("engine:" + project.appId() + "/" + env, () -> engine.open(project.appId(), env));
    cloud = new CloudApis(bridge, fileIo, open, () -> cloudOpenid, () -> {
      CloudRules rules = CloudRules.read(project.dir());
      rules.problems().forEach(p -> loop.post(() -> log.console(new ConsoleMessage("warn", p))));
      return rules.with(options.cloudAutoCreate(), options.cloudCollections());
    });
    registry.addAll(cloud.specs());
    teardown.service(cloud::close);
    initCloudServices(fileIo, ids);
  }

  /** wx.cloud.callFunction and cloud storage: their threads start when first used and end when idle. */
  private void initCloudServices(Executor fileIo, SecureRandom ids) {
    String name = "sparrow-" + project.appId() + "-cloud";
    ThreadFactory daemons = r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
    // calls in flight at once run at once, up to this many; more wait for a thread (docs/decisions.md)
    ThreadPoolExecutor worker = new ThreadPoolExecutor(CLOUD_FUNCTION_THREADS, CLOUD_FUNCTION_THREADS, 30,
        TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemons);
    worker.allowCoreThreadTimeOut(true);
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemons);
    timer.setKeepAliveTime(30, TimeUnit.SECONDS);
    timer.allowCoreThreadTimeOut(true);
    timer.setRemoveOnCancelPolicy(true);
    cloudServices = new CloudServiceApis(project, appDataDir.resolve("cloud-storage"), cloud::serverAnswer, files,
        fileIo, worker, timer, () -> new CloudFunctions.Caller(project.appId(), cloudOpenid, ""),
        () -> CloudRules.read(project.dir()).withStorage(options.cloudStorage()).storage(), options.clock(), ids);
    registry.addAll(cloudServices.specs());
    teardown.service(() -> {
      cloudServices.close();
      worker.shutdownNow();
      timer.shutdownNow();
    });
  }

  /** The media family on the headless device: album, microphone, speaker timeline, permissions. */
  private void initMedia(Executor fileIo, MediaWorkers blocking) {
    Consumer<Throwable> internal = t -> log.internal("internal error in a wx API: ", t, "wx");
    DeviceHooks hooks = options.devices();
    DeviceHooks.Context device = new DeviceHooks.Context(media, project.appId());
    Permissions asked = hooks.permissions(devices.permissions(), device);
    permissions = asked;
    MediaPicker picker = hooks.picker(devices.album(), device);
    AudioOutput output = hooks.speaker(devices.speaker(), device);
    MediaFetch fetch = new NetworkMediaFetch(network); // media fetches under the session's network rules
    AudioSources sources = new AudioSources(files, fetch, cloudServices::readableFile, blocking);
    // local image reads queue on the session's file thread (a page may show hundreds of images)
    imageSources = new ImageSources(files, fetch, cloudServices::readableFile, fileIo, options.media().webpType());
    Images images = new Images(picker, devices.album(), hooks.imageViewer(devices.album(), device), asked, files, fetch,
        options.media(), blocking);
    recorder = new Recorder(media, hooks.microphone(devices.microphone(), device), asked, files, fileIo);
    audioApis = new AudioApis(media, output, sources, new Voice(output), files, bridge, internal);
    BackgroundAudioApis background = new BackgroundAudioApis(
        events -> new BackgroundAudio(media, output, sources, events), bridge, internal);
    backgroundAudio = background.audio();
    registry.addAll(new ImageApis(images, asked, files, () -> router, bridge, internal, fileIo).specs());
    registry.addAll(new RecordApis(recorder, asked, bridge, internal).specs());
    registry.addAll(audioApis.specs());
    registry.addAll(background.specs());
    registry.addAll(new AuthApis(asked, internal).specs());
    canvasApis = new CanvasApis(bridge, files, fetch, blocking,
        () -> router.current().map(PageInstance::route).orElse(""), () -> screens, options.device().pixelRatio(),
        CanvasLimits.WECHAT, internal);
    registry.addAll(canvasApis.specs());
    Object privateInfos = project.app().raw().get("requiredPrivateInfos");
    boolean declared = privateInfos instanceof List<?> l && l.contains("getLocation");
    registry.addAll(new LocationApis(new Locations(devices.location(), asked), asked, declared, internal).specs());
    phoneApis = new PhoneApis(hooks.scanner(devices.scanner(), device), devices.sensors(), devices.phone(), media,
        bridge,
        font -> screens.forEach(sc -> sc.fontLoaded(font.family(), font.source(), font.desc())), internal);
    registry.addAll(phoneApis.specs());
    Set<String> infos = privateInfos instanceof List<?> list
        ? list.stream().map(String::valueOf).collect(Collectors.toSet()) : Set.of();
    personApis = new PersonApis(hooks.person(devices.person(), device), devices.phone(), devices.location(), picker,
        files, infos,
        () -> loop.clock().epochMillis(), internal, blocking);
    registry.addAll(personApis.specs());
  }

  /**
   * What a tapped {@code <button open-type>} hands its {@code bind<type>} handler, as the API of the same name
   * answers (errMsg first); null for the open types nothing answers yet.
   */
  private CompletionStage<Map<String, Object>> openTypeAnswer(String openType) {
    return switch (openType) {
      case "getUserInfo" -> CompletableFuture.completedFuture(answer("getUserInfo:ok", personApis.userInfo()));
      case "openSetting" -> permissions.openSettings()
          .thenApply(s -> answer("openSetting:ok", Map.of("authSetting", new LinkedHashMap<>(s))));
      default -> null;
    };
  }

  private static Map<String, Object> answer(String errMsg, Map<String, Object> result) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("errMsg", errMsg);
    detail.putAll(result);
    return detail;
  }

  private MediaLoop mediaLoop() {
    return new MediaLoop() {
      @Override
      public Clock clock() {
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
        AtomicBoolean ended = new AtomicBoolean();
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
      log.error(new ScriptError("App() was not called in app.js", "", "app.js", 0, 0, "load app.js"));
    }
  }

  private void loadPage(String route) {
    Value problem = logic.call("load " + route, logic.fn("loadPage"), route, route + ".js");
    if (problem != null && problem.isString()) {
      log.error(new ScriptError(problem.asString(), "", route + ".js", 0, 0, "load " + route));
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

  /** The door between page code and the wx handlers (tests stop page code through it). */
  WxBridge bridge() {
    return bridge;
  }

  void close() {
    teardown.close();
    if (layout != null) {
      layout.close();
    }
  }

  /** Asks the screens for the layout of page {@code pageId} (loop thread; see {@link Screen#measure}). */
  void measure(int pageId, String request, Consumer<String> answer) {
    sink.measure(pageId, request, answer);
  }

  // ---- the parts, for Session (those made on the loop exist once start() returned) --------------

  SessionOptions options() {
    return options;
  }

  Project project() {
    return project;
  }

  EventLoop loop() {
    return loop;
  }

  Path appDataDir() {
    return appDataDir;
  }

  FileSandbox files() {
    return files;
  }

  Network network() {
    return network;
  }

  HeadlessDialogs dialogs() {
    return dialogs;
  }

  HeadlessDevices devices() {
    return devices;
  }

  SessionLog log() {
    return log;
  }

  ScreenState screenState() {
    return screenState;
  }

  /** wx.cloud's functions and storage (null until the loop made them). */
  CloudServiceApis cloudServices() {
    return cloudServices;
  }

  /** wx.cloud's database family (null until the loop made it). */
  CloudApis cloud() {
    return cloud;
  }

  void cloudOpenid(String openid) {
    cloudOpenid = openid;
  }

  ApiRegistry registry() {
    return registry;
  }

  LogicLayer logic() {
    return logic;
  }

  Router router() {
    return router;
  }

  ViewLayer view() {
    return view;
  }

  ElementAnimations animations() {
    return animations;
  }

  Interactions interactions() {
    return interactions;
  }

  Foreground foreground() {
    return foreground;
  }

  TabBarApis tabBar() {
    return tabBar;
  }

  PhoneApis phoneApis() {
    return phoneApis;
  }

  CanvasApis canvasApis() {
    return canvasApis;
  }
}
