package dev.sparrow.runtime.bridge;

import dev.sparrow.apis.ApiFailure;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.graalvm.polyglot.Value;

/**
 * One call of a wx API as its handler sees it: validated arguments as plain Java data, and — for
 * async APIs — the door back: {@link #resolve} or {@link #reject}, exactly once, from any thread.
 * The bridge adds {@code errMsg} ({@code "<api>:ok"} / {@code "<api>:fail <reason>"}) and runs
 * success/fail then complete on the session thread.
 */
public final class ApiCall {
  /** How the bridge delivers a settled call; implemented by {@link WxBridge}. */
  interface Settler {
    void settle(ApiCall call, boolean ok, Map<String, Object> result, ApiFailure failure);
  }

  private final ApiSpec spec;
  private final Map<String, Object> args;
  private final Object instance;
  private final Value listener;
  private final Settler settler;
  private final AtomicBoolean settled = new AtomicBoolean();
  private final AtomicBoolean busy = new AtomicBoolean(true);
  private Object returnValue;
  private Runnable onRelease = () -> {};

  ApiCall(ApiSpec spec, Map<String, Object> args, Object instance, Value listener, Settler settler) {
    this.spec = spec;
    this.args = Collections.unmodifiableMap(args);
    this.instance = instance;
    this.listener = listener;
    this.settler = settler;
  }

  /** The errMsg prefix, e.g. {@code request} (usually the API's name, see {@link ApiSpec#errMsgName()}). */
  public String api() {
    return spec.errMsgName();
  }

  public ApiSpec spec() {
    return spec;
  }

  /** All declared arguments that were given (or defaulted), converted. */
  public Map<String, Object> args() {
    return args;
  }

  public boolean has(String name) {
    return args.get(name) != null;
  }

  public String string(String name) {
    Object v = args.get(name);
    return v == null ? null : v.toString();
  }

  public Optional<String> optString(String name) {
    return Optional.ofNullable(string(name));
  }

  /** A numeric argument (0 when absent). */
  public double number(String name) {
    Object v = args.get(name);
    return v instanceof Number n ? n.doubleValue() : 0;
  }

  /** A numeric argument truncated to a long (0 when absent). */
  public long longValue(String name) {
    Object v = args.get(name);
    return v instanceof Number n ? (long) n.doubleValue() : 0;
  }

  public boolean bool(String name) {
    return Boolean.TRUE.equals(args.get(name));
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> object(String name) {
    Object v = args.get(name);
    return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  public List<Object> list(String name) {
    Object v = args.get(name);
    return v instanceof List<?> l ? (List<Object>) l : List.of();
  }

  /** A list argument as strings ({@code String(x)} of each item). */
  public List<String> strings(String name) {
    return list(name).stream().map(x -> x == null ? "null" : x.toString()).toList();
  }

  public byte[] bytes(String name) {
    Object v = args.get(name);
    return v instanceof byte[] b ? b : null;
  }

  /** An argument declared to be kept as JSON (see {@link JsonValue}). */
  public JsonValue json(String name) {
    return (JsonValue) args.get(name);
  }

  /** The raw converted argument. */
  public Object get(String name) {
    return args.get(name);
  }

  /** For listener APIs: the function passed, or null ({@code offX()} without argument). */
  public Value listener() {
    return listener;
  }

  /** The Java object behind the instance the method was called on ({@code this} in JS). */
  public <T> T instance(Class<T> type) {
    return type.cast(instance);
  }

  /** Succeeds with no fields besides errMsg. */
  public void resolve() {
    resolve(Map.of());
  }

  /** Succeeds with {@code result} (errMsg is added in front). */
  public void resolve(Map<String, Object> result) {
    settle(true, result, null);
  }

  /** Fails with WeChat's reason. */
  public void reject(ApiFailure failure) {
    settle(false, null, failure);
  }

  public void reject(String reason) {
    reject(ApiFailure.of(reason));
  }

  /** For async APIs that return an object at once (RequestTask…): what the JS call returns. */
  public void returns(Object value) {
    this.returnValue = value;
  }

  Object returnValue() {
    return returnValue;
  }

  /**
   * Says the call now waits for a person (a modal's answer), not for the machine: the session may
   * count as idle meanwhile.
   */
  public void awaitUser() {
    release();
  }

  public boolean isSettled() {
    return settled.get();
  }

  void onRelease(Runnable r) {
    this.onRelease = r;
  }

  void release() {
    if (busy.compareAndSet(true, false)) {
      onRelease.run();
    }
  }

  private void settle(boolean ok, Map<String, Object> result, ApiFailure failure) {
    if (!settled.compareAndSet(false, true)) {
      throw new IllegalStateException(spec.key() + " settled twice");
    }
    settler.settle(this, ok, result, failure);
  }
}
