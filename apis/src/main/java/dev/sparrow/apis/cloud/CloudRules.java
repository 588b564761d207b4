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
 * A project's client-side database rules: the collections that exist from the start with their permission
 * mode, and whether a collection springs into being on first use ({@code autoCreate}; WeChat: no, a collection
 * is created in the console). Read from {@code cloud/database.json} in the project folder:
 * {@code {"autoCreate": false, "collections": {"notes": "PRIVATE", "board": "READONLY"}}}; a bad file is a
 * list of {@link #problems()}, the rest still applies.
 */
public record CloudRules(boolean autoCreate, Map<String, CloudPermission> collections, List<String> problems) {
  /** The file's place in a project folder. */
  public static final String FILE = "cloud/database.json";
  /** No collections declared; none created on use (WeChat's rule). */
  public static final CloudRules NONE = new CloudRules(false, Map.of(), List.of());

  public CloudRules {
    collections = Map.copyOf(collections);
    problems = List.copyOf(problems);
  }

  /** The mode of {@code collection}: declared, or WeChat's default {@link CloudPermission#PRIVATE}. */
  public CloudPermission permission(String collection) {
    return collections.getOrDefault(collection, CloudPermission.PRIVATE);
  }

  /** These rules with {@code more} collections (replacing modes of the same name) and auto-creation or'ed. */
  public CloudRules with(boolean autoCreate, Map<String, CloudPermission> more) {
    Map<String, CloudPermission> all = new LinkedHashMap<>(collections);
    all.putAll(more);
    return new CloudRules(this.autoCreate || autoCreate, all, problems);
  }

  /** The rules in {@code projectDir}'s {@link #FILE}; {@link #NONE} when there is none. */
  public static CloudRules read(Path projectDir) {
    Path file = projectDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return NONE;
    }
    List<String> problems = new ArrayList<>();
    Map<String, CloudPermission> collections = new LinkedHashMap<>();
    boolean autoCreate = false;
    try {
      JsonNode root = new ObjectMapper().readTree(file.toFile());
      autoCreate = root.path("autoCreate").asBoolean(false);
      root.path("collections").fields().forEachRemaining(e -> {
        String mode = e.getValue().isTextual() ? e.getValue().textValue() : e.getValue().path("permission").asText();
        CloudPermission p = CloudPermission.parse(mode);
        if (p == null) {
          problems.add(FILE + ": collection " + e.getKey() + ": unknown permission " + mode
              + " (READONLY, PRIVATE, ADMINWRITE or ADMINONLY); PRIVATE used");
          p = CloudPermission.PRIVATE;
        }
        collections.put(e.getKey(), p);
      });
    } catch (IOException | RuntimeException e) {
      problems.add(FILE + ": not valid JSON (" + e.getMessage() + ")");
    }
    return new CloudRules(autoCreate, collections, problems);
  }
}
