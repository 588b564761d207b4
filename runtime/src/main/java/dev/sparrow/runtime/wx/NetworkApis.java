package dev.sparrow.runtime.wx;

import static dev.sparrow.runtime.bridge.JsType.ANY;
import static dev.sparrow.runtime.bridge.JsType.BOOLEAN;
import static dev.sparrow.runtime.bridge.JsType.NUMBER;
import static dev.sparrow.runtime.bridge.JsType.OBJECT;
import static dev.sparrow.runtime.bridge.JsType.STRING;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.Errno;
import dev.sparrow.apis.files.FileSandbox;
import dev.sparrow.apis.network.DownloadFile;
import dev.sparrow.apis.network.Headers;
import dev.sparrow.apis.network.HttpEvents;
import dev.sparrow.apis.network.HttpTask;
import dev.sparrow.apis.network.Network;
import dev.sparrow.apis.network.Request;
import dev.sparrow.apis.network.UploadFile;
import dev.sparrow.runtime.bridge.ApiCall;
import dev.sparrow.runtime.bridge.ApiSpec;
import dev.sparrow.runtime.bridge.InstanceRef;
import dev.sparrow.runtime.bridge.JsonValue;
import dev.sparrow.runtime.bridge.Listeners;
import dev.sparrow.runtime.bridge.WxBridge;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * wx HTTP APIs (spec network.md §2–4): {@code request} → {@code RequestTask}, {@code uploadFile} →
 * {@code UploadTask}, {@code downloadFile} → {@code DownloadTask}, each with {@code abort()} and
 * its on/off listeners. Rules and I/O: {@link Network} ({@link Request}, {@link UploadFile},
 * {@link DownloadFile}). Sockets: {@link SocketApis}.
 */
public final class NetworkApis {
  private final Network network;
  private final WxBridge bridge;
  private final FileSandbox files;

  private final Set<Task> running = ConcurrentHashMap.newKeySet();
  private volatile boolean interrupted;

  public NetworkApis(Network network, WxBridge bridge, FileSandbox files) {
    this.network = network;
    this.bridge = bridge;
    this.files = files;
  }

  /** The page-side object of one HTTP task: the apis task and its listeners. */
  static final class Task implements HttpEvents {
    final String api;
    final Listeners headers;
    final Listeners chunks;
    final Listeners progress;
    volatile HttpTask<?> task;

    Task(WxBridge bridge, String api) {
      this.api = api;
      this.headers = new Listeners(bridge, api + " onHeadersReceived");
      this.chunks = new Listeners(bridge, api + " onChunkReceived");
      this.progress = new Listeners(bridge, api + " onProgressUpdate");
    }

    @Override
    public void headers(int status, Headers h) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("header", h.toMap());
      if (api.equals("request")) {
        p.put("statusCode", status);
        p.put("cookies", h.all("Set-Cookie"));
      }
      headers.emit(p);
    }

    @Override
    public void chunk(byte[] data) {
      chunks.emit(Map.of("data", data));
    }

