package dev.sparrow.runtime.bridge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The single declaration of one wx API: name, kind, parameter schema and handler. The bridge
 * derives everything else from it — validation messages, callbacks vs. Promise, {@code canIUse},
 * the JS function on {@code wx} (or on an instance type such as {@code RequestTask}).
 *
 * <pre>{@code
 * ApiSpec.async("showToast")
 *     .required("title", JsType.STRING)
 *     .optional("icon", JsType.STRING, "success")
 *     .optional("duration", JsType.NUMBER, 1500)
 *     .handle(call -> { ...; call.resolve(); });
 * }</pre>
 */
public final class ApiSpec {
  /** Handler of an {@link ApiKind#ASYNC} API: settle the call now or later, from any thread. */
  @FunctionalInterface
  public interface AsyncHandler {
    void handle(ApiCall call) throws Exception;
  }

  /** Handler of an {@link ApiKind#SYNC} API: return the value, or throw an ApiFailure. */
  @FunctionalInterface
  public interface SyncHandler {
    Object handle(ApiCall call) throws Exception;
  }

  /** Handler of an {@link ApiKind#LISTENER} API: {@code call.listener()} is the function, or null for "all". */
  @FunctionalInterface
  public interface ListenerHandler {
    void handle(ApiCall call) throws Exception;
  }

  /** Getter/setter of an instance {@link ApiKind#PROPERTY}. */
  public interface PropertyHandler {
    Object get(Object instance);

    /** Called with the converted JS value; null for read-only properties never happens. */
    void set(Object instance, Object value);
  }

  private final String name;
  private final String owner;
  private final ApiKind kind;
  private final List<Param> params;
  private final boolean promise;
  private final Set<String> resultFields;
  private final Object handler;
  private final boolean readOnly;
  private final boolean objectArgument;
  private final boolean implemented;
  private final String errMsgName;
  private final boolean hidden;
  private final boolean task;
  private final boolean synchronousCallbacks;

  private ApiSpec(Builder b, Object handler, boolean implemented) {
    this.name = b.name;
    this.owner = b.owner;
    this.kind = b.kind;
    this.params = List.copyOf(b.params);
    this.promise = b.promise;
    this.resultFields = Collections.unmodifiableSet(new LinkedHashSet<>(b.resultFields));
    this.handler = handler;
    this.readOnly = b.readOnly;
    this.objectArgument = b.objectArgument;
    this.implemented = implemented;
    this.errMsgName = b.errMsgName != null ? b.errMsgName : b.name;
    this.hidden = b.hidden;
    this.task = b.task;
    this.synchronousCallbacks = b.synchronousCallbacks;
  }

  /** An async API on {@code wx}: success/fail/complete, or a Promise when no callback is given. */
  public static Builder async(String name) {
    return new Builder(name, ApiKind.ASYNC, true);
  }

  /** A synchronous API on {@code wx}: returns or throws. */
  public static Builder sync(String name) {
    return new Builder(name, ApiKind.SYNC, false);
  }

  /** A listener registration ({@code onX}) or removal ({@code offX}) on {@code wx}. */
  public static Builder listener(String name) {
    return new Builder(name, ApiKind.LISTENER, false);
  }

  /** A property of instances of {@code owner}. */
  public static Builder property(String owner, String name) {
    return new Builder(name, ApiKind.PROPERTY, false).on(owner);
  }

  /** Name as called, e.g. {@code request}, {@code abort}. Also the errMsg prefix. */
  public String name() {
    return name;
  }

  /**
   * The name in this API's errMsg: {@link #name()} unless declared otherwise ({@code SocketTask.send}
   * answers {@code sendSocketMessage:ok}).
   */
  public String errMsgName() {
    return errMsgName;
  }

  /** The instance type that carries this API ({@code RequestTask}), or null for {@code wx}. */
  public String owner() {
    return owner;
  }

  /** Registry key: {@code name} on wx, {@code Owner.name} on instance types. */
  public String key() {
    return owner == null ? name : owner + "." + name;
  }

  public ApiKind kind() {
    return kind;
  }

  public List<Param> params() {
    return params;
  }

  /** True if a call without callbacks returns a Promise. */
  public boolean promise() {
    return promise;
  }

  /** Success-result field names, for {@code canIUse('x.success.field')}; empty means unknown. */
  public Set<String> resultFields() {
    return resultFields;
  }

  /** False for WeChat APIs Sparrow only knows by name: they fail with "not supported". */
  public boolean implemented() {
    return implemented;
  }

  public boolean readOnly() {
    return readOnly;
  }

  /**
   * An entry point of the base library itself (the canvas objects' flush, image loading…): callable through the
   * bridge, but not on {@code wx} or an instance, not in {@code canIUse}, not a WeChat API.
   */
  public boolean hidden() {
    return hidden;
  }

