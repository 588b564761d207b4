package dev.sparrow.runtime.wx;

import static dev.sparrow.runtime.bridge.JsType.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.cloud.CloudError;
import dev.sparrow.apis.cloud.CloudPermission;
import dev.sparrow.apis.cloud.CloudStorage;
import dev.sparrow.apis.device.Clock;
import dev.sparrow.apis.files.FileSandbox;
import dev.sparrow.runtime.bridge.ApiCall;
import dev.sparrow.runtime.bridge.ApiSpec;
import dev.sparrow.runtime.cloud.CloudFileServer;
import dev.sparrow.runtime.cloud.CloudFunctions;
import dev.sparrow.runtime.project.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;
import java.util.function.Supplier;

/**
 * The engine side of {@code wx.cloud.callFunction} and of cloud storage ({@code uploadFile}, {@code downloadFile},
 * {@code getTempFileURL}, {@code deleteFile}): two hidden async calls taking and answering JSON ({@code {ok, res}},
 * {@code res} being what WeChat resolves or rejects with), settled off the session thread and delivered on it. The
 * same storage answers a cloud function's {@code wx-server-sdk} ({@link #storage(String, String, boolean)}), whose
 * errMsgs carry no {@code cloud.} prefix and whose files cross as base64.
 *
 * <p>Page calls obey storage's permission mode (the project's {@code cloud/database.json} {@code storage}, the
 * database's four modes) against each file's uploader: a refused call fails with {@value #DENIED}
 * ({@code STORAGE_EXCEED_AUTHORITY}), a refused entry of a file list carries that status; cloud functions are
 * not bound by it.
 */
public final class CloudServiceApis implements AutoCloseable {
  /** What {@code getTempFileURL} gives without {@code maxAge}: one day, WeChat's default and maximum (seconds). */
  public static final int MAX_AGE = 86_400;
  /** The most file IDs one getTempFileURL or deleteFile takes (WeChat's documented limit). */
  public static final int MAX_FILES = 50;
  /** WeChat's errCode for a storage call the permission mode refuses ({@code STORAGE_EXCEED_AUTHORITY}). */
  public static final int DENIED = -503002;
  /** wx-server-sdk's errCode for a missing file ({@code STORAGE_FILE_NONEXIST}). */
  public static final int NONEXIST = -503003;
  private static final String DENIED_TEXT = "Have no access right to the storage";

  private final ObjectMapper json = new ObjectMapper();
  private final CloudFunctions functions;
  private final CloudStorage storage;
  private final CloudFileServer fileServer;
  private final FileSandbox files;
  private final Executor io;
  private final Supplier<CloudFunctions.Caller> caller;
  private final Supplier<CloudPermission> storageModeSource;
  private CloudPermission storageMode;

  /**
   * The cloud services of {@code project}'s session: functions from its {@code cloudfunctionRoot} run on
   * {@code worker} (its threads bound the calls that run at once) and time out through {@code timer}; their
   * {@code cloud.database()} goes to {@code serverDatabase} (see {@link CloudApis#serverAnswer}); files are kept
   * under {@code storageRoot}; storage work runs on {@code io}; {@code caller} names the session's user at the time
   * of each call; {@code storageMode} (asked once, on first use) is storage's permission mode; temp URLs expire by
   * {@code clock}.
   */
  public CloudServiceApis(Project project, Path storageRoot, UnaryOperator<String> serverDatabase, FileSandbox files,
      Executor io, ExecutorService worker, ScheduledExecutorService timer, Supplier<CloudFunctions.Caller> caller,
      Supplier<CloudPermission> storageMode, Clock clock, Random random) {
    this.storage = new CloudStorage(storageRoot, project.appId());
    this.fileServer = new CloudFileServer(storage, clock, random);
    this.files = files;
    this.io = io;
    this.caller = caller;
    this.storageModeSource = storageMode;
    this.functions = new CloudFunctions(CloudFunctions.rootOf(project.dir()), worker, timer,
        new CloudFunctions.Services() {
          @Override
          public String database(String requestJson) {
            return serverDatabase.apply(requestJson);
          }

          @Override
          public String storage(String action, String requestJson) {
            return CloudServiceApis.this.storage(action, requestJson, true);
          }
        }, random);
  }

  /** The stored file behind a {@code cloud://} file ID of this app, if there is one (whoever may read it). */
  public Optional<Path> file(String fileId) {
    return storage.existing(fileId);
  }

  /**
   * The stored file behind {@code fileId} if the session's current user may read it, as {@code <image src>} and
   * the other page-side readers of {@code cloud://} IDs see it.
   */
  public Optional<Path> readableFile(String fileId) {
    Optional<CloudStorage.Ref> ref = existing(fileId);
    return ref.isPresent() && mayRead(ref.get(), false) ? ref.map(CloudStorage.Ref::file) : Optional.empty();
  }

  private Optional<CloudStorage.Ref> existing(String fileId) {
    return storage.parse(fileId).filter(r -> Files.isRegularFile(r.file()));
  }

