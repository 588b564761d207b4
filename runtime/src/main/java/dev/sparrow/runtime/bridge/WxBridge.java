package dev.sparrow.runtime.bridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.Errno;
import dev.sparrow.runtime.js.EventLoop;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * The one door between page JavaScript and the wx API handlers. The base library calls the
 * exported methods; this class validates arguments against the {@link ApiSpec}, converts them to
 * Java, calls the handler, and shapes every answer ({@code errMsg}, {@code errno}) — delivered on
 * the session thread, success/fail then complete, exactly once.
 *
 * <p>A Java exception in a handler never reaches JS: the page sees {@code "<api>:fail internal
 * error"} and the exception goes to the host's error sink.
 *
 * <p>Every answer and event reaches page code through this class ({@link #post}, {@link #callJs}, the settling of a
 * call). Once the session's logic layer closes ({@link #close}), those that come later (a server that replies
 * after the session ended, a task the close cancels) are dropped here: page code has stopped, nothing is recorded.
 */
public final class WxBridge {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ApiRegistry registry;
  private final EventLoop loop;
  private final Consumer<Throwable> internalErrors;
  private final Map<String, Object> env;
  private final Map<Integer, Object> instances = new ConcurrentHashMap<>();
  private final AtomicInteger nextInstance = new AtomicInteger(1);
  private volatile JsValues values;
  /** Set on the loop when page code stops; read by every task this class posts, when it runs. */
  private volatile boolean closed;

  public WxBridge(ApiRegistry registry, EventLoop loop, Map<String, Object> env, Consumer<Throwable> internalErrors) {
    this.registry = registry;
    this.loop = loop;
    this.env = env;
    this.internalErrors = internalErrors;
  }

  /** Called once the base library is up. */
  public void attach(JsValues values) {
    this.values = values;
  }

  public JsValues values() {
    return values;
  }

  public ApiRegistry registry() {
    return registry;
  }

  /** Exposes {@code object} to JS as an instance of {@code type}. */
  public InstanceRef register(String type, Object object) {
    int id = nextInstance.getAndIncrement();
    instances.put(id, object);
    return new InstanceRef(type, id);
  }

  /** Forgets an instance; later calls on it see no object. */
  public void release(InstanceRef ref) {
    instances.remove(ref.id());
  }

  /**
   * Page code stops: answers, callbacks and events that have not yet run are dropped from now on. Called on the loop
   * before the logic layer's context closes.
   */
  public void close() {
    closed = true;
  }

  /** Runs {@code task} on the session loop (from any thread); not at all once the bridge {@linkplain #close closed}. */
  public void post(Runnable task) {
    loop.post(() -> {
      if (!closed) {
        task.run();
      }
    });
  }

  /** The session's event loop (scheduling, I/O accounting). */
  public EventLoop loop() {
    return loop;
  }

  /**
   * Calls a JS function with one argument (plain Java data) on the loop thread; an exception in it
   * is reported as an uncaught error of {@code origin} and does not propagate.
   */
  public void callJs(Value fn, Object payload, String origin) {
    if (closed) {
      return;
    }
    Value callback = jsCallback;
    if (callback == null) {
      callback = jsCallback = values.helpers().getMember("callback");
    }
    callback.execute(fn, payload == null ? null : values.toJs(payload), origin);
  }

  private Value jsCallback;

  // ---- exported to the base library -----------------------------------------------------------

  @HostAccess.Export
  public String descriptors() {
    return registry.descriptors();
  }

  @HostAccess.Export
  public String env() {
    try {
      return JSON.writeValueAsString(env);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @HostAccess.Export
  public Object invokeAsync(String key, int instanceId, Value opts, Value settleOrNull) {
    ApiSpec spec = spec(key);
    // Decided here, on the loop thread: a Value must not be inspected from the I/O threads that settle calls.
    Value settle = settleOrNull == null || settleOrNull.isNull() ? null : settleOrNull;
    boolean[] inHandler = {false}; // a settling while the handler runs, on this thread, may call back at once
    ApiCall.Settler settler = (call, ok, result, failure) -> deliver(call.api(), settle, ok, result, failure, call,
        spec.synchronousCallbacks() && inHandler[0] && loop.inLoop());
    if (!spec.implemented()) {
      deliverNow(spec.errMsgName(), settle, ApiFailure.of("not supported"));
      return null;
    }
    String tag = JsType.tagOf(opts);
    if (!tag.equals("Object") && (spec.task() || !tag.equals("Undefined"))) {
      deliverNow(spec.errMsgName(), settle, parameterError("parameter should be Object instead of " + tag + ";"));
      return null;
    }
    Map<String, Object> args = new LinkedHashMap<>();
    String problems;
    try {
      problems = readParams(spec, name -> tag.equals("Object") && opts.hasMember(name) ? opts.getMember(name) : null,
          args);
    } catch (ApiFailure f) {
      deliverNow(spec.errMsgName(), settle, f);
      return null;
    }
    if (problems != null) {
      deliverNow(spec.errMsgName(), settle, parameterError(problems));
      return null;
    }
    ApiCall call = new ApiCall(spec, args, instance(instanceId), null, settler);
    loop.beginIo();
    call.onRelease(loop::endIo);
    inHandler[0] = true;
    try {
      ((ApiSpec.AsyncHandler) spec.handler()).handle(call);
    } catch (ApiFailure f) {
      if (!call.isSettled()) {
        call.reject(f);
      }
    } catch (Exception | LinkageError e) {
      internalErrors.accept(e);
      if (!call.isSettled()) {
        call.reject(ApiFailure.of("internal error", Errno.INTERNAL_ERROR));
      }
    } finally {
      inHandler[0] = false;
    }
    Object ret = call.returnValue();
    return ret == null ? null : values.toJs(ret);
  }

  @HostAccess.Export
  public Value invokeSync(String key, int instanceId, Value args) {
    ApiSpec spec = spec(key);
    Value out = values.helpers().getMember("newObject").execute();
    if (!spec.implemented()) {
      fail(out, spec.errMsgName(), ApiFailure.of("not supported"));
      return out;
    }
    Map<String, Object> converted = new LinkedHashMap<>();
    var params = spec.params();
    Value object = spec.objectArgument() && args.getArraySize() > 0 ? args.getArrayElement(0) : null;
    String problems;
    try {
      problems = readParams(spec, name -> {
        if (spec.objectArgument()) {
          return object != null && object.hasMembers() ? object.getMember(name) : null;
        }
        for (int i = 0; i < params.size(); i++) {
          if (params.get(i).name().equals(name)) {
            return i < args.getArraySize() ? args.getArrayElement(i) : null;
          }
        }
        return null;
      }, converted);
    } catch (ApiFailure f) {
      fail(out, spec.errMsgName(), f);
      return out;
    }
    if (problems != null) {
      fail(out, spec.errMsgName(), parameterError(problems));
      return out;
    }
    ApiCall call = new ApiCall(spec, converted, instance(instanceId), null, (c, ok, r, f) -> {
      throw new IllegalStateException(spec.key() + " is synchronous: return or throw");
    });
    try {
      Object result = ((ApiSpec.SyncHandler) spec.handler()).handle(call);
      out.putMember("value", values.toJs(result));
    } catch (ApiFailure f) {
      fail(out, spec.errMsgName(), f);
    } catch (Exception | LinkageError e) {
      internalErrors.accept(e);
      fail(out, spec.errMsgName(), ApiFailure.of("internal error", Errno.INTERNAL_ERROR));
    }
    return out;
  }

  @HostAccess.Export
  public void listen(String key, int instanceId, Value fn) {
    ApiSpec spec = spec(key);
    if (!spec.implemented()) {
      return;
    }
    if (fn != null && !fn.isNull() && !fn.canExecute()) {
      return;
    }
    ApiCall call = new ApiCall(spec, Map.of(), instance(instanceId), fn == null || fn.isNull() ? null : fn, (c, ok, r, f) -> {});
    try {
      ((ApiSpec.ListenerHandler) spec.handler()).handle(call);
    } catch (Exception | LinkageError e) {
      internalErrors.accept(e);
    }
  }

  @HostAccess.Export
  public Object getProperty(String key, int instanceId) {
    ApiSpec spec = spec(key);
    Object instance = instance(instanceId);
    if (instance == null) {
      return null;
    }
    return values.toJs(((ApiSpec.PropertyHandler) spec.handler()).get(instance));
  }

  @HostAccess.Export
  public void setProperty(String key, int instanceId, Value value) {
    ApiSpec spec = spec(key);
    Object instance = instance(instanceId);
    if (instance == null || spec.readOnly()) {
      return;
    }
    ((ApiSpec.PropertyHandler) spec.handler()).set(instance, values.toJava(value));
  }

  // ---- internals ------------------------------------------------------------------------------

  private ApiSpec spec(String key) {
    return registry.find(key).orElseThrow(() -> new IllegalArgumentException("no wx API " + key));
  }

  private Object instance(int id) {
    return id == 0 ? null : instances.get(id);
  }

  /** Reads declared params; returns WeChat's problem text (several joined) or null if all are fine. */
  private String readParams(ApiSpec spec, Function<String, Value> member, Map<String, Object> into) {
    StringBuilder problems = null;
    for (Param p : spec.params()) {
      Value v = member.apply(p.name());
      String tag = JsType.tagOf(v);
      if (tag.equals("Undefined")) {
        if (p.required()) {
          problems = append(problems, p, tag);
        } else if (p.defaultValue() != null) {
          into.put(p.name(), p.defaultValue());
        }
        continue;
      }
      if (!p.accepts(tag)) {
        problems = append(problems, p, tag);
        continue;
      }
      if (p.types().contains(JsType.JSON)) {
        into.put(p.name(), json(v));
      } else if (p.types().contains(JsType.BUFFER) && v.hasBufferElements()) {
        into.put(p.name(), v);
      } else {
        into.put(p.name(), values.toJava(v));
      }
    }
    return problems == null ? null : problems.toString();
  }

  /**
   * A JSON-typed parameter as its JSON text; a value JSON cannot hold (cyclic, a BigInt) fails the
   * call with the engine's first line, V8's {@code Converting circular structure to JSON} for a cycle.
   */
  private JsonValue json(Value v) {
    try {
      return values.json(v);
    } catch (PolyglotException e) {
      if (!e.isGuestException() || e.isInterrupted() || e.isCancelled()) {
        throw e;
      }
      String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      String lower = m.toLowerCase(Locale.ROOT);
      boolean cycle = lower.contains("circular") || lower.contains("cyclic");
      throw ApiFailure.of(cycle ? "Converting circular structure to JSON" : m.replaceFirst("^\\w*Error: ", ""));
    }
  }

  private static StringBuilder append(StringBuilder sb, Param p, String actual) {
    StringBuilder out = sb == null ? new StringBuilder() : sb;
    out.append("parameter.").append(p.name()).append(" should be ").append(p.expected()).append(" instead of ").append(actual).append(';');
    return out;
  }

  private static ApiFailure parameterError(String problems) {
    return ApiFailure.of("parameter error: " + problems, Errno.INVALID_PARAMETER);
  }

  private void deliverNow(String api, Value settle, ApiFailure failure) {
    if (settle != null) {
      post(() -> settle.execute(false, values.toJs(failureResult(api, failure))));
    }
  }

  private void deliver(String api, Value settle, boolean ok, Map<String, Object> result, ApiFailure failure,
      ApiCall call, boolean now) {
    if (settle == null) {
      call.release();
      return;
    }
    Runnable answer = () -> {
      Map<String, Object> res;
      if (ok) {
        res = new LinkedHashMap<>();
        res.put("errMsg", api + ":ok");
        if (result != null) {
          result.forEach((k, v) -> {
            if (!k.equals("errMsg")) {
              res.put(k, v);
            }
          });
        }
      } else {
        res = failureResult(api, failure);
      }
      settle.execute(ok, values.toJs(res));
    };
    if (now && !closed) {
      answer.run();
    } else if (!now) {
      post(answer);
    }
    call.release();
  }

  private static Map<String, Object> failureResult(String api, ApiFailure failure) {
    Map<String, Object> res = new LinkedHashMap<>();
    res.put("errMsg", failure.errMsg(api));
    failure.errno().ifPresent(n -> res.put("errno", n));
    return res;
  }

  private void fail(Value out, String api, ApiFailure failure) {
    out.putMember("error", failure.errMsg(api));
    failure.errno().ifPresent(n -> out.putMember("errno", n));
  }
}
