package dev.sparrow.runtime;

import dev.sparrow.apis.cloud.CloudEngine;
import dev.sparrow.apis.device.Clock;
import dev.sparrow.apis.files.DocumentViewer;
import dev.sparrow.apis.network.TrafficEntry;
import dev.sparrow.runtime.app.Urls;
import dev.sparrow.runtime.project.ProjectLoader;
import dev.sparrow.apis.device.HeadlessPermissions;
import dev.sparrow.apis.media.MediaSettings;
import dev.sparrow.apis.files.FileSandbox;
import dev.sparrow.apis.files.HeadlessDocumentViewer;
import dev.sparrow.apis.network.ControlPorts;
import dev.sparrow.apis.network.Family;
import dev.sparrow.apis.network.HostMap;
import dev.sparrow.apis.network.Network;
import dev.sparrow.apis.network.NetworkPolicy;
import dev.sparrow.apis.device.VirtualClock;
import dev.sparrow.apis.system.DeviceProfile;
import dev.sparrow.apis.ui.HeadlessDialogs;
import dev.sparrow.runtime.project.ExtendedLibs;
import dev.sparrow.runtime.wx.CloudApis;
import dev.sparrow.apis.cloud.CloudPermission;
import dev.sparrow.apis.cloud.CloudStores;
import dev.sparrow.runtime.js.CompileCache;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * How to launch a session. Only the project folder is required:
 *
 * <pre>{@code
 * Session s = Sparrow.launch(SessionOptions.of(Path.of("examples/quickstart"))
 *     .virtualClock()
 *     .device(DeviceProfile.IPHONE_X)
 *     .onConsole(System.out::println));
 * }</pre>
 */
public final class SessionOptions {
  private final Path projectDir;
  private Path dataDir;
  private Path compileCache = CompileCache.userDir();
  private Clock clock = Clock.system();
  private DeviceProfile device = DeviceProfile.IPHONE_6;
  private HeadlessDialogs.Policy dialogPolicy = HeadlessDialogs.Policy.WAIT;
  private Duration scriptTimeout = Duration.ofSeconds(5);
  private Watchdog watchdog;
  private Duration backgroundGrace = Duration.ofSeconds(5);
  private String launchPath;
  private ProjectLoader.ExtraPage extraPage;
  private Map<String, String> launchQuery = new LinkedHashMap<>();
  private int scene = 1001;
  private FileSandbox.Scheme pathScheme = FileSandbox.Scheme.WXFILE;
  private FileSandbox.Limits fileLimits = FileSandbox.Limits.DEFAULT;
  private DocumentViewer documentViewer;
  private Path albumDir;
  private double[] startLocation;
  private String scanResult;
  private String cloudOpenid = CloudApis.DEFAULT_OPENID;
  private CloudStores cloudStores;
  private boolean cloudAutoCreate;
  private final Map<String, CloudPermission> cloudCollections = new LinkedHashMap<>();
  private CloudPermission cloudStorage;
  private CloudEngine cloudEngine;
  private Path photoAlbumDir;
  private Path microphoneWav;
  private double microphoneTone;
  private HeadlessPermissions.Policy permissionPolicy = HeadlessPermissions.Policy.WAIT;
  private MediaSettings media = MediaSettings.DEFAULT;
  private final List<Consumer<ConsoleMessage>> consoleListeners = new ArrayList<>();
  private final List<Consumer<ScriptError>> errorListeners = new ArrayList<>();
  private final List<Screen> screens = new ArrayList<>();
  private DeviceHooks devices = DeviceHooks.HEADLESS;
  private Boolean verifyDomains;
  private final Map<String, List<String>> domains = new LinkedHashMap<>();
  private final List<String> hostMap = new ArrayList<>();
  private SSLContext trust;
  private final List<Consumer<NetworkPolicy.Builder>> network = new ArrayList<>();
  private final ControlPorts controlPorts = new ControlPorts();
  private Executor fileIo;
  private Network.Runtime networkRuntime;
  private final List<Consumer<TrafficEntry>> trafficListeners = new ArrayList<>();
  private Consumer<String> npmNotice = line -> System.err.println(line);
  private Layout layout = Layout.NONE;
  private ExtendedLibs extendedLibs;

  private SessionOptions(Path projectDir) {
    this.projectDir = Objects.requireNonNull(projectDir, "projectDir");
  }

  public static SessionOptions of(Path projectDir) {
    return new SessionOptions(projectDir);
  }