  private synchronized CloudPermission storageMode() {
    if (storageMode == null) {
      storageMode = storageModeSource.get();
    }
    return storageMode;
  }

  /** Whether the caller reads {@code ref}: always from a cloud function, else by the mode and the uploader. */
  private boolean mayRead(CloudStorage.Ref ref, boolean server) {
    CloudPermission mode = storageMode();
    return server || mode.clientReads() && (mode.othersRead() || isOwner(ref));
  }

  /** Whether the caller writes (uploads over, deletes) {@code ref}; a new file: whether the client writes at all. */
  private boolean mayWrite(CloudStorage.Ref ref, boolean server) {
    CloudPermission mode = storageMode();
    return server || mode.creatorWrites() && (!Files.isRegularFile(ref.file()) || isOwner(ref));
  }

  private boolean isOwner(CloudStorage.Ref ref) {
    return storage.owner(ref).map(caller.get().openid()::equals).orElse(false);
  }

  /** The app's stored files of every environment, at most {@code max} (for a Cloud panel). */
  public List<CloudStorage.Stored> files(int max) throws IOException {
    return storage.list(max);
  }

  /** The functions (their logs, for a Cloud panel). */
  public CloudFunctions functions() {
    return functions;
  }

  /** Closes the warm function contexts and the file endpoint; the executors are the caller's to stop. */
  @Override
  public void close() {
    functions.close();
    fileServer.close();
  }

  public List<ApiSpec> specs() {
    return List.of(
        ApiSpec.async("cloudFunction").hidden().noPromise().required("request", STRING).handle(this::callFunction),
        ApiSpec.async("cloudStorage").hidden().noPromise().required("action", STRING).required("request", STRING)
            .handle(c -> {
              try {
                io.execute(() -> c.resolve(Map.of("answer", storage(c.string("action"), c.string("request"),
                    false))));
              } catch (RejectedExecutionException e) {
                c.resolve(Map.of("answer", fail(-1, "cloud." + c.string("action"), "the session is closed")));
              }
            }));
  }

  private void callFunction(ApiCall c) {
    String env;
    String name;
    String data;
    try {
      JsonNode request = json.readTree(c.string("request"));
      env = request.path("env").asText("default");
      JsonNode n = request.get("name");
      if (n == null || !n.isTextual()) {
        c.resolve(Map.of("answer", fail(-1, "cloud.callFunction", "parameter.name should be string instead of "
            + (n == null ? "undefined" : n.getNodeType().name().toLowerCase(Locale.ROOT)) + ";")));
        return;
      }
      name = n.textValue();
      JsonNode d = request.get("data");
      data = d == null ? "{}" : d.toString();
    } catch (IOException e) {
      c.resolve(Map.of("answer", fail(-1, "cloud.callFunction", "invalid request")));
      return;
    }
    // a call that the close cuts short answers into a closed bridge, which drops it (page code has stopped)
    functions.call(env, name, data, caller.get()).thenAccept(answer -> c.resolve(Map.of("answer", answer)));
  }

  /**
   * One storage request ({@code action} uploadFile, downloadFile, getTempFileURL or deleteFile); never throws.
   * From a page ({@code server} false) files are local paths; from a cloud function they cross as base64.
   */
  public String storage(String action, String requestJson, boolean server) {
    String api = (server ? "" : "cloud.") + action;
    try {
      JsonNode request = json.readTree(requestJson);
      String env = request.path("env").asText("default");
      ObjectNode res = switch (action) {
        case "uploadFile" -> upload(request, env, server);
        case "downloadFile" -> download(request, server);
        case "getTempFileURL" -> tempUrls(request, server);
        case "deleteFile" -> delete(request, server);
        default -> throw CloudError.invalid("unknown action " + action);
      };
      res.put("errMsg", api + ":ok");
      return json.createObjectNode().put("ok", true).set("res", res).toString();
    } catch (CloudError e) {
      return fail(e.errCode(), api, e.reason());
    } catch (ApiFailure e) {
      return fail(-1, api, e.reason());
    } catch (IOException | RuntimeException e) {
      return fail(-1, api, "storage error");
    }
  }