  /**
   * A task-returning API: called with anything but an object it fails with {@code parameter should be
   * Object instead of <Type>;} (errno 1001) and returns {@code undefined} (no task was started);
   * without callbacks its parameter errors go to {@code console.error}, as DevTools shows them.
   */
  public boolean task() {
    return task;
  }

  /**
   * An async API that WeChat implements synchronously ({@code getSystemInfo}): a result its handler gives at once
   * reaches the callbacks before the call returns, not in a later task. A Promise still settles as Promises do.
   */
  public boolean synchronousCallbacks() {
    return synchronousCallbacks;
  }

  /** A sync API whose parameters are the members of one object argument (the fd API's {@code readSync({fd, …})}). */
  public boolean objectArgument() {
    return objectArgument;
  }

  Object handler() {
    return handler;
  }

  @Override
  public String toString() {
    return kind + " " + key();
  }

  /** Declares one API; finish with {@code handle(...)}. */
  public static final class Builder {
    private final String name;
    private final ApiKind kind;
    private String owner;
    private final List<Param> params = new ArrayList<>();
    private boolean promise;
    private final List<String> resultFields = new ArrayList<>();
    private boolean readOnly;
    private boolean objectArgument;
    private String errMsgName;
    private boolean hidden;
    private boolean task;
    private boolean synchronousCallbacks;

    private Builder(String name, ApiKind kind, boolean promise) {
      this.name = Objects.requireNonNull(name, "name");
      this.kind = kind;
      this.promise = promise;
    }

    /** Puts the API on instances of {@code type} instead of on {@code wx}. */
    public Builder on(String type) {
      this.owner = type;
      return this;
    }

    /** A parameter that must be present and of one of {@code types}. */
    public Builder required(String param, JsType... types) {
      params.add(new Param(param, List.of(types), true, null));
      return this;
    }

    /** A parameter that may be absent; when present it must be of {@code type}. */
    public Builder optional(String param, JsType type, Object defaultValue) {
      params.add(new Param(param, List.of(type), false, defaultValue));
      return this;
    }

    /** An optional parameter accepting several types and no default. */
    public Builder optional(String param, JsType... types) {
      params.add(new Param(param, List.of(types), false, null));
      return this;
    }

    /** Never returns a Promise (task-returning APIs, FileSystemManager methods). */
    public Builder noPromise() {
      this.promise = false;
      return this;
    }

    /**
     * Returns a task ({@code request}, {@code uploadFile}, {@code downloadFile}, {@code connectSocket}):
     * no Promise; the argument must be an object (nothing at all fails too); a parameter error
     * without a callback is written to the console (see {@link ApiSpec#task()}).
     */
    public Builder returnsTask() {
      this.promise = false;
      this.task = true;
      return this;
    }

    /** Names the success result's fields (for {@code canIUse}). */
    public Builder returns(String... fields) {
      resultFields.addAll(List.of(fields));
      return this;
    }

    /** Uses {@code name} in errMsgs instead of the API's own name (task methods reusing legacy names). */
    public Builder errMsg(String name) {
      this.errMsgName = Objects.requireNonNull(name);
      return this;
    }

    /** Callbacks before the call returns when the handler settles at once ({@link ApiSpec#synchronousCallbacks()}). */
    public Builder synchronousCallbacks() {
      this.synchronousCallbacks = true;
      return this;
    }

    /** Only the base library calls it (see {@link ApiSpec#hidden()}). */
    public Builder hidden() {
      this.hidden = true;
      return this;
    }

    /** For properties: no setter. */
    public Builder readOnly() {
      this.readOnly = true;
      return this;
    }

    /** For sync APIs: the declared parameters are read from one object argument, not positionally. */
    public Builder objectArgument() {
      this.objectArgument = true;
      return this;
    }

    public ApiSpec handle(AsyncHandler handler) {
      requireKind(ApiKind.ASYNC);
      return new ApiSpec(this, handler, true);
    }

    public ApiSpec handleSync(SyncHandler handler) {
      requireKind(ApiKind.SYNC);
      return new ApiSpec(this, handler, true);
    }

    public ApiSpec handleListener(ListenerHandler handler) {
      requireKind(ApiKind.LISTENER);
      return new ApiSpec(this, handler, true);
    }

    public ApiSpec handleProperty(PropertyHandler handler) {
      requireKind(ApiKind.PROPERTY);
      return new ApiSpec(this, handler, true);
    }

    /** Declares an API Sparrow does not implement (yet): calls fail with "not supported". */
    public ApiSpec unsupported() {
      return new ApiSpec(this, null, false);
    }

    private void requireKind(ApiKind expected) {
      if (kind != expected) {
        throw new IllegalStateException(name + " is " + kind + ", not " + expected);
      }
    }
  }
}
