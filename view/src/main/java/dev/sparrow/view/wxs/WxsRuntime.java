package dev.sparrow.view.wxs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.sparrow.view.expr.Js;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * The WXS modules of one page, evaluated lazily in one sandboxed context and cached (a module's top level runs once,
 * as in WeChat). Modules see {@code module}, {@code exports}, {@code require} (other {@code .wxs} files, relative to
 * the requiring file), {@code getDate(...)} and {@code getRegExp(pattern, flags)}. A module whose top level throws
 * is {@code undefined}. Not thread-safe: one page renders on one thread at a time.
 *
 * <p>A WXS call (or module top level) running longer than its {@link WxsWatchdog}'s limit is cancelled: the
 * context is closed, that call and every later WXS value of the page read as {@code undefined}, and rendering goes
 * on.
 */
public final class WxsRuntime implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  /**
   * Makes the context WeChat's WXS runtime: only the globals and members that runtime has (a module sees no
   * {@code Object}, {@code Array}, {@code String}…, strings have no {@code substr}, functions no {@code call} or
   * {@code apply}), {@code constructor} is the type's name ({@code [].constructor === 'Array'}, through the
   * {@code nv_constructor} that {@link WxsSource} reads) and a function prints as {@code [function Function]}.
   * Returns the module loader.
   */
  private static final String PRELUDE = """
      (function (global) {
        var F = Function, O = Object, names = O.getOwnPropertyNames, define = O.defineProperty;
        var bindApply = F.prototype.apply.bind(F.prototype.bind), slice = F.prototype.call.bind(Array.prototype.slice);
        var MEMBERS = {
          Object: [O.prototype, 'constructor toString'],
          Function: [F.prototype, 'constructor length toString'],
          Array: [Array.prototype, 'toString join constructor concat pop push reverse shift slice sort splice unshift'
              + ' indexOf lastIndexOf every some forEach map filter reduce reduceRight length'],
          String: [String.prototype, 'constructor toString valueOf charAt charCodeAt concat indexOf lastIndexOf'
              + ' localeCompare match replace search slice split substring toLowerCase toLocaleLowerCase toUpperCase'
              + ' toLocaleUpperCase trim length'],
          Boolean: [Boolean.prototype, 'constructor toString valueOf'],
          Number: [Number.prototype, 'constructor toString toLocaleString valueOf toFixed toExponential toPrecision'],
          Date: [Date.prototype, 'constructor toString toDateString toTimeString toLocaleString toLocaleDateString'
              + ' toLocaleTimeString valueOf getTime getFullYear getUTCFullYear getMonth getUTCMonth getDate getUTCDate'
              + ' getDay getUTCDay getHours getUTCHours getMinutes getUTCMinutes getSeconds getUTCSeconds'
              + ' getMilliseconds getUTCMilliseconds getTimezoneOffset setTime setMilliseconds setUTCMilliseconds'
              + ' setSeconds setUTCSeconds setMinutes setUTCMinutes setHours setUTCHours setDate setUTCDate setMonth'
              + ' setUTCMonth setFullYear setUTCFullYear toUTCString toISOString toJSON'],
          RegExp: [RegExp.prototype, 'constructor exec test toString source global ignoreCase multiline lastIndex']
        };
        var STATICS = [[Number, 'MAX_VALUE MIN_VALUE NEGATIVE_INFINITY POSITIVE_INFINITY'], [Date, 'parse UTC now'],
          [Math, 'E LN10 LN2 LOG2E LOG10E PI SQRT1_2 SQRT2 abs acos asin atan atan2 ceil cos exp floor log max min pow'
              + ' random round sin sqrt tan'],
          [JSON, 'stringify parse'], [console, 'log']];
        var GLOBALS = ' Math JSON Number Date parseInt parseFloat isNaN isFinite encodeURI encodeURIComponent decodeURI'
            + ' decodeURIComponent console Infinity NaN undefined ';
        function keep(target, allowed) {
          var own = names(target);
          for (var i = 0; i < own.length; i++) {
            if ((' ' + allowed + ' ').indexOf(' ' + own[i] + ' ') < 0) {
              try { delete target[own[i]]; } catch (e) { /* not configurable: stays */ }
            }
          }
        }
        var toText = function () { return '[function Function]'; };
        for (var type in MEMBERS) {
          keep(MEMBERS[type][0], MEMBERS[type][1]);
          define(MEMBERS[type][0], 'nv_constructor', { value: type, writable: true, configurable: true });
        }
        define(F.prototype, 'toString', { value: toText, writable: true, configurable: true });
        for (var s = 0; s < STATICS.length; s++) {
          keep(STATICS[s][0], STATICS[s][1]);
        }
        var hidden = names(global).filter(function (n) {
          return GLOBALS.indexOf(' ' + n + ' ') < 0 && n !== 'eval' && /^[A-Za-z_$][\\w$]*$/.test(n);
        });
        var getDate = function () {
          var a = slice(arguments);
          a.unshift(null);
          return new (bindApply(Date, a))();
        };
        var getRegExp = function (p, f) { return f === undefined ? new RegExp(p) : new RegExp(p, f); };
        var params = ['module', 'exports', 'require', 'getDate', 'getRegExp'].concat(hidden).join(',');
        return function (loader, code) {
          var module = { exports: {} };
          var fn = new F(params, code);
          fn(module, module.exports, loader, getDate, getRegExp);
          return module.exports;
        };
      })(this)
      """;
  private static final String TO_JSON =
      "(function(v){ return JSON.stringify(v, function(k, x){ return typeof x === 'function' ? null : x; }); })";


  private final Map<String, WxsModuleSource> sources;
  private final WxsWatchdog watchdog;
  /** Whether {@link #close} closes the watchdog (made here) too. */
  private final boolean ownsWatchdog;
  /** {@code getState()} objects of ComponentDescriptors, by element node id: they last as long as the page. */
  private final Map<Integer, Value> states = new HashMap<>();
  private final Map<String, JsonNode> cache = new HashMap<>();
  private final Map<String, Value> loaded = new HashMap<>();
  private boolean dead;
  private Context context;
  private Value define;
  private Value toJson;
  private Value parseJson;
  private Value undefinedValue;

  /** A runtime whose calls {@code watchdog} (its owner's, who closes it) limits. */
  public WxsRuntime(Map<String, WxsModuleSource> sources, WxsWatchdog watchdog) {
    this(sources, watchdog, false);
  }

  /** A runtime with a watchdog of its own, closed with it. */
  public WxsRuntime(Map<String, WxsModuleSource> sources) {
    this(sources, new WxsWatchdog(), true);
  }

  private WxsRuntime(Map<String, WxsModuleSource> sources, WxsWatchdog watchdog, boolean ownsWatchdog) {
    this.sources = new HashMap<>(sources);
    this.watchdog = watchdog;
    this.ownsWatchdog = ownsWatchdog;
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
      Value loader = context.asValue((ProxyExecutable) args -> {
        String path = args.length > 0 && args[0].isString() ? args[0].asString() : "";
        Value v = load(WxsPaths.resolve(src.path(), path));
        return v;
      });
      Value exports = guarded(() -> define.execute(loader, WxsSource.prepare(src.code())));
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
    try (WxsWatchdog.Disarm limit = watchdog.arm(() -> c.close(true))) {
      return action.get();
    } catch (PolyglotException e) {
      if (e.isCancelled()) {
        dead = true;
      }
      throw e;
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

  /** The persistent {@code getState()} object of element {@code id}. */
  Value state(int id) {
    return states.computeIfAbsent(id, k -> parseJson.execute("{}"));
  }

  /** A JS value in this runtime's context for a host object (a proxy). */
  Value host(Object proxy) {
    return context.asValue(proxy);
  }

  boolean usable() {
    return !dead && context != null;
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
    if (ownsWatchdog) {
      watchdog.close();
    }
  }
}
