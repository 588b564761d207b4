package dev.sparrow.view.wxs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.sparrow.view.expr.Js;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * The WXS modules of one page, evaluated lazily in one sandboxed context and cached (a module's top level runs once,
 * as in WeChat). Modules see {@code module}, {@code exports}, {@code require} (other {@code .wxs} files, relative to
 * the requiring file), {@code getDate(...)} and {@code getRegExp(pattern, flags)}. A module whose top level throws
 * is {@code undefined}. Not thread-safe: one page renders on one thread at a time.
 *
 * <p>A WXS call (or module top level) running longer than {@link #TIME_LIMIT_MS} is cancelled: the context is
 * closed, that call and every later WXS value of the page read as {@code undefined}, and rendering goes on.
 */
public final class WxsRuntime implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final String PRELUDE =
      "(function(){\n"
          + "  var getDate = function(){ var a = Array.prototype.slice.call(arguments);"
          + " a.unshift(null); return new (Function.prototype.bind.apply(Date, a))(); };\n"
          + "  var getRegExp = function(p, f){ return f === undefined ? new RegExp(p) : new RegExp(p, f); };\n"
          + "  return function(loader, code){ var module = {exports: {}};\n"
          + "    var fn = new Function('module', 'exports', 'require', 'getDate', 'getRegExp', code);\n"
          + "    fn(module, module.exports, loader, getDate, getRegExp); return module.exports; };\n"
          + "})()";
  private static final String TO_JSON =
      "(function(v){ return JSON.stringify(v, function(k, x){ return typeof x === 'function' ? null : x; }); })";

  /** Longest a single WXS call may run before the page's WXS context is cancelled. */
  public static final long TIME_LIMIT_MS = 2_000;
  private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "sparrow-wxs-watchdog");
    t.setDaemon(true);
    return t;
  });

  private final Map<String, WxsModuleSource> sources;
  private boolean dead;
  private final Map<String, JsonNode> cache = new HashMap<>();
  private Context context;
  private Value define;
  private Value toJson;
  private Value parseJson;
  private Value undefinedValue;

  public WxsRuntime(Map<String, WxsModuleSource> sources) {
    this.sources = new HashMap<>(sources);
  }

  /**
   * Makes more modules loadable (ids are file paths or {@code file#name}, so they never clash): a page shares one
   * runtime between its own template and every component's, and each module's top level runs once per page, as
   * WeChat keeps one module instance per webview.
   */
  public void add(Map<String, WxsModuleSource> more) {
    more.forEach(sources::putIfAbsent);
  }

  /** The exports of module {@code id} as an expression value, or {@code undefined}. */
  public JsonNode module(String id) {
    JsonNode cached = cache.get(id);
    if (cached != null) {
      return cached;
    }
    JsonNode value = Js.UNDEFINED;
    Value exports = load(id);
    if (exports != null) {
      value = wrap(exports);
    }
    cache.put(id, value);
    return value;
  }

  private final Map<String, Value> loaded = new HashMap<>();

  private Value load(String id) {
    if (loaded.containsKey(id)) {
      return loaded.get(id);
    }
    WxsModuleSource src = sources.get(id);
    if (src == null) {
      return null;
    }
    if (dead) {
      return null;
    }
    ensureContext();
    loaded.put(id, null); // cycles see undefined, like an unfinished CommonJS module
    try {
      Value loader = context.asValue((org.graalvm.polyglot.proxy.ProxyExecutable) args -> {
        String path = args.length > 0 && args[0].isString() ? args[0].asString() : "";
        Value v = load(WxsPaths.resolve(src.path(), path));
        return v;
      });
      Value exports = guarded(() -> define.execute(loader, src.code()));
      loaded.put(id, exports);
      return exports;
    } catch (PolyglotException | IllegalStateException e) {
      return null;
    }
  }

  /** Runs {@code action} under the time limit; a timeout cancels the context for good. */
  <T> T guarded(Supplier<T> action) {
    if (dead) {
      throw new IllegalStateException("WXS context was cancelled");
    }
    Context c = context;
    ScheduledFuture<?> timer = WATCHDOG.schedule(() -> c.close(true), TIME_LIMIT_MS, TimeUnit.MILLISECONDS);
    try {
      return action.get();
    } catch (PolyglotException e) {
      if (e.isCancelled()) {
        dead = true;
      }
      throw e;
    } finally {
      timer.cancel(false);
    }
  }

  private void ensureContext() {
    if (context == null) {
      context = WxsEngine.newContext();
      define = context.eval(Source.create("js", PRELUDE));
      toJson = context.eval("js", TO_JSON);
      parseJson = context.eval("js", "(function(s){ return JSON.parse(s); })");
      undefinedValue = context.eval("js", "undefined");
    }
  }

  JsonNode wrap(Value v) {
    if (v == null || v.isNull()) {
      return v != null && !isUndefined(v) ? Js.NULL : Js.UNDEFINED;
    }
    if (v.isBoolean()) {
      return Js.bool(v.asBoolean());
    }
    if (v.isNumber()) {
      return Js.number(v.asDouble());
    }
    if (v.isString()) {
      return Js.string(v.asString());
    }
    if (v.hasArrayElements() && !v.canExecute()) {
      return copy(v);
    }
    if (v.canExecute() || v.hasMembers()) {
      return new POJONode(new WxsValue(this, v));
    }
    return Js.UNDEFINED;
  }

  private static boolean isUndefined(Value v) {
    return v.isNull() && "undefined".equals(v.toString());
  }

  /** Deep JSON copy of a JS value (functions become null, as WeChat's copy does). */
  JsonNode copy(Value v) {
    if (!v.hasMembers() || v.canExecute()) {
      return v.canExecute() ? Js.NULL : wrap(v);
    }
    try {
      Value s = toJson.execute(v);
      return s.isString() ? JSON.readTree(s.asString()) : Js.UNDEFINED;
    } catch (Exception e) {
      return Js.UNDEFINED;
    }
  }

  Value toJs(JsonNode node) {
    if (Js.isUndefined(node)) {
      return undefinedValue;
    }
    if (node.isContainerNode()) {
      return parseJson.execute(Js.jsonValue(node).toString());
    }
    if (node.isTextual()) {
      return context.asValue(node.textValue());
    }
    if (node.isNumber()) {
      return context.asValue(node.doubleValue());
    }
    if (node.isBoolean()) {
      return context.asValue(node.booleanValue());
    }
    return context.asValue(null);
  }

  @Override
  public void close() {
    if (context != null) {
      try {
        context.close(true);
      } catch (RuntimeException e) {
        // already cancelled
      }
      context = null;
    }
  }
}
