package dev.sparrow.cli;

import dev.sparrow.apis.cloud.CloudStores;
import dev.sparrow.apis.cloud.MongoCloudEngine;
import dev.sparrow.apis.device.HeadlessPermissions;
import dev.sparrow.apis.system.DeviceProfile;
import dev.sparrow.runtime.Layout;
import dev.sparrow.runtime.ScratchDir;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import dev.sparrow.runtime.project.ExtendedLibs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sparrow} command. */
@Command(
    name = "sparrow",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Runs WeChat mini programs on the JVM: headless, offline, no login.",
    subcommands = {RunCommand.class, DemoCommand.class, CheckCommand.class, AutoCommand.class, BuildNpmCommand.class,
        CloudCommand.class, WarmupCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  /** The exit codes every command uses ({@code --help} lists them). */
  private static final Map<String, String> EXIT_CODES = exitCodes();
  private static final Set<String> LAUNCHING = Set.of("run", "demo", "check", "auto", "warmup");

  /** What the running command holds; closed when it returns or when the process is stopped. */
  final Resources resources;
  /** One cloud store per environment for every session of this command (a relaunch sees the same data live). */
  private final CloudStores cloudStores = new CloudStores();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Options a launcher may put before the subcommand ({@code automator.launch} puts its {@code
   * args} before {@code auto}); they apply to whichever subcommand follows, on either side of it.
   */
  @CommandLine.Option(names = "--data-dir", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
      description = "Where storage and files persist, per appid (default: ~/.sparrow/data; 'temp' for a throw-away folder in the"
          + " system temp directory, removed when Sparrow stops).")
  String dataDir;

  @CommandLine.Option(names = "--layout", paramLabel = "browser|none", scope = CommandLine.ScopeType.INHERIT,
      converter = LayoutConverter.class,
      description = "Where headless layout questions (SelectorQuery, IntersectionObserver, element sizes) are answered:"
          + " browser (headless Chromium paints each page as the simulator does) or none (every box 0; the default).")
  Layout layout = Layout.NONE;

  /** {@code --layout}'s value. */
  static final class LayoutConverter implements CommandLine.ITypeConverter<Layout> {
    @Override
    public Layout convert(String value) {
      return Layout.parse(value);
    }
  }

  @CommandLine.Option(names = "--device", paramLabel = "NAME", scope = CommandLine.ScopeType.INHERIT,
      description = "Simulated device: iPhone 6/7/8 (default), iPhone 6/7/8 Plus, iPhone X, iPhone 14, Android.")
  String device;

  @CommandLine.Option(names = "--album", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
      description = "Images the album and camera offer to chooseImage/chooseMedia (first ones by name).")
  Path album;

  @CommandLine.Option(names = "--location", paramLabel = "LAT,LON", scope = CommandLine.ScopeType.INHERIT,
      description = "Where wx.getLocation finds the phone, WGS-84 degrees (default: 39.9087,116.3975).")
  String location;

  @CommandLine.Option(names = "--cache", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
      description = "Where extended libraries (useExtendedLib weui) are cached, downloaded from npm on first use"
          + " (default: $SPARROW_CACHE, else the user cache folder, e.g. ~/.cache/sparrow).")
  Path cache;

  @CommandLine.Option(names = "--scan", paramLabel = "TEXT", scope = CommandLine.ScopeType.INHERIT,
      description = "What wx.scanCode reads (a QR code with this text); default: the person cancels.")
  String scan;

  @CommandLine.Option(names = "--mic", paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
      description = "A WAV file the microphone hears (default: silence).")
  Path mic;

  @CommandLine.Option(names = "--permissions", paramLabel = "ask|allow|deny", scope = CommandLine.ScopeType.INHERIT,
      description = "Answer to authorization prompts (scope.record, scope.writePhotosAlbum…); default: ask (prompts stay open).")
  String permissions;

  @CommandLine.Option(names = "--host-map", paramLabel = "FROM=TO", scope = CommandLine.ScopeType.INHERIT,
      description = "Route an origin to another server without touching page code, e.g. https://www.baidu.com=http://127.0.0.1:8080"
          + " (repeatable). Whitelist, Host, Referer and TLS name keep the page's URL.")
  List<String> hostMap = new ArrayList<>();

  @CommandLine.Option(names = "--domain", paramLabel = "FAMILY=HOST", scope = CommandLine.ScopeType.INHERIT,
      description = "Add a whitelisted domain for request, uploadFile, downloadFile or socket, e.g. request=api.example.com (repeatable).")
  List<String> domains = new ArrayList<>();

  @CommandLine.Option(names = "--cloud-user", paramLabel = "OPENID", scope = CommandLine.ScopeType.INHERIT,
      description = "The openid of the user the cloud database emulator sees (_openid, '{openid}', permissions).")
  String cloudUser;

  @CommandLine.Option(names = "--cloud-auto-create", scope = CommandLine.ScopeType.INHERIT,
      description = "Create a cloud collection on first use (WeChat: it must be created first; see cloud/database.json).")
  boolean cloudAutoCreate;

  @CommandLine.Option(names = "--url-check", arity = "1", paramLabel = "true|false", scope = CommandLine.ScopeType.INHERIT,
      description = "Verify domains, https/wss and ports (default: project.config.json setting.urlCheck).")
  Boolean urlCheck;

  @CommandLine.Option(names = "--cloud-db", paramLabel = "URI", scope = CommandLine.ScopeType.INHERIT,
      description = "Keep wx.cloud.database() environments in a MongoDB server, e.g. mongodb://127.0.0.1:27017/ci42"
          + " (a database in the URI prefixes each environment's database); default: files under the data dir.")
  String cloudDb;

  private MongoCloudEngine cloudEngine;

  Main(Resources resources) {
    this.resources = resources;
    resources.hold(cloudStores); // closed after the sessions: the embedded engine's files compacted
  }

  /** Session options for {@code project} from the shared options. */
  SessionOptions sessionOptions(Path project) {
    SessionOptions o = SessionOptions.of(project).layout(layout);
    if (dataDir == null) {
      o.dataDir(Path.of(System.getProperty("user.home"), ".sparrow", "data"));
    } else if (!dataDir.equals("temp")) {
      o.dataDir(Path.of(dataDir));
    }
    if (device != null) {
      o.device(DeviceProfile.preset(device).orElseThrow(() -> new IllegalArgumentException("unknown device \"" + device
          + "\"; one of: " + DeviceProfile.presets().stream().map(DeviceProfile::name).toList())));
    }
    for (String entry : hostMap) {
      int eq = entry.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("--host-map needs FROM=TO, got \"" + entry + "\"");
      }
      o.hostMap(entry.substring(0, eq), entry.substring(eq + 1));
    }
    for (String entry : domains) {
      int eq = entry.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("--domain needs FAMILY=HOST, got \"" + entry + "\"");
      }
      o.allowDomains(entry.substring(0, eq), entry.substring(eq + 1));
    }
    if (urlCheck != null) {
      o.verifyDomains(urlCheck);
    }
    if (album != null) {
      o.album(album);
    }
    if (mic != null) {
      o.microphone(mic);
    }
    if (cache != null) {
      o.extendedLibs(ExtendedLibs.cachedIn(cache));
    }
    if (scan != null) {
      o.scanResult(scan);
    }
    if (location != null) {
      String[] parts = location.split(",");
      try {
        o.location(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("--location needs LAT,LON in degrees, got \"" + location + "\"");
      }
    }
    if (cloudDb != null) {
      o.cloudEngine(cloudEngine());
    }
    if (permissions != null) {
      o.permissions(switch (permissions) {
        case "ask" -> HeadlessPermissions.Policy.WAIT;
        case "allow" -> HeadlessPermissions.Policy.ALLOW;
        case "deny" -> HeadlessPermissions.Policy.DENY;
        default -> throw new IllegalArgumentException("--permissions takes ask, allow or deny, not \"" + permissions + "\"");
      });
    }
    o.cloudStores(cloudStores).cloudAutoCreate(cloudAutoCreate);
    if (cloudUser != null) {
      o.cloudOpenid(cloudUser);
    }
    return o;
  }

  /** The MongoDB engine of {@code --cloud-db}, made once and closed with the command's resources. */
  synchronized MongoCloudEngine cloudEngine() {
    if (cloudEngine == null) {
      if (!cloudDb.startsWith("mongodb://") && !cloudDb.startsWith("mongodb+srv://")) {
        throw new IllegalArgumentException("--cloud-db takes a mongodb:// connection string, got \"" + cloudDb + "\"");
      }
      cloudEngine = resources.hold(MongoCloudEngine.connect(cloudDb, System::currentTimeMillis, new SecureRandom()));
    }
    return cloudEngine;
  }

  public static void main(String[] args) {
    Resources resources = new Resources();
    if (Arrays.stream(args).anyMatch(LAUNCHING::contains)) {
      Sparrow.warmUp(); // the engine builds on the other core while the command parses and starts its servers
      resources.hold(sweep());
    }
    // Ctrl-C and SIGTERM run this hook, then the JVM ends with 130 or 143 as shells expect
    Runtime.getRuntime().addShutdownHook(new Thread(resources::close, "sparrow-stop"));
    System.exit(execute(resources, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Removes, beside the start, what processes stopped by kill -9 left in the temp directory; closing waits for it. */
  private static AutoCloseable sweep() {
    Thread sweep = new Thread(() -> ScratchDir.sweep(ScratchDir.systemTemp()), "sparrow-sweep");
    sweep.setDaemon(true);
    sweep.start();
    return sweep::join;
  }

  /** Runs the command line and returns the exit code. */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the command line with its output going to {@code out} and {@code err} (tests call this). */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    return execute(new Resources(), out, err, args);
  }

  private static int execute(Resources resources, PrintWriter out, PrintWriter err, String... args) {
    try (resources) {
      CommandLine line = new CommandLine(new Main(resources))
          .setOut(out)
          .setErr(err)
          .setCaseInsensitiveEnumValuesAllowed(true)
          .setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("sparrow: " + e.getMessage());
            return 2;
          });
      listExitCodes(line);
      return line.execute(args);
    }
  }

  private static void listExitCodes(CommandLine line) {
    line.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(EXIT_CODES);
    line.getSubcommands().values().forEach(Main::listExitCodes);
  }

  private static Map<String, String> exitCodes() {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put("0", "done: check found nothing; run, demo or auto stopped by --exit-when-idle or Tool.close");
    codes.put("1", "the mini program has problems: check found some, the project cannot load, or --exit-when-idle saw errors");
    codes.put("2", "Sparrow could not start: a wrong option or argument, or a port in use");
    codes.put("130", "stopped by Ctrl-C (SIGINT)");
    codes.put("143", "stopped by SIGTERM");
    return Collections.unmodifiableMap(codes);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
          "sparrow " + Sparrow.version(),
          "base library " + Sparrow.baseLibraryVersion() + " (emulated)",
          "JDK " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")",
          "JS engine " + Sparrow.jsEngine()};
    }
  }
}