  private ObjectNode upload(JsonNode request, String env, boolean server) throws IOException {
    JsonNode cloudPath = request.get("cloudPath");
    if (cloudPath == null || !cloudPath.isTextual() || cloudPath.textValue().isEmpty()) {
      throw CloudError.invalid("cloudPath must be a non-empty string");
    }
    Optional<CloudStorage.Ref> target = storage.parse(storage.fileId(env, cloudPath.textValue()));
    if (target.isEmpty()) {
      throw CloudError.invalid("cloudPath " + cloudPath.textValue());
    }
    if (!mayWrite(target.get(), server)) {
      throw new CloudError(DENIED, DENIED_TEXT);
    }
    byte[] bytes;
    if (server) {
      JsonNode content = request.get("contentBase64");
      if (content == null || !content.isTextual()) {
        throw CloudError.invalid("fileContent must be a Buffer, ArrayBuffer, typed array or string");
      }
      bytes = Base64.getDecoder().decode(content.textValue());
    } else {
      JsonNode filePath = request.get("filePath");
      if (filePath == null || !filePath.isTextual()) {
        throw CloudError.invalid("filePath must be a string");
      }
      bytes = Files.readAllBytes(files.readable(filePath.textValue()));
    }
    String fileId = storage.upload(env, cloudPath.textValue(), bytes, server ? null : caller.get().openid());
    // a page's upload answers the storage server's 204; the server SDK reports -1 (as its results show)
    ObjectNode res = json.createObjectNode().put("fileID", fileId).put("statusCode", server ? -1 : 204);
    return server ? res : res.put("size", bytes.length); // the page's task progress; not in the result

  }

  private ObjectNode download(JsonNode request, boolean server) throws IOException {
    String fileId = request.path("fileID").asText("");
    CloudStorage.Ref ref = existing(fileId)
        .orElseThrow(() -> new CloudError(server ? NONEXIST : -1, CloudStorage.FILE_NONEXIST));
    if (!mayRead(ref, server)) {
      throw new CloudError(DENIED, DENIED_TEXT);
    }
    Path file = ref.file();
    byte[] bytes = Files.readAllBytes(file);
    ObjectNode res = json.createObjectNode();
    if (server) {
      res.put("contentBase64", Base64.getEncoder().encodeToString(bytes));
    } else {
      String name = file.getFileName().toString();
      int dot = name.lastIndexOf('.');
      FileSandbox.LocalFile temp = files.newTempFile(dot > 0 ? name.substring(dot + 1) : "");
      Files.write(temp.file(), bytes);
      res.put("tempFilePath", temp.path()).put("size", bytes.length); // for the task's progress only
    }
    return res.put("statusCode", 200);
  }

  private ObjectNode tempUrls(JsonNode request, boolean server) {
    ArrayNode out = json.createArrayNode();
    for (JsonNode entry : fileList(request)) {
      String fileId = entry.isTextual() ? entry.textValue() : entry.path("fileID").asText("");
      JsonNode age = entry.path("maxAge");
      int maxAge = age.isNumber() && age.asLong() > 0 ? (int) Math.min(age.asLong(), MAX_AGE) : MAX_AGE;
      ObjectNode one = out.addObject().put("fileID", fileId);
      Optional<CloudStorage.Ref> ref = existing(fileId);
      if (ref.isEmpty()) {
        missing(one.put("tempFileURL", "").put("maxAge", maxAge), server);
      } else if (!mayRead(ref.get(), server)) {
        denied(one.put("tempFileURL", "").put("maxAge", maxAge));
      } else {
        one.put("tempFileURL", fileServer.url(ref.get(), maxAge)).put("maxAge", maxAge).put("status", 0)
            .put("errMsg", "ok");
      }
    }
    ObjectNode res = json.createObjectNode();
    res.set("fileList", out);
    return res;
  }

  private ObjectNode delete(JsonNode request, boolean server) throws IOException {
    ArrayNode out = json.createArrayNode();
    for (JsonNode entry : fileList(request)) {
      String fileId = entry.asText("");
      ObjectNode one = out.addObject().put("fileID", fileId);
      Optional<CloudStorage.Ref> ref = existing(fileId);
      if (ref.isPresent() && !mayWrite(ref.get(), server)) {
        denied(one);
      } else if (ref.isPresent() && storage.delete(fileId)) {
        one.put("status", 0).put("errMsg", "ok");
      } else {
        missing(one, server);
      }
    }
    ObjectNode res = json.createObjectNode();
    res.set("fileList", out);
    return res;
  }

  /**
   * A file list entry for a file that is not there: the page's base library reports status -1 and the error's
   * name, wx-server-sdk maps the code to -503003 and its text.
   */
  private static void missing(ObjectNode entry, boolean server) {
    entry.put("status", server ? NONEXIST : -1).put("errMsg", server ? "storage file not exists"
        : CloudStorage.FILE_NONEXIST);
  }

  /** A file list entry the permission mode refuses (page side only). */
  private static void denied(ObjectNode entry) {
    entry.put("status", DENIED).put("errMsg", "STORAGE_EXCEED_AUTHORITY");
  }

  private static JsonNode fileList(JsonNode request) {
    JsonNode list = request.get("fileList");
    if (list == null || !list.isArray()) {
      throw CloudError.invalid("fileList must be an array");
    }
    if (list.size() > MAX_FILES) {
      throw CloudError.invalid("fileList must not hold more than " + MAX_FILES + " file IDs");
    }
    return list;
  }

  private String fail(int code, String api, String reason) {
    ObjectNode out = json.createObjectNode().put("ok", false);
    out.putObject("res").put("errCode", code).put("errMsg", api + ":fail " + reason);
    return out.toString();
  }
}
