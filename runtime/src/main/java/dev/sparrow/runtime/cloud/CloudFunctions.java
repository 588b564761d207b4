package dev.sparrow.runtime.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.runtime.js.JsEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * A project's cloud functions ({@code cloudfunctionRoot}/{@code <name>/index.js}, {@code exports.main = async
 * (event, context) => …}) run in GraalJS contexts of their own, never the page's, on the worker threads handed in,
 * so a function never blocks a session's event loop. Calls in flight at once run at once (as many as the worker has
 * threads), each in an instance of its own as WeChat's separate instances: an idle warm instance of the function
 * if there is one, else a new one (cold); an instance is idle again when its call ends. A nested
 * {@code cloud.callFunction} runs on its caller's thread, so nested calls never wait for a free worker. The
 * context sees only what {@code sparrow-cloud-function.js} gives it: CommonJS {@code require} of the function's own
 * files and {@code node_modules} (pure JS), Sparrow's {@code wx-server-sdk}, small Node built-ins of its own
 * ({@code path}, {@code util}, {@code assert}, {@code events}, {@code stream} without streams, {@code crypto} over
 * {@link FunctionCrypto}), {@code Buffer} (npm's {@code buffer} package, from the class path), {@code console}, timers
 * and {@code process.env}. Timers run in function time
 * ({@code FunctionTime}, one clock for the calls running together): a lone call's timers fire at once, in order, and
 * move its clock on; a call whose clock passes its timeout, or that runs longer than its timeout on the wall clock,
 * fails with WeChat's timeout error.
 *
 * <p>Answers are JSON, {@code {ok, res}}: {@code res} is {@code {result, requestID}} or WeChat's
 * {@code {errCode, errMsg}}.
 */
public final class CloudFunctions implements AutoCloseable {
  /** WeChat's default timeout of a cloud function (the console's setting, 1–60 s). */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
  /** Nested {@code cloud.callFunction} calls deeper than this fail. */
  static final int MAX_DEPTH = 8;
  /** Idle warm instances kept per function (more are closed when their call ends). */
  static final int MAX_IDLE = 4;
  /** The longest timeout a function's {@code config.json} may set (seconds, WeChat's 1–300 range). */
  static final double MAX_TIMEOUT_SECONDS = 300;
  private static final int MAX_LOGS = 1000;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_\\-]{1,60}");
  private static final String PRELUDE = "sparrow-cloud-function.js";
  /** Where a function's files are in the cloud's runtime, as stack traces there show them. */
  private static final String CODE_FOLDER = "/var/user/";
  /** The database codec page code uses too, evaluated in each function's context and handed to the prelude. */
  private static final String CLOUD_QUERY = "sparrow-cloud-query.js";
  /**
   * npm's {@code buffer} (feross/buffer, what browserify gives for Node's Buffer) and its two dependencies, from
   * their webjars: module name → the file, evaluated as CommonJS in each function's context.
   */
  private static final Map<String, String> PACKAGES = Map.of(
      "buffer", "/META-INF/resources/webjars/buffer/6.0.3/index.js",
      "base64-js", "/META-INF/resources/webjars/base64-js/1.5.1/index.js",
      "ieee754", "/META-INF/resources/webjars/ieee754/1.2.1/index.js");

  /** Who calls: the user's identity as {@code getWXContext} reports it. */
  public record Caller(String appId, String openid, String unionid) {}

  /** One line a function logged ({@code console.log} …). */
  public record LogLine(String function, String requestId, String level, String text) {}

  /** What the functions' {@code wx-server-sdk} reaches: the session's database and storage, server-side. */
  public interface Services {
    /** A wire-form database request (see {@code CloudApis}) under the server rules; answers {@code {ok, res}}. */
    String database(String requestJson);

    /** A storage request ({@code action}: uploadFile, downloadFile, getTempFileURL, deleteFile). */
    String storage(String action, String requestJson);
  }

  private final ObjectMapper json = new ObjectMapper();
  private final Path root;
  private final ExecutorService worker;
  private final ScheduledExecutorService timer;
  private final Services services;
  private final Random random;
  private final String prelude;
  private final String cloudQuery;
  /** {@link #PACKAGES} as CommonJS function sources (the shared engine parses each once). */
  private final Map<String, Source> packages = new HashMap<>();
  private final FunctionCrypto crypto = new FunctionCrypto(new SecureRandom());
  /** Idle warm instances by function name, the last used first; guarded by itself. */
  private final Map<String, ArrayDeque<Instance>> idle = new HashMap<>();
  /** Every open instance, idle or running, to close with the session. */
  private final Set<Instance> live = ConcurrentHashMap.newKeySet();
  private final ArrayDeque<LogLine> logs = new ArrayDeque<>();
  private final FunctionTime time = new FunctionTime();
  private volatile boolean closed;

  /**
   * The functions under {@code root} (null: the project has no {@code cloudfunctionRoot}, every call fails as a
   * missing function), run on {@code worker} (its threads bound how many calls run at once), timed out through
   * {@code timer}.
   */
  public CloudFunctions(Path root, ExecutorService worker, ScheduledExecutorService timer, Services services,
      Random random) {
    this.root = root == null ? null : root.toAbsolutePath().normalize();
    this.worker = worker;
    this.timer = timer;
    this.services = services;
    this.random = random;
    this.prelude = resource("/dev/sparrow/runtime/js/" + PRELUDE);
    this.cloudQuery = resource("/dev/sparrow/runtime/js/" + CLOUD_QUERY);
    PACKAGES.forEach((name, path) -> packages.put(name, Source.newBuilder("js",
        "(function (exports, require, module) {" + resource(path) + "\n})", "node:" + name).buildLiteral()));
  }

  private static String resource(String path) {
    try (InputStream in = CloudFunctions.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code cloudfunctionRoot} of the project in {@code projectDir}, if it names a folder inside it. */
  public static Path rootOf(Path projectDir) {
    Path config = projectDir.resolve("project.config.json");
    try {
      JsonNode node = new ObjectMapper().readTree(Files.readString(config));
      String dir = node.path("cloudfunctionRoot").asText("");
      if (dir.isEmpty()) {
        return null;
      }
      Path base = projectDir.toAbsolutePath().normalize();
      Path folder = base.resolve(dir).normalize();
      return folder.startsWith(base) && Files.isDirectory(folder) ? folder : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Runs function {@code name} of {@code env} with {@code dataJson} as its event, off the caller's thread. */
  public CompletableFuture<String> call(String env, String name, String dataJson, Caller caller) {
    CompletableFuture<String> out = new CompletableFuture<>();
    try {
      worker.execute(() -> {
        time.enter();
        try {
          out.complete(run(env, name, dataJson, caller, 0, List.of()));
        } catch (RuntimeException | Error e) {
          out.complete(fail(-1, "cloud.callFunction", "internal error"));
        } finally {
          time.exit();
        }
      });
    } catch (RejectedExecutionException e) {
      out.complete(fail(-1, "cloud.callFunction", "the session is closed"));
    }
    return out;
  }

  /** The last lines the functions logged, oldest first. */
  public List<LogLine> logs() {
    synchronized (logs) {
      return List.copyOf(logs);
    }
  }

  /**
   * On the worker: one call, with a warm instance or a new one; {@code callers} are the timeout flags of the calls
   * it is nested in (any of them set stops it too).
   */
  private String run(String env, String name, String dataJson, Caller caller, int depth,
      List<AtomicBoolean> callers) {
    String api = depth == 0 ? "cloud.callFunction" : "callFunction";
    Path dir = functionDir(name);
    if (dir == null) {
      return fail(-501000, api, "Error: errCode: -501000  | errMsg: FunctionName parameter could not be found.");
    }
    if (depth > MAX_DEPTH) {
      return fail(-504002, api, executeFail("Error: cloud.callFunction nested deeper than " + MAX_DEPTH));
    }
    Duration timeout = timeoutOf(dir);
    String requestId = requestId();
    Instance current;
    try {
      current = take(name, dir);
    } catch (PolyglotException e) {
      return fail(-504002, api, executeFail("Error: internal error"));
    }
    if (closed) {
      current.closeQuietly();
      return fail(-1, api, "the session is closed");
    }
    // the guard and the end of the call race: whoever sets `ended` first decides the instance's fate
    AtomicBoolean ended = new AtomicBoolean();
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> guard = timer.schedule(() -> {
      if (ended.compareAndSet(false, true)) {
        timedOut.set(true);
        time.wake(); // a call waiting for function time gives up
        current.closeQuietly();
      }
    }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    List<AtomicBoolean> chain = new ArrayList<>(callers);
    chain.add(timedOut);
    BooleanSupplier stop = () -> closed || chain.stream().anyMatch(AtomicBoolean::get);
    boolean reusable = false;
    String answer;
    try {
      current.open(caller, env, depth, chain);
      ObjectNode context = json.createObjectNode().put("request_id", requestId).put("function_name", name)
          .put("function_version", "$LATEST").put("namespace", env).put("memory_limit_in_mb", 256)
          .put("time_limit_in_ms", timeout.toMillis()).put("callbackWaitsForEmptyEventLoop", false);
      ObjectNode event = eventOf(dataJson, caller);
      long start = time.now();
      current.runtime.invokeMember("start", event.toString(), context.toString(), requestId);
      JsonNode out;
      for (;;) {
        // each step is a call of its own, so that the promise jobs of the last one have run
        out = json.readTree(current.runtime.invokeMember("peek", (double) timeout.toMillis()).asString());
        if (!out.path("state").asText().equals("pending")
            || !time.reach(start + (long) Math.ceil(out.path("due").asDouble()), stop)) {
          break;
        }
        current.runtime.invokeMember("fire");
      }
      switch (out.path("state").asText()) {
        case "done": {
          ObjectNode res = json.createObjectNode();
          JsonNode result = out.has("result") ? out.get("result") : null;
          res.set("result", result == null ? json.nullNode() : result);
          res.put("requestID", requestId).put("errMsg", api + ":ok");
          answer = json.createObjectNode().put("ok", true).set("res", res).toString();
          reusable = true;
          break;
        }
        case "timeout":
        case "pending": // stopped while waiting for its timer: timed out, or the session closed
          answer = timedOut(api, timeout);
          break;
        default: // a host call the timeout stopped (pbkdf2) may fail the call before the context is cancelled
          answer = timedOut.get() ? timedOut(api, timeout)
              : fail(-504002, api, executeFail(out.path("error").asText("Error")));
          reusable = true; // a thrown error leaves the instance warm, as in WeChat
      }
    } catch (PolyglotException e) {
      boolean late = timedOut.get() || e.isCancelled() || e.isInterrupted();
      answer = late ? timedOut(api, timeout) : fail(-504002, api, executeFail(e.getMessage()));
    } catch (IOException | RuntimeException e) {
      answer = timedOut.get() ? timedOut(api, timeout) : fail(-504002, api, executeFail("Error: internal error"));
    } finally {
      guard.cancel(false);
    }
    if (ended.compareAndSet(false, true) && reusable && !closed) {
      release(current);
    } else {
      current.closeQuietly(); // timed out (the guard closes it too), broken, or the session is closing
    }
    return answer;
  }

  /** An idle warm instance of function {@code name}, or a new one. */
  private Instance take(String name, Path dir) {
    synchronized (idle) {
      ArrayDeque<Instance> free = idle.get(name);
      Instance warm = free == null ? null : free.pollFirst();
      if (warm != null) {
        return warm;
      }
    }
    return new Instance(name, dir);
  }

  /** An instance whose call has ended becomes idle, unless enough of its function already are. */
  private void release(Instance instance) {
    synchronized (idle) {
      ArrayDeque<Instance> free = idle.computeIfAbsent(instance.name, n -> new ArrayDeque<>());
      if (free.size() < MAX_IDLE) {
        free.addFirst(instance);
        return;
      }
    }
    instance.closeQuietly();
  }

  private ObjectNode eventOf(String dataJson, Caller caller) throws IOException {
    JsonNode data = dataJson == null || dataJson.isEmpty() ? null : json.readTree(dataJson);
    ObjectNode event = data != null && data.isObject() ? (ObjectNode) data : json.createObjectNode();
    event.putObject("userInfo").put("appId", caller.appId()).put("openId", caller.openid());
    return event;
  }

  private static String executeFail(String why) {
    return "Error: errCode: -504002 functions execute fail | errMsg: " + why;
  }

  private String timedOut(String api, Duration timeout) {
    double seconds = timeout.toMillis() / 1000.0;
    String text = seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    return fail(-504003, api, "Error: errCode: -504003  | errMsg: Invoking task timed out after " + text
        + " seconds");
  }

  private String fail(int code, String api, String reason) {
    ObjectNode out = json.createObjectNode().put("ok", false);
    out.putObject("res").put("errCode", code).put("errMsg", api + ":fail " + reason);
    return out.toString();
  }

  private String requestId() {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }

  /** The folder of function {@code name} if it has an entry file, else null. */
  private Path functionDir(String name) {
    if (root == null || name == null || !NAME.matcher(name).matches()) {
      return null;
    }
    Path dir = root.resolve(name);
    return Files.isRegularFile(dir.resolve("index.js")) || Files.isRegularFile(dir.resolve("package.json"))
        ? dir : null;
  }

  /** {@code config.json}'s {@code timeout} (seconds) when given, else {@link #DEFAULT_TIMEOUT}. */
  private Duration timeoutOf(Path dir) {
    try {
      JsonNode t = json.readTree(Files.readString(dir.resolve("config.json"))).path("timeout");
      if (t.isNumber() && t.asDouble() > 0) {
        return Duration.ofMillis(Math.round(Math.min(t.asDouble(), MAX_TIMEOUT_SECONDS) * 1000));
      }
    } catch (IOException | RuntimeException e) {
      // no config.json, or not JSON: the default
    }
    return DEFAULT_TIMEOUT;
  }

  private void log(LogLine line) {
    synchronized (logs) {
      if (logs.size() == MAX_LOGS) {
        logs.removeFirst();
      }
      logs.addLast(line);
    }
  }

  /** Closes every instance (cancelling a call under way, which then answers as timed out); later calls fail. */
  @Override
  public void close() {
    closed = true;
    time.wake();
    synchronized (idle) {
      idle.clear();
    }
    List.copyOf(live).forEach(Instance::closeQuietly);
  }

  /** One function's context: the prelude's runtime and the host object it calls. */
  private final class Instance {
    final String name;
    final Path dir;
    final Context context;
    final Value runtime;
    final Host host;

    Instance(String name, Path dir) {
      this.name = name;
      this.dir = dir;
      this.context = JsEngine.newContext();
      this.host = new Host(this);
      try {
        Value factory = context.eval(Source.newBuilder("js", prelude, PRELUDE).buildLiteral());
        Value codec = context.eval(Source.newBuilder("js", cloudQuery, CLOUD_QUERY).buildLiteral()).execute();
        Value modules = context.eval("js", "({})");
        packages.forEach((module, source) -> modules.putMember(module, context.eval(source)));
        this.runtime = factory.execute(host, codec, modules);
      } catch (PolyglotException e) {
        context.close(true);
        throw e;
      }
      live.add(this);
    }

    void open(Caller caller, String env, int depth, List<AtomicBoolean> chain) {
      host.caller = caller;
      host.env = env;
      host.depth = depth;
      host.chain = chain;
    }

    void closeQuietly() {
      live.remove(this);
      try {
        context.close(true);
      } catch (RuntimeException e) {
        // closing a cancelled context: nothing left to do
      }
    }
  }

  /** What a function's context may call; every member is listed here. */
  public final class Host {
    private final Instance instance;
    private Caller caller;
    private String env;
    private int depth;
    private List<AtomicBoolean> chain = List.of();
    private String requestId = "";

    Host(Instance instance) {
      this.instance = instance;
    }

    /** The text of a file of the function (path relative to its folder, {@code /}-separated), or null. */
    @HostAccess.Export
    public String source(String path) {
      Path file = inside(path);
      try {
        return file != null && Files.isRegularFile(file) ? Files.readString(file) : null;
      } catch (IOException e) {
        return null;
      }
    }

    @HostAccess.Export
    public boolean isFile(String path) {
      Path file = inside(path);
      return file != null && Files.isRegularFile(file);
    }

    /**
     * Compiles a CommonJS module's text as a function of (exports, require, module, __filename, __dirname), named
     * as the cloud names it ({@code /var/user/<path>}, SCF's code folder) so that stacks read as WeChat's do.
     */
    @HostAccess.Export
    public Value compile(String path, String text) {
      String wrapped = "(function (exports, require, module, __filename, __dirname) {" + text + "\n})";
      return instance.context.eval(Source.newBuilder("js", wrapped, CODE_FOLDER + path).buildLiteral());
    }

    @HostAccess.Export
    public String wxContext() {
      ObjectNode c = json.createObjectNode().put("OPENID", caller.openid()).put("APPID", caller.appId())
          .put("UNIONID", caller.unionid()).put("ENV", env).put("SOURCE", "wx_client");
      return c.toString();
    }

    @HostAccess.Export
    public String env() {
      return env;
    }

    @HostAccess.Export
    public String database(String requestJson) {
      return services.database(requestJson);
    }

    @HostAccess.Export
    public String storage(String action, String requestJson) {
      return services.storage(action, requestJson);
    }

    /** A nested {@code cloud.callFunction}: runs on this thread, in the callee's own context. */
    @HostAccess.Export
    public String callFunction(String targetEnv, String name, String dataJson) {
      if (closed) {
        return fail(-1, "callFunction", "the session is closed");
      }
      String before = env;
      Caller who = caller;
      int level = depth;
      List<AtomicBoolean> mine = chain;
      try {
        return run(targetEnv, name, dataJson, who, level + 1, mine);
      } finally {
        instance.open(who, before, level, mine);
      }
    }

    /** Node crypto's digest names, comma-separated. */
    @HostAccess.Export
    public String hashes() {
      return String.join(",", FunctionCrypto.NAMES);
    }

    /** The digest of {@code data} (base64), base64; null for an algorithm Node's table lacks. */
    @HostAccess.Export
    public String digest(String algorithm, String data) {
      return crypto.digest(algorithm, data);
    }

    @HostAccess.Export
    public String hmac(String algorithm, String key, String data) {
      return crypto.hmac(algorithm, key, data);
    }

    /** PBKDF2; stops (null) when the call times out or the session closes. */
    @HostAccess.Export
    public String pbkdf2(String algorithm, String password, String salt, int iterations, int length) {
      List<AtomicBoolean> mine = chain;
      return crypto.pbkdf2(algorithm, password, salt, iterations, length,
          () -> closed || mine.stream().anyMatch(AtomicBoolean::get));
    }

    @HostAccess.Export
    public String randomBytes(int n) {
      return crypto.randomBytes(n);
    }

    @HostAccess.Export
    public void requestId(String id) {
      this.requestId = id;
    }

    @HostAccess.Export
    public void log(String level, String text) {
      CloudFunctions.this.log(new LogLine(instance.name, requestId, level, text));
    }

    private Path inside(String path) {
      if (path == null) {
        return null;
      }
      try {
        Path file = instance.dir.resolve(path).normalize();
        return file.startsWith(instance.dir) ? file : null;
      } catch (InvalidPathException e) {
        return null;
      }
    }
  }
}