    @Override
    public void progress(int percent, long done, long total) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("progress", percent);
      boolean up = api.equals("uploadFile");
      p.put(up ? "totalBytesSent" : "totalBytesWritten", done);
      p.put(up ? "totalBytesExpectedToSend" : "totalBytesExpectedToWrite", total);
      progress.emit(p);
    }
  }

  public List<ApiSpec> specs() {
    List<ApiSpec> specs = new ArrayList<>();
    specs.add(ApiSpec.async("request")
        .required("url", STRING)
        .optional("data", ANY)
        .optional("header", OBJECT)
        .optional("timeout", NUMBER)
        .optional("method", STRING, "GET")
        .optional("dataType", STRING, "json")
        .optional("responseType", STRING, "text")
        .optional("enableHttp2", BOOLEAN, false)
        .optional("enableQuic", BOOLEAN, false)
        .optional("enableCache", BOOLEAN, false)
        .optional("enableProfile", BOOLEAN, true)
        .optional("enableHttpDNS", BOOLEAN, false)
        .optional("httpDNSServiceId", STRING)
        .optional("httpDNSTimeout", NUMBER)
        .optional("enableChunked", BOOLEAN, false)
        .optional("forceCellularNetwork", BOOLEAN, false)
        .optional("redirect", STRING, "follow")
        .optional("useHighPerformanceMode", BOOLEAN, false)
        .returnsTask()
        .returns("data", "statusCode", "header", "cookies", "profile")
        .handle(c -> start(c, "RequestTask", t -> network.request(new Request.Options(c.string("url"), c.get("data"), c.object("header"),
            (Number) c.get("timeout"), c.string("method"), c.string("dataType"), c.string("responseType"), c.bool("enableHttp2"),
            c.bool("enableCache"), c.bool("enableChunked"), c.string("redirect")), t), this::requestResult)));
    specs.add(ApiSpec.async("uploadFile")
        .required("url", STRING)
        .required("filePath", STRING)
        .required("name", STRING)
        .optional("header", OBJECT)
        .optional("formData", OBJECT)
        .optional("timeout", NUMBER)
        .optional("enableHttp2", BOOLEAN, false)
        .optional("enableQuic", BOOLEAN, false)
        .optional("enableProfile", BOOLEAN, true)
        .returnsTask()
        .returns("data", "statusCode", "profile")
        .handle(c -> start(c, "UploadTask", t -> {
          String path = c.string("filePath");
          return network.uploadFile(new UploadFile.Options(c.string("url"), files.readable(path), path.substring(path.lastIndexOf('/') + 1),
              c.string("name"), c.object("header"), c.object("formData"), (Number) c.get("timeout"), c.bool("enableHttp2")), t);
        }, r -> Map.of("data", r.data(), "statusCode", r.statusCode(), "profile", r.profile()))));
    specs.add(ApiSpec.async("downloadFile")
        .required("url", STRING)
        .optional("header", OBJECT)
        .optional("timeout", NUMBER)
        .optional("filePath", STRING)
        .optional("enableHttp2", BOOLEAN, false)
        .optional("enableQuic", BOOLEAN, false)
        .optional("enableProfile", BOOLEAN, true)
        .optional("useHighPerformanceMode", BOOLEAN, false)
        .returnsTask()
        .returns("tempFilePath", "filePath", "statusCode", "profile")
        .handle(c -> start(c, "DownloadTask", t -> network.downloadFile(new DownloadFile.Options(c.string("url"), c.object("header"),
            (Number) c.get("timeout"), c.string("filePath"), c.bool("enableHttp2")), t), NetworkApis::downloadResult)));
    for (String type : List.of("RequestTask", "UploadTask", "DownloadTask")) {
      specs.add(ApiSpec.sync("abort").on(type).handleSync(c -> {
        Task t = c.instance(Task.class);
        if (t != null && t.task != null) {
          t.task.abort();
        }
        return null;
      }));
      specs.add(listener(type, "onHeadersReceived", t -> t.headers, true));
      specs.add(listener(type, "offHeadersReceived", t -> t.headers, false));
    }
    specs.add(listener("RequestTask", "onChunkReceived", t -> t.chunks, true));
    specs.add(listener("RequestTask", "offChunkReceived", t -> t.chunks, false));
    for (String type : List.of("UploadTask", "DownloadTask")) {
      specs.add(listener(type, "onProgressUpdate", t -> t.progress, true));
      specs.add(listener(type, "offProgressUpdate", t -> t.progress, false));
    }
    return specs;
  }

  private static ApiSpec listener(String type, String name, Function<Task, Listeners> which, boolean on) {
    return ApiSpec.listener(name).on(type).handleListener(c -> {
      Task t = c.instance(Task.class);
      if (t != null) {
        which.apply(t).apply(c, on);
      }
    });
  }

  /**
   * The app has been in the background too long (5 s in WeChat, spec network.md §1): unfinished request,
   * uploadFile and downloadFile tasks fail with {@code interrupted}, and new ones do at once until
   * {@link #resume}. Sockets and background audio are not touched.
   */
  public void interrupt() {
    interrupted = true;
    for (Task t : running) {
      HttpTask<?> h = t.task;
      if (h != null) {
        h.interrupt();
      }
    }
  }

  /** The app is in the foreground again. */
  public void resume() {
    interrupted = false;
  }

  /** Creates the task object the call returns, starts the work, settles the call when it ends. */
  private <T> void start(ApiCall call, String type, Function<Task, HttpTask<T>> begin, Function<T, Map<String, Object>> result) {
    Task t = new Task(bridge, call.api());
    InstanceRef ref = bridge.register(type, t);
    call.returns(ref);
    HttpTask<T> task;
    try {
      if (interrupted) {
        throw HttpTask.interruptedFailure();
      }
      task = begin.apply(t);
    } catch (ApiFailure f) {
      bridge.release(ref);
      call.reject(f);
      return;
    }
    t.task = task;
    running.add(t);
    task.result().whenComplete((r, e) -> {
      running.remove(t);
      // forgotten on the loop, after the JS task that created it (which may still add listeners) has run
      bridge.post(() -> bridge.release(ref));
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      try {
        if (cause == null) {
          call.resolve(result.apply(r));
        } else {
          call.reject(cause instanceof ApiFailure f ? f : ApiFailure.of("internal error", Errno.INTERNAL_ERROR));
        }
      } catch (RuntimeException bug) {
        // never leave the page waiting: a failure here would otherwise vanish inside the future
        if (!call.isSettled()) {
          call.reject(ApiFailure.of("internal error", Errno.INTERNAL_ERROR));
        }
        bridge.post(() -> {
          throw bug;
        });
      }
    });
  }

  private Map<String, Object> requestResult(Request.Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("data", r.json() ? new JsonValue("Object", (String) r.data()) : r.data());
    m.put("header", r.header().toMap());
    m.put("statusCode", r.statusCode());
    m.put("cookies", r.cookies());
    m.put("profile", r.profile());
    return m;
  }

  private static Map<String, Object> downloadResult(DownloadFile.Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (r.tempFilePath() != null) {
      m.put("tempFilePath", r.tempFilePath());
    } else {
      m.put("filePath", r.filePath());
    }
    m.put("statusCode", r.statusCode());
    m.put("profile", r.profile());
    return m;
  }
}
