package dev.sparrow.runtime.wx;

import static dev.sparrow.runtime.bridge.JsType.BOOLEAN;
import static dev.sparrow.runtime.bridge.JsType.JSON;
import static dev.sparrow.runtime.bridge.JsType.STRING;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.storage.KeyValueStorage;
import dev.sparrow.runtime.bridge.ApiCall;
import dev.sparrow.runtime.bridge.ApiSpec;
import dev.sparrow.runtime.bridge.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * wx key-value storage (spec ui-and-storage.md §3): {@code setStorage}, {@code getStorage}, {@code
 * removeStorage}, {@code clearStorage}, {@code getStorageInfo} and their Sync forms. Values keep
 * their JS type; a missing key gives {@code "getStorage:fail data not found"} (async) or {@code ""}
 * (Sync). {@code encrypt} is accepted and ignored (values are stored in clear; see
 * docs/decisions.md). Implementation: {@link KeyValueStorage}.
 *
 * <p>The async forms read and write on the session's ordered file executor, never on the loop; a Sync form first
 * waits for the async ones page code made before it, so every storage call applies in the order it was made.
 */
public final class StorageApis {
  private static final JsonValue UNDEFINED = new JsonValue("Undefined", null);

  private final KeyValueStorage storage;
  private final Executor io;
  /** The last async call's work (set and read on the loop only). */
  private CompletableFuture<Void> pending = CompletableFuture.completedFuture(null);

  /** @param io the session's ordered file executor: the async forms do their file work there */
  public StorageApis(KeyValueStorage storage, Executor io) {
    this.storage = storage;
    this.io = io;
  }

  public List<ApiSpec> specs() {
    return List.of(
        ApiSpec.async("setStorage").required("key", STRING).optional("data", JSON).optional("encrypt", BOOLEAN, false)
            .handle(c -> offLoop(c, () -> {
              set(c);
              c.resolve();
            })),
        ApiSpec.sync("setStorageSync").required("key", STRING).optional("data", JSON).handleSync(c -> {
          drain();
          set(c);
          return null;
        }),
        ApiSpec.async("getStorage").required("key", STRING).optional("encrypt", BOOLEAN, false).returns("data")
            .handle(c -> offLoop(c, () -> c.resolve(Map.of("data", get(c.string("key")))))),
        ApiSpec.sync("getStorageSync").required("key", STRING).handleSync(c -> {
          drain();
          try {
            return get(c.string("key"));
          } catch (ApiFailure notFound) {
            return "";
          }
        }),
        ApiSpec.async("removeStorage").required("key", STRING).handle(c -> offLoop(c, () -> {
          storage.remove(c.string("key"));
          c.resolve();
        })),
        ApiSpec.sync("removeStorageSync").required("key", STRING).handleSync(c -> {
          drain();
          storage.remove(c.string("key"));
          return null;
        }),
        ApiSpec.async("clearStorage").handle(c -> offLoop(c, () -> {
          storage.clear();
          c.resolve();
        })),
        ApiSpec.sync("clearStorageSync").handleSync(c -> {
          drain();
          storage.clear();
          return null;
        }),
        ApiSpec.async("getStorageInfo").returns("keys", "currentSize", "limitSize")
            .handle(c -> offLoop(c, () -> c.resolve(info()))),
        ApiSpec.sync("getStorageInfoSync").returns("keys", "currentSize", "limitSize").handleSync(c -> {
          drain();
          return info();
        }));
  }

  /** Runs an async form's {@code work} on the file executor, after the calls made before it. */
  private void offLoop(ApiCall c, Runnable work) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    pending = done;
    try {
      FileSystemManagerApis.offLoop(io, c, () -> {
        try {
          work.run();
        } finally {
          done.complete(null);
        }
      });
    } catch (RejectedExecutionException closed) {
      done.complete(null);
      throw closed;
    }
  }

  /** Waits for the async forms called before (a Sync form does its I/O on the loop by definition). */
  private void drain() {
    if (!pending.isDone()) {
      pending.join();
    }
  }

  private void set(ApiCall c) {
    JsonValue data = c.json("data");
    JsonValue value = data == null ? UNDEFINED : data;
    storage.set(c.string("key"), new KeyValueStorage.Entry(value.type(), value.json() == null ? "null" : value.json()));
  }

  private Object get(String key) {
    KeyValueStorage.Entry e = storage.get(key).orElseThrow(() -> ApiFailure.of(KeyValueStorage.DATA_NOT_FOUND));
    return e.type().equals("Undefined") ? UNDEFINED : new JsonValue(e.type(), e.json());
  }

  private Map<String, Object> info() {
    KeyValueStorage.Info i = storage.info();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("keys", i.keys());
    m.put("currentSize", i.currentSizeKb());
    m.put("limitSize", i.limitSizeKb());
    return m;
  }
}
