package dev.sparrow.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.apis.cloud.CloudDatabase;
import dev.sparrow.apis.cloud.CloudError;
import dev.sparrow.apis.cloud.CloudStorage;
import dev.sparrow.apis.files.FileSandbox;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.WxCallException;
import dev.sparrow.runtime.cloud.CloudFunctions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The panels beside the phone, answered on request: AppData (the page's live data), Storage (keys
 * and values, editable), files (saved files and user files) and Cloud (the cloud database's environments,
 * collections and documents). The console and network log are pushed as they happen instead (see
 * {@link Mirror#keep}).
 */
final class Panels {
  /** The documents of one collection the Cloud panel shows at most. */
  static final int CLOUD_DOCUMENTS = 100;
  /** The cloud storage files the Cloud panel lists at most. */
  static final int CLOUD_FILES = 200;

  ObjectNode answer(Session session, JsonNode request) {
    String name = request.path("name").asText();
    ObjectNode m = Messages.of("panel." + name);
    switch (name) {
      case "data" -> {
        int page = request.path("page").asInt();
        m.put("page", page);
        session.page(page).ifPresentOrElse(p -> {
          m.put("route", p.route());
          m.set("data", Messages.json(p.data()));
        }, () -> m.putNull("data"));
      }
      case "storage" -> storage(session, m);
      case "files" -> files(session, m);
      case "cloud" -> cloud(session, request, m);
      default -> m.put("error", "no panel " + name);
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  private static void storage(Session session, ObjectNode m) {
    Map<String, Object> info = (Map<String, Object>) session.callWxSync("getStorageInfoSync");
    m.put("currentSize", ((Number) info.getOrDefault("currentSize", 0)).longValue());
    m.put("limitSize", ((Number) info.getOrDefault("limitSize", 0)).longValue());
    ArrayNode items = m.putArray("items");
    for (Object key : (List<Object>) info.getOrDefault("keys", List.of())) {
      Object value = session.callWxSync("getStorageSync", key);
      ObjectNode item = items.addObject();
      item.put("key", String.valueOf(key));
      item.set("value", Messages.json(value));
      item.put("type", value == null ? "null" : value instanceof String ? "string" : value instanceof Number ? "number"
          : value instanceof Boolean ? "boolean" : value instanceof List ? "array" : "object");
    }
  }

  /** Sets a key from the panel: JSON when it parses as JSON, else the text as a string. */
  void setStorage(Session session, String key, String text) {
    Object value;
    try {
      value = Browsers.JSON.readValue(text, Object.class);
    } catch (IOException e) {
      value = text;
    }
    session.callWxSync("setStorageSync", key, value);
  }

  /**
   * The Cloud panel: the environments, the chosen one's collections with their counts, and the chosen
   * collection's first {@link #CLOUD_DOCUMENTS} documents in storage order; the app's cloud storage files
   * ({@code fileID}, {@code size}; first {@link #CLOUD_FILES}) and its cloud functions' log lines, oldest first.
   */
  private static void cloud(Session session, JsonNode request, ObjectNode m) {
    List<String> envs = session.cloudEnvironments();
    ArrayNode envList = m.putArray("envs");
    envs.forEach(envList::add);
    ArrayNode files = m.putArray("files");
    for (CloudStorage.Stored f : session.cloudFiles(CLOUD_FILES)) {
      files.addObject().put("fileID", f.fileId()).put("size", f.size());
    }
    ArrayNode logs = m.putArray("functionLogs");
    for (CloudFunctions.LogLine line : session.cloudFunctionLogs()) {
      logs.addObject().put("name", line.function()).put("level", line.level()).put("text", line.text());
    }
    String env = request.path("env").asText("");
    if (!envs.contains(env)) {
      env = envs.isEmpty() ? "" : envs.get(0);
    }
    if (env.isEmpty()) {
      return;
    }
    m.put("env", env);
    try {
      CloudDatabase db = session.cloudDatabase(env);
      List<String> names = db.collections();
      ArrayNode collections = m.putArray("collections");
      for (String name : names) {
        collections.addObject().put("name", name).put("count", db.count(name, Browsers.JSON.createObjectNode()));
      }
      String collection = request.path("collection").asText("");
      if (!names.contains(collection)) {
        collection = names.isEmpty() ? "" : names.get(0);
      }
      if (collection.isEmpty()) {
        return;
      }
      m.put("collection", collection);
      ArrayNode docs = m.putArray("documents");
      db.find(collection, new CloudDatabase.Find(Browsers.JSON.createObjectNode(), List.of(), 0, CLOUD_DOCUMENTS,
          null)).forEach(docs::add);
    } catch (CloudError e) {
      m.put("error", e.reason());
    } catch (RuntimeException e) {
      m.put("error", "the cloud database cannot be read: " + e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private static void files(Session session, ObjectNode m) {
    ArrayNode saved = m.putArray("saved");
    try {
      Map<String, Object> list = session.callWx("getSavedFileList", Map.of());
      for (Object f : (List<Object>) list.getOrDefault("fileList", List.of())) {
        saved.add(Messages.json(f));
      }
    } catch (WxCallException e) {
      m.put("savedError", e.errMsg());
    }
    FileSandbox files = session.files();
    ArrayNode user = m.putArray("user");
    Path dir = files.userDir();
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir, 8)) {
      walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().limit(500).forEach(p -> {
        ObjectNode f = user.addObject();
        f.put("filePath", files.userPathOf(p));
        try {
          f.put("size", Files.size(p));
          f.put("createTime", Files.getLastModifiedTime(p).toMillis() / 1000);
        } catch (IOException e) {
          f.put("size", -1);
        }
      });
    } catch (IOException e) {
      m.put("userError", e.getMessage());
    }
  }
}
