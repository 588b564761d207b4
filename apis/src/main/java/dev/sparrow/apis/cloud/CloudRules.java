package dev.sparrow.apis.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project's client-side cloud rules: the collections that exist from the start with their permission
 * mode, whether a collection springs into being on first use ({@code autoCreate}; WeChat: no, a collection
 * is created in the console), and cloud storage's permission mode ({@code storage}, the same four modes, checked
 * against each file's uploader). Read from {@code cloud/database.json} in the project folder:
 * {@code {"autoCreate": false, "collections": {"notes": "PRIVATE", "board": "READONLY"}, "storage": "PRIVATE"}};
 * a collection given as an object also declares its indexes: {@code "scores": {"permission": "READONLY",
 * "indexes": [{"name": "by_score", "keys": {"score": -1}, "unique": false}]}} ({@link CloudIndex}). A bad file is
 * a list of {@link #problems()}, the rest still applies.
 */
public record CloudRules(boolean autoCreate, Map<String, CloudPermission> collections, CloudPermission storage,
    Map<String, List<CloudIndex>> indexes, List<String> problems) {
  /** The file's place in a project folder. */
  public static final String FILE = "cloud/database.json";
  /**
   * Storage's mode when the project declares none: all users read, the uploader writes (所有用户可读，仅创建者可读写),
   * so an uploaded image shows to every user as in the cloud templates.
   */
  public static final CloudPermission DEFAULT_STORAGE = CloudPermission.READONLY;
  /** No collections declared; none created on use (WeChat's rule); storage {@link #DEFAULT_STORAGE}. */
  public static final CloudRules NONE = new CloudRules(false, Map.of(), DEFAULT_STORAGE, List.of());

  public CloudRules {
    collections = Map.copyOf(collections);
    indexes = Map.copyOf(indexes);
    problems = List.copyOf(problems);
  }

  /** Rules that declare no indexes. */
  public CloudRules(boolean autoCreate, Map<String, CloudPermission> collections, CloudPermission storage,
      List<String> problems) {
    this(autoCreate, collections, storage, Map.of(), problems);
  }

  /** The indexes declared on {@code collection}, in the file's order. */
  public List<CloudIndex> indexes(String collection) {
    return indexes.getOrDefault(collection, List.of());
  }

  /** The mode of {@code collection}: declared, or WeChat's default {@link CloudPermission#PRIVATE}. */
  public CloudPermission permission(String collection) {
    return collections.getOrDefault(collection, CloudPermission.PRIVATE);
  }

  /** These rules with {@code more} collections (replacing modes of the same name) and auto-creation or'ed. */
  public CloudRules with(boolean autoCreate, Map<String, CloudPermission> more) {
    Map<String, CloudPermission> all = new LinkedHashMap<>(collections);
    all.putAll(more);
    return new CloudRules(this.autoCreate || autoCreate, all, storage, indexes, problems);
  }

  /** These rules with storage's mode {@code mode} (null: unchanged). */
  public CloudRules withStorage(CloudPermission mode) {
    return mode == null ? this : new CloudRules(autoCreate, collections, mode, indexes, problems);
  }

  /** The rules in {@code projectDir}'s {@link #FILE}; {@link #NONE} when there is none. */
  public static CloudRules read(Path projectDir) {
    Path file = projectDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return NONE;
    }
    List<String> problems = new ArrayList<>();
    Map<String, CloudPermission> collections = new LinkedHashMap<>();
    Map<String, List<CloudIndex>> indexes = new LinkedHashMap<>();
    boolean autoCreate = false;
    CloudPermission storage = DEFAULT_STORAGE;
    try {
      JsonNode root = new ObjectMapper().readTree(file.toFile());
      autoCreate = root.path("autoCreate").asBoolean(false);
      root.path("collections").fields().forEachRemaining(e -> {
        // {"indexes": [...]} without a permission: the console's default
        String mode = e.getValue().isTextual() ? e.getValue().textValue()
            : e.getValue().path("permission").asText(CloudPermission.PRIVATE.name());
        CloudPermission p = CloudPermission.parse(mode);
        if (p == null) {
          problems.add(FILE + ": collection " + e.getKey() + ": unknown permission " + mode
              + " (READONLY, PRIVATE, ADMINWRITE or ADMINONLY); PRIVATE used");
          p = CloudPermission.PRIVATE;
        }
        collections.put(e.getKey(), p);
        List<CloudIndex> declared = new ArrayList<>();
        for (JsonNode spec : e.getValue().path("indexes")) {
          try {
            CloudIndex index = CloudIndex.parse(spec);
            if (declared.stream().anyMatch(i -> i.name().equals(index.name()))) {
              throw new IllegalArgumentException("index name " + index.name() + " declared twice");
            }
            declared.add(index);
          } catch (IllegalArgumentException bad) {
            problems.add(FILE + ": collection " + e.getKey() + ": " + bad.getMessage() + "; index left out");
          }
        }
        if (!declared.isEmpty()) {
          indexes.put(e.getKey(), declared);
        }
      });
      JsonNode declared = root.get("storage");
      if (declared != null) {
        CloudPermission p = CloudPermission.parse(declared.isTextual() ? declared.textValue() : declared.toString());
        if (p == null) {
          problems.add(FILE + ": storage: unknown permission " + declared
              + " (READONLY, PRIVATE, ADMINWRITE or ADMINONLY); " + DEFAULT_STORAGE + " used");
        } else {
          storage = p;
        }
      }
    } catch (IOException | RuntimeException e) {
      problems.add(FILE + ": not valid JSON (" + e.getMessage() + ")");
    }
    return new CloudRules(autoCreate, collections, storage, indexes, problems);
  }
}
