package dev.sparrow.runtime.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparrow.apis.device.Scheduler;
import dev.sparrow.runtime.ConsoleMessage;
import dev.sparrow.runtime.ScriptError;
import dev.sparrow.runtime.bridge.JsValues;
import dev.sparrow.runtime.bridge.WxBridge;
import dev.sparrow.runtime.js.EventLoop;
import dev.sparrow.runtime.js.JsEngine;
import dev.sparrow.runtime.js.ModuleSources;
import dev.sparrow.runtime.js.ScriptCompiler;
import dev.sparrow.view.ModelUpdate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * The session's JavaScript world: one sandboxed GraalJS context on the session's loop thread, the
 * base library ({@code sparrow-base.js}) and the host functions it calls (console, timers, modules,
 * setData). Every call from Java into page code goes through {@link #call}, which turns a runaway
 * script's interruption or an engine failure into a reported {@link ScriptError} so the session
 * goes on.
 */
public final class LogicLayer implements AutoCloseable {
  /** What the logic layer tells the rest of the session. */
  public interface Sink {
    void console(ConsoleMessage message);

    void error(ScriptError error);

    /** A page called setData: {@code json} is the payload; run {@code callback} (may be null) once the view has it. */
    void setData(int pageId, String json, Value callback);

    /** A custom component (instance {@code instance} of page {@code pageId}) called setData. */
    void setComponentData(int pageId, int instance, String json, Value callback);

    /**
     * The handlers a component's {@code triggerEvent} reaches, as a JSON array of {@code {instance, handler,
     * event}} (the event without its detail, which the logic layer passes by reference).
     */
    String componentEvent(int pageId, int instance, String type, boolean bubbles, boolean composed, boolean capturePhase);

    /** JSON array of what relations see above a component: ancestor instances, 0 for plain elements, nearest first. */
    String componentAncestors(int pageId, int instance);

    /** JSON array of the page's component instances in document order. */
    String componentOrder(int pageId);

    /** JSON array of the component instances {@code selector} finds in the template of {@code instance}; null when invalid. */
    String selectComponents(int pageId, int instance, String selector);

    /** What a SelectorQuery learns about the matched elements (JSON); null for a malformed selector. */
    String queryNodes(int pageId, int instance, String selector);

    /** The layout of elements, as JSON (see Screen#measure), or null without one; {@code answer} runs on the loop. */
    void measure(int pageId, String request, Consumer<String> answer);

    /** {@code this.animate} on elements {@code nodes}: {@code keyframes} as page code gave them (JSON array). */
    void animate(int pageId, List<Integer> nodes, JsonNode keyframes,
        long duration);

    /** {@code this.clearAnimation} on elements {@code nodes}: the keyframe properties to drop, null for all. */
    void clearAnimation(int pageId, List<Integer> nodes, Set<String> properties);

    /** A VideoContext method on the {@code <video>} with id {@code id} in the template of {@code instance}. */
    default void videoContext(int pageId, int instance, String id, String method, List<JsonNode> args) {}
  }

  private static final Source BASE = load("sparrow-base.js");
  private static final Source COMPONENTS = load("sparrow-components.js");
  private static final Source CANVAS = load("sparrow-canvas.js");
  private static final Source ANIMATION = load("sparrow-animation.js");
  private static final Source OBSERVERS = load("sparrow-observers.js");
  private static final Source CLOUD_QUERY = load("sparrow-cloud-query.js");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EventLoop loop;
  private final ModuleSources modules;
  private final Sink sink;
  private final Context context;
  private final Value sparrow;
  private final JsValues values;
  private final Map<Integer, PendingTimer> timers = new HashMap<>();
  private final Value fireTimer;
  /** Where page code runs now (the current page's route), read when a timer is set outside a timer's callback. */
  private Supplier<String> where = () -> "app";
  /** Where the timer whose callback runs now was first set; null outside timer callbacks. */
  private String firing;

  /**
   * A timer of page code: when it is due (session time) and where it was set — the page current then, or for a
   * timer set in a timer's callback (a setTimeout chain, a setInterval) where that timer was set, so that work which
   * outlives its page is still named after it.
   */
  private record PendingTimer(Scheduler.Cancellable handle, long due, String origin) {}

  /** Must be constructed on the loop thread, which becomes the context's only user. */
  public LogicLayer(EventLoop loop, ModuleSources modules, WxBridge bridge, Sink sink) {
    if (!loop.inLoop()) {
      throw new IllegalStateException("the logic layer must be created on its loop thread");
    }
    this.loop = loop;
    this.modules = modules;
    this.sink = sink;
    this.context = JsEngine.newContext();
    Value factory = context.eval(BASE);
    this.sparrow = factory.execute(new Host(), bridge, context.eval(COMPONENTS), context.eval(CANVAS),
        context.eval(ANIMATION), context.eval(OBSERVERS), context.eval(CLOUD_QUERY));
    this.values = new JsValues(sparrow);
    bridge.attach(values);
    this.fireTimer = sparrow.getMember("fireTimer");
  }

  public Context context() {
    return context;
  }

  /** What names the place page code runs now (the current page's route); timers remember it. Loop thread. */
  public void where(Supplier<String> where) {
    this.where = where;
  }

  /**
   * Where the timers due by {@code epochMillis} (session time) were set (see {@link PendingTimer}), sorted: what
   * keeps the loop busy when a timer chain never ends. Loop thread.
   */
  public Set<String> timersDueBy(long epochMillis) {
    Set<String> out = new TreeSet<>();
    for (PendingTimer t : timers.values()) {
      if (t.due() <= epochMillis) {
        out.add(t.origin());
      }
    }
    return out;
  }

  public JsValues values() {
    return values;
  }

  /** A member of the base library's host-facing object ({@code createPage}, {@code callHook}…). */
  public Value fn(String name) {
    return sparrow.getMember(name);
  }

  /**
   * Calls into JavaScript. A runaway script that the watchdog interrupted, or any other engine
   * failure, is reported as a {@link ScriptError} with {@code origin}; the result is then null.
   */
  public Value call(String origin, Value fn, Object... args) {
    try {
      return fn.execute(args);
    } catch (PolyglotException e) {
      report(e, origin);
      return null;
    }
  }

  /** Writes a {@code model:} binding's value into its owner's data (the page, or component {@code m.instance()}). */
  public void writeModel(int pageId, ModelUpdate m) {
    call("model:" + m.path(), fn("modelUpdate"), pageId, m.instance(), m.path(), m.value().toString());
  }

  /** Turns an engine exception into a reported {@link ScriptError}. */
  public void report(PolyglotException e, String origin) {
    if (e.isInterrupted() || e.isCancelled()) {
      StringBuilder stack = new StringBuilder();
      for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
        if (f.isGuestFrame() && f.getSourceLocation() != null) {
          stack.append("    at ").append(f.getRootName()).append(" (").append(f.getSourceLocation().getSource().getName())
              .append(':').append(f.getSourceLocation().getStartLine()).append(':').append(f.getSourceLocation().getStartColumn()).append(")\n");
        }
      }
      sink.error(ScriptError.of("Error: script ran too long and was interrupted (runaway loop?)",
          modules.originalPlaces(stack.toString()), origin));
      return;
    }
    if (e.isSyntaxError() && e.getSourceLocation() != null) {
      sink.error(syntaxError(e, origin));
      return;
    }
    if (e.isGuestException()) {
      sink.error(thrown(e, origin));
      return;
    }
    sink.error(ScriptError.of("internal error: " + e.getMessage(), "", origin));
  }

  /**
   * What page code threw ({@code e}, a guest exception), located in the source: the places of its message and stack
   * as the project's files have them ({@link ModuleSources#originalPlaces}).
   */
  public ScriptError thrown(PolyglotException e, String origin) {
    Value guest = e.isGuestException() ? e.getGuestObject() : null;
    String stack = guest != null && guest.hasMember("stack")
        ? String.valueOf(guest.getMember("stack")) : e.getMessage();
    return ScriptError.of(modules.originalPlaces(e.getMessage()), modules.originalPlaces(stack), origin);
  }

  /** Checks a package file's JavaScript syntax without running it; returns the error, if any. */
  public ScriptError checkSyntax(String path) {
    try {
      context.parse(modules.syntaxSource(path));
      return null;
    } catch (ScriptCompiler.CompileError e) {
      return compileError(e, "load " + path);
    } catch (PolyglotException e) {
      return e.getSourceLocation() == null ? ScriptError.of(e.getMessage(), e.getMessage(), "load " + path) : syntaxError(e, "load " + path);
    }
  }

  /**
   * A syntax error located at its file, line and column; the message without the engine's repeated
   * location and source excerpt ({@code "SyntaxError: Expected an operand but found ;"}).
   */
  private ScriptError syntaxError(PolyglotException e, String origin) {
    var loc = e.getSourceLocation();
    int[] at = modules.original(loc.getSource().getName(), loc.getStartLine(), loc.getStartColumn());
    String first = e.getMessage().lines().findFirst().orElse("SyntaxError");
    String message = first.replaceFirst("^(SyntaxError: )?\\S+:\\d+:\\d+ ", "SyntaxError: ");
    if (!message.startsWith("SyntaxError")) {
      message = "SyntaxError: " + message;
    }
    return new ScriptError(message, e.getMessage(), loc.getSource().getName(), at[0], at[1], origin);
  }

  /** A module that did not compile (ES module or TypeScript syntax), located in its source file. */
  static ScriptError compileError(ScriptCompiler.CompileError e, String origin) {
    String where = e.file() + (e.line() > 0 ? ":" + e.line() + ":" + e.column() : "");
    String stack = e.getMessage() + "\n    at " + where;
    return new ScriptError(e.getMessage(), stack, e.file(), e.line(), e.column(), origin);
  }

  @Override
  public void close() {
    timers.values().forEach(t -> t.handle().cancel());
    timers.clear();
    try {
      context.close(true);
    } catch (RuntimeException ignored) {
      // closing a context that is being cancelled may complain; the session is going away anyway
    }
  }

  private void fire(int id) {
    PendingTimer t = timers.remove(id);
    String outer = firing;
    firing = t == null ? null : t.origin();
    try {
      call("timer", fireTimer, id);
    } finally {
      firing = outer;
    }
  }

  /** The functions the base library calls; nothing else of Java is reachable from page code. */
  public final class Host {
    @HostAccess.Export
    public void console(String level, String text) {
      sink.console(new ConsoleMessage(level, text));
    }

    @HostAccess.Export
    public void uncaught(String message, String stack, String origin) {
      sink.error(ScriptError.of(modules.originalPlaces(message), modules.originalPlaces(stack), origin));
    }

    /** A stack or message with its places in the project's source files (see ModuleSources#originalPlaces). */
    @HostAccess.Export
    public String originalPlaces(String text) {
      return modules.originalPlaces(text);
    }

    @HostAccess.Export
    public double now() {
      return loop.clock().epochMillis();
    }

    @HostAccess.Export
    public void setTimer(int id, double delay) {
      String origin = firing != null ? firing : where.get();
      long due = loop.clock().epochMillis() + (long) delay;
      PendingTimer old = timers.put(id, new PendingTimer(loop.schedule((long) delay, () -> fire(id)), due, origin));
      if (old != null) {
        old.handle().cancel();
      }
    }

    @HostAccess.Export
    public void clearTimer(int id) {
      PendingTimer t = timers.remove(id);
      if (t != null) {
        t.handle().cancel();
      }
    }

    @HostAccess.Export
    public String resolveModule(String from, String request) {
      return modules.resolve(from, request).orElse(null);
    }

    /** The error message for a require that found nothing when an app.json resolveAlias rule matched; else null. */
    @HostAccess.Export
    public String aliasNotDefined(String request) {
      return modules.aliasNotDefined(request).orElse(null);
    }

    /** The module function, or a string (already reported) when the file has a syntax error. */
    @HostAccess.Export
    public Object compileModule(String path) {
      try {
        // compiling is parsing, not running page code: a large bundle's parse does not count as a runaway script
        Object compiled = context.eval(modules.source(path));
        loop.restartTaskClock();
        return compiled;
      } catch (ScriptCompiler.CompileError e) {
        sink.error(compileError(e, "load " + path));
        return e.getMessage();
      } catch (PolyglotException e) {
        if (e.isSyntaxError()) {
          report(e, "load " + path);
          return e.getMessage();
        }
        throw e;
      }
    }

    @HostAccess.Export
    public void setData(int pageId, String json, Value callback) {
      sink.setData(pageId, json, callback);
    }

    @HostAccess.Export
    public void setComponentData(int pageId, int instance, String json, Value callback) {
      sink.setComponentData(pageId, instance, json, callback);
    }

    @HostAccess.Export
    public String componentEvent(int pageId, int instance, String type, boolean bubbles, boolean composed, boolean capturePhase) {
      return sink.componentEvent(pageId, instance, type, bubbles, composed, capturePhase);
    }

    @HostAccess.Export
    public String componentAncestors(int pageId, int instance) {
      return sink.componentAncestors(pageId, instance);
    }

    @HostAccess.Export
    public String componentOrder(int pageId) {
      return sink.componentOrder(pageId);
    }

    @HostAccess.Export
    public String selectComponents(int pageId, int instance, String selector) {
      return sink.selectComponents(pageId, instance, selector);
    }

    @HostAccess.Export
    public String queryNodes(int pageId, int instance, String selector) {
      return sink.queryNodes(pageId, instance, selector);
    }

    @HostAccess.Export
    public void measure(int pageId, String request, Value callback) {
      sink.measure(pageId, request, json -> callback.executeVoid(json));
    }

    /** {@code this.animate}: {@code nodes} a JSON array of node ids, {@code keyframes} a JSON array. */
    @HostAccess.Export
    public void animate(int pageId, String nodes, String keyframes, double duration) {
      try {
        sink.animate(pageId, ids(nodes), JSON.readTree(keyframes), (long) Math.max(0, duration));
      } catch (IOException bad) {
        // the base library sends JSON it made
      }
    }

    /** {@code this.clearAnimation}: {@code properties} a JSON array of names, or null for all. */
    @HostAccess.Export
    public void clearAnimation(int pageId, String nodes, String properties) {
      try {
        Set<String> names = null;
        if (properties != null) {
          names = new HashSet<>();
          for (JsonNode n : JSON.readTree(properties)) {
            names.add(n.asText());
          }
        }
        sink.clearAnimation(pageId, ids(nodes), names);
      } catch (IOException bad) {
        // the base library sends JSON it made
      }
    }

    /** A VideoContext method; {@code args} a JSON array of its arguments. */
    @HostAccess.Export
    public void videoContext(int pageId, int instance, String id, String method, String args) {
      try {
        List<JsonNode> list = new ArrayList<>();
        JSON.readTree(args).forEach(list::add);
        sink.videoContext(pageId, instance, id, method, list);
      } catch (IOException bad) {
        // the base library sends JSON it made
      }
    }

    private List<Integer> ids(String nodes) throws IOException {
      List<Integer> out = new ArrayList<>();
      for (JsonNode n : JSON.readTree(nodes)) {
        out.add(n.asInt());
      }
      return out;
    }
  }

  private static Source load(String name) {
    try (InputStream in = LogicLayer.class.getResourceAsStream("/dev/sparrow/runtime/js/" + name)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Source.newBuilder("js", text, name).cached(true).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