  /**
   * Keeps storage and files in {@code dataDir}/{@code <appid>}/, so that they persist across
   * sessions of the same appid. Without it each session gets a fresh folder, deleted on close.
   */
  public SessionOptions dataDir(Path dataDir) {
    this.dataDir = dataDir;
    return this;
  }

  /**
   * Where compiled ES modules, TypeScript, Less and Sass are kept between launches (default
   * {@code ~/.sparrow/cache/compiled}, shared by every project of the user); {@code null} keeps nothing.
   */
  public SessionOptions compileCache(Path dir) {
    this.compileCache = dir;
    return this;
  }

  public Path compileCache() {
    return compileCache;
  }

  /** Session time; see {@link #virtualClock()}. */
  public SessionOptions clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
    return this;
  }

  /** Time moves only through {@link Session#advance(Duration)}: timers and media become deterministic. */
  public SessionOptions virtualClock() {
    return clock(new VirtualClock());
  }

  public SessionOptions device(DeviceProfile device) {
    this.device = Objects.requireNonNull(device);
    return this;
  }

  /** What happens to modals and action sheets nobody answers (default: they wait for the host). */
  public SessionOptions dialogs(HeadlessDialogs.Policy policy) {
    this.dialogPolicy = Objects.requireNonNull(policy);
    return this;
  }

  /**
   * How long the app may stay in the background ({@link Session#hideApp()}) before its unfinished
   * request/uploadFile/downloadFile tasks fail {@code interrupted} and new ones fail at once until it
   * is shown again; WeChat's figure, 5 s, by default (spec network.md §1).
   */
  public SessionOptions backgroundGrace(Duration grace) {
    this.backgroundGrace = Objects.requireNonNull(grace);
    return this;
  }

  /**
   * How much CPU time one piece of page code may use before it is interrupted as a runaway (default 5 s). CPU time,
   * not the wall clock: a script waiting for a core on a loaded machine keeps its budget.
   */
  public SessionOptions scriptTimeout(Duration limit) {
    this.scriptTimeout = Objects.requireNonNull(limit);
    return this;
  }

  /**
   * The watchdog that enforces {@link #scriptTimeout}, for sessions that share one or a test that drives its
   * checks; without it each session starts its own (checking every 50 ms) and stops it on close.
   */
  public SessionOptions watchdog(Watchdog watchdog) {
    this.watchdog = Objects.requireNonNull(watchdog);
    return this;
  }

  /** Launch at this page instead of the entry page, e.g. {@code pages/logs/logs?from=test}. */
  public SessionOptions launchUrl(String url) {
    int q = url.indexOf('?');
    this.launchPath = (q < 0 ? url : url.substring(0, q)).replaceFirst("^/", "");
    this.launchQuery = Urls.query(q < 0 ? "" : url.substring(q + 1));
    return this;
  }

  /** The launch scene reported to App.onLaunch (default 1001). */
  public SessionOptions scene(int scene) {
    this.scene = scene;
    return this;
  }

  /**
   * How local file paths start: {@code wxfile://} (default, as on phones: {@code wxfile://tmp_…},
   * {@code wxfile://store_…}, {@code wxfile://usr}) or {@code http://} (as in DevTools: {@code
   * http://tmp/…}, {@code http://store/…}, {@code http://usr}). The phone form is the default
   * because some real apps test {@code path.startsWith('wxfile://')}; see docs/decisions.md.
   */
  public SessionOptions pathScheme(FileSandbox.Scheme scheme) {
    this.pathScheme = Objects.requireNonNull(scheme);
    return this;
  }

  /**
   * The file storage limit of the appid: saved files and user files together (default 10 MB, the
   * {@code wx.saveFile} page; the current guide says 200 MB — see docs/decisions.md). Exceeding it
   * fails with {@code the maximum size of the file storage limit is exceeded}.
   */
  public SessionOptions fileQuota(long bytes) {
    this.fileLimits = new FileSandbox.Limits(bytes, fileLimits.maxFileBytes());
    return this;
  }

  /** The device that shows {@code wx.openDocument} files (default: a {@link HeadlessDocumentViewer} per session). */
  public SessionOptions documentViewer(DocumentViewer viewer) {
    this.documentViewer = Objects.requireNonNull(viewer);
    return this;
  }

  /**
   * Fixture images the album and camera offer when the host scripted nothing ({@code --album DIR}):
   * the first {@code count} files in name order. Without it an unscripted picker is cancelled.
   */
  public SessionOptions album(Path dir) {
    this.albumDir = dir;
    return this;
  }

  /** Where the phone is at launch, WGS-84 degrees ({@code --location LAT,LON}); default Tiananmen Square. */
  public SessionOptions location(double latitude, double longitude) {
    this.startLocation = new double[] {latitude, longitude};
    return this;
  }

  /** Where {@code saveImageToPhotosAlbum} puts images (default: {@code photo-album/} in the data folder). */
  public SessionOptions photoAlbum(Path dir) {
    this.photoAlbumDir = dir;
    return this;
  }

  /** The microphone hears this WAV file once, then silence ({@code --mic FILE}); default: silence. */
  public SessionOptions microphone(Path wav) {
    this.microphoneWav = wav;
    return this;
  }

  /** The microphone hears a sine tone of {@code hz}. */
  public SessionOptions microphoneTone(double hz) {
    this.microphoneTone = hz;
    return this;
  }

  /** What happens to permission prompts nobody answers (default: they wait for {@code Session.answerPermission}). */
  public SessionOptions permissions(HeadlessPermissions.Policy policy) {
    this.permissionPolicy = Objects.requireNonNull(policy);
    return this;
  }

  /** Media choices where WeChat's behaviour is unverified (see docs/decisions.md). */
  public SessionOptions media(MediaSettings settings) {
    this.media = Objects.requireNonNull(settings);
    return this;
  }

  /** Receives every console message as it happens (on the session thread: do not block). */
  public SessionOptions onConsole(Consumer<ConsoleMessage> listener) {
    consoleListeners.add(listener);
    return this;
  }

  /**
   * Before launching, the project's {@code miniprogram_npm} is built (DevTools' "build npm") when it is missing or
   * older than its {@code package.json} or lock file; {@code notice} gets the one line saying so (default: standard
   * error). {@code null} turns the automatic build off.
   */
  public SessionOptions autoBuildNpm(Consumer<String> notice) {
    this.npmNotice = notice;
    return this;
  }

  /**
   * Where {@code useExtendedLib} libraries (weui) come from when the project has no copy: a cache folder filled from
   * an npm registry. Default {@link ExtendedLibs#defaults()} (Sparrow's user cache folder, npm's public registry).
   */
  public SessionOptions extendedLibs(ExtendedLibs libs) {
    this.extendedLibs = Objects.requireNonNull(libs, "libs");
    return this;
  }

  public ExtendedLibs extendedLibs() {
    return extendedLibs == null ? ExtendedLibs.defaults() : extendedLibs;
  }

  /** Where the automatic npm build's line goes; null when it is off. */
  public Consumer<String> npmNotice() {
    return npmNotice;
  }

  /** Receives every uncaught error as it happens (on the session thread: do not block). */
  public SessionOptions onError(Consumer<ScriptError> listener) {
    errorListeners.add(listener);
    return this;
  }

  /**
   * Whether the domain whitelist, https/wss-only and port rules apply. Default: {@code
   * project.config.json} {@code setting.urlCheck} (DevTools' "do not verify domains" checkbox).
   */
  public SessionOptions verifyDomains(boolean verify) {
    this.verifyDomains = verify;
    return this;
  }

  /**
   * Adds domains to a family's whitelist ("服务器域名"): {@code request}, {@code uploadFile},
   * {@code downloadFile} or {@code socket}; entries {@code api.example.com} or {@code host:port}.
   */
  public SessionOptions allowDomains(String family, String... entries) {
    Family.of(family);
    domains.computeIfAbsent(family, k -> new ArrayList<>()).addAll(List.of(entries));
    return this;
  }

  /**
   * Routes an origin to another server without touching page code, e.g. {@code
   * hostMap("https://www.baidu.com", "http://127.0.0.1:8080")}: a resolver, so the whitelist, Host,
   * Referer, TLS name and traffic log keep the page's URL.
   */
  public SessionOptions hostMap(String from, String to) {
    HostMap.EMPTY.with(from, to);
    hostMap.add(from + "=" + to);
    return this;
  }

  /** Trust for https/wss (a test certificate); default: the JDK's trust store. */
  public SessionOptions trust(SSLContext context) {
    this.trust = context;
    return this;
  }

  /** Any other network setting (limits, queue or fail mode, Referer version, timeout cap…). */
  public SessionOptions network(Consumer<NetworkPolicy.Builder> customizer) {
    network.add(Objects.requireNonNull(customizer));
    return this;
  }

  /** Receives every finished network task (on a network thread: do not block). */
  public SessionOptions onTraffic(Consumer<TrafficEntry> listener) {
    trafficListeners.add(Objects.requireNonNull(listener));
    return this;
  }

  public List<Consumer<TrafficEntry>> trafficListeners() {
    return List.copyOf(trafficListeners);
  }

  /** The session's network policy for {@code appId}, with the project's own settings as defaults. */
  public NetworkPolicy networkPolicy(String appId, boolean urlCheck, Map<String, Integer> appTimeouts) {
    NetworkPolicy.Builder b = NetworkPolicy.builder(appId)
        .verifyDomains(verifyDomains != null ? verifyDomains : urlCheck)
        .hostMap(HostMap.parse(hostMap))
        .sslContext(trust)
        .controlPorts(controlPorts);
    appTimeouts.forEach(b::appTimeout);
    domains.forEach((family, entries) -> b.allowDomains(Family.of(family), entries.toArray(String[]::new)));
    network.forEach(c -> c.accept(b));
    return b.build();
  }

  /**
   * Where the async FileSystemManager methods do their I/O, in order: one task at a time, in the
   * order given (the caller owns it). By default each session starts its own thread.
   */
  public SessionOptions fileIo(Executor ordered) {
    this.fileIo = Objects.requireNonNull(ordered);
    return this;
  }

  /** The handed-in file executor, or null (the session makes its own). */
  public Executor fileIo() {
    return fileIo;
  }

  /**
   * What the session's network runs on: task threads, the scheduler that times request and socket deadlines,
   * the clock (the caller owns it and closes it after the session). By default each session makes its own:
   * deadlines in real time, or on the session's event loop when the clock is {@linkplain #virtualClock()
   * virtual}, so that {@code timeout}s elapse through {@link Session#advance(Duration)}.
   */
  public SessionOptions networkRuntime(Network.Runtime runtime) {
    this.networkRuntime = Objects.requireNonNull(runtime);
    return this;
  }

  /** The handed-in network runtime, or null (the session makes its own). */
  public Network.Runtime networkRuntime() {
    return networkRuntime;
  }

  /**
   * The ports of Sparrow's own servers for this session (simulator, automation), which page code may
   * never connect to, whatever the domain list says; front-ends add theirs once bound.
   */
  public ControlPorts controlPorts() {
    return controlPorts;
  }

  /** A front-end that paints the session (see {@link Screen}); several may watch one session. */
  public SessionOptions screen(Screen screen) {
    screens.add(Objects.requireNonNull(screen));
    return this;
  }

  /** A front-end's stand-ins for the headless devices (dialogs, album, microphone, speaker…). */
  public SessionOptions devices(DeviceHooks hooks) {
    this.devices = Objects.requireNonNull(hooks);
    return this;
  }

  /**
   * Where layout questions get their answers headless (SelectorQuery, IntersectionObserver, element sizes, scroll
   * sizes): {@link Layout#NONE} (default, every box 0) or {@link Layout#BROWSER} (headless Chromium; needs
   * {@code sparrow-simulator} on the class path and Chromium installed). A screen that measures (the simulator) answers
   * first either way.
   */
  public SessionOptions layout(Layout layout) {
    this.layout = Objects.requireNonNull(layout);
    return this;
  }

  public Layout layout() {
    return layout;
  }

  public List<Screen> screens() {
    return List.copyOf(screens);
  }

  public DeviceHooks devices() {
    return devices;
  }

  public Path projectDir() {
    return projectDir;
  }

  public Path dataDir() {
    return dataDir;
  }

  public Clock clock() {
    return clock;
  }

  public DeviceProfile device() {
    return device;
  }

  public HeadlessDialogs.Policy dialogPolicy() {
    return dialogPolicy;
  }

  public Duration scriptTimeout() {
    return scriptTimeout;
  }

  /** The watchdog handed in, or null for one of the session's own. */
  public Watchdog watchdog() {
    return watchdog;
  }

  public Duration backgroundGrace() {
    return backgroundGrace;
  }

  public String launchPath() {
    return launchPath;
  }

  /** The component harness's host page (package-private: {@link Sparrow#component}). */
  SessionOptions extraPage(ProjectLoader.ExtraPage page) {
    this.extraPage = page;
    return this;
  }

  Optional<ProjectLoader.ExtraPage> extraPage() {
    return Optional.ofNullable(extraPage);
  }

  public Map<String, String> launchQuery() {
    return launchQuery;
  }

  public int scene() {
    return scene;
  }

  public FileSandbox.Scheme pathScheme() {
    return pathScheme;
  }

  public FileSandbox.Limits fileLimits() {
    return fileLimits;
  }

  /** The configured document viewer, or null for a fresh headless one per session. */
  public DocumentViewer documentViewer() {
    return documentViewer;
  }

  public Path albumDir() {
    return albumDir;
  }

  /**
   * The openid of the session's user in the cloud emulator ({@code _openid} on added documents,
   * {@code "{openid}"} in queries); {@link CloudApis#DEFAULT_OPENID} unless named. See also
   * {@link Session#cloudOpenid(String)}.
   */
  public SessionOptions cloudOpenid(String openid) {
    this.cloudOpenid = Objects.requireNonNull(openid);
    return this;
  }

  public String cloudOpenid() {
    return cloudOpenid;
  }

  /**
   * The registry of open cloud environments: sessions handed the same one share one store per data folder,
   * appid and env, so they see each other's writes and watch events live. Without one a session opens its own.
   */
  public SessionOptions cloudStores(CloudStores stores) {
    this.cloudStores = Objects.requireNonNull(stores);
    return this;
  }

  public CloudStores cloudStores() {
    return cloudStores;
  }

  /**
   * Whether a collection springs into being on first use (default false, as WeChat: a collection must be
   * created in the console, declared in the project's {@code cloud/database.json}, imported, or declared with
   * {@link #cloudCollection}); {@code "autoCreate": true} in that file does the same.
   */
  public SessionOptions cloudAutoCreate(boolean autoCreate) {
    this.cloudAutoCreate = autoCreate;
    return this;
  }

  public boolean cloudAutoCreate() {
    return cloudAutoCreate;
  }

  /** Declares a collection with its permission mode, over what the project's {@code cloud/database.json} says. */
  public SessionOptions cloudCollection(String name, CloudPermission permission) {
    cloudCollections.put(Objects.requireNonNull(name), Objects.requireNonNull(permission));
    return this;
  }

  public Map<String, CloudPermission> cloudCollections() {
    return Map.copyOf(cloudCollections);
  }

  /**
   * Cloud storage's permission mode for page calls, over the {@code storage} of the project's
   * {@code cloud/database.json} (default there: {@code READONLY}, all users read, the uploader writes).
   */
  public SessionOptions cloudStorage(CloudPermission permission) {
    this.cloudStorage = Objects.requireNonNull(permission);
    return this;
  }

  /** The declared storage mode; null when the project's file (or its default) decides. */
  public CloudPermission cloudStorage() {
    return cloudStorage;
  }

  /**
   * Where {@code wx.cloud.database()} keeps its environments: by default (null) the embedded engine under the
   * data dir ({@code <dataDir>/<appid>/cloud/<env>/<collection>.jsonl}); a {@code MongoCloudEngine} shares them
   * through a MongoDB server (CLI {@code --cloud-db mongodb://…}). The caller
   * owns the engine and closes it after the sessions.
   */
  public SessionOptions cloudEngine(CloudEngine engine) {
    this.cloudEngine = engine;
    return this;
  }

  public CloudEngine cloudEngine() {
    return cloudEngine;
  }

  /** Every {@code wx.scanCode} nothing else scripts reads {@code text} as a QR code (CLI {@code --scan}). */
  public SessionOptions scanResult(String text) {
    this.scanResult = text;
    return this;
  }

  public Optional<String> scanResult() {
    return Optional.ofNullable(scanResult);
  }

  public Optional<double[]> startLocation() {
    return Optional.ofNullable(startLocation).map(double[]::clone);
  }

  public Path photoAlbumDir() {
    return photoAlbumDir;
  }

  public Path microphoneWav() {
    return microphoneWav;
  }

  public double microphoneTone() {
    return microphoneTone;
  }

  public HeadlessPermissions.Policy permissionPolicy() {
    return permissionPolicy;
  }

  public MediaSettings media() {
    return media;
  }

  public List<Consumer<ConsoleMessage>> consoleListeners() {
    return List.copyOf(consoleListeners);
  }

  public List<Consumer<ScriptError>> errorListeners() {
    return List.copyOf(errorListeners);
  }
}
