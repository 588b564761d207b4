package dev.sparrow.runtime.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads every {@code usingComponents} of a project (app.json, page jsons, then the jsons of the components they
 * reach) and checks each component as WeChat DevTools does before running: the path resolves (relative to the
 * declaring file, {@code /} from the package root, or a {@code miniprogram_npm} package found from the declaring
 * folder upwards; a folder means its {@code index}), its {@code .json} says {@code "component": true} or has
 * {@code usingComponents}, and its {@code .js} and {@code .wxml} exist ({@code .wxss} is optional). Problems are
 * located at the declaring json line.
 */
final class ComponentLoader {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The custom tab bar's component (app.json tabBar.custom). */
  private static final String TAB_BAR = "custom-tab-bar/index";

  private final ProjectFiles files;
  private final String prefix;
  private final List<Problem> problems;
  /** Package name → how to get it, for extended libraries turned on but not found. */
  private final Map<String, String> missingLibs;
  private final Map<String, String> global = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> local = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> configs = new LinkedHashMap<>();
  private final Deque<String> pending = new ArrayDeque<>();
  private final Set<String> seen = new HashSet<>();

  ComponentLoader(ProjectFiles files, String prefix, List<Problem> problems, Map<String, String> missingLibs) {
    this.files = files;
    this.missingLibs = missingLibs;
    this.prefix = prefix;
    this.problems = problems;
  }

  /**
   * @param app app.json
   * @param appText its text (for line numbers)
   * @param pageJsons page route → its json, for pages that have one
   */
  ComponentIndex load(JsonNode app, String appText, Map<String, JsonNode> pageJsons, Map<String, String> pageTexts) {
    declare("", "app.json", app, appText, global);
    pageJsons.forEach((route, json) -> {
      Map<String, String> own = new LinkedHashMap<>();
      declare(route, route + ".json", json, pageTexts.get(route), own);
      if (!own.isEmpty()) {
        local.put(route, own);
      }
    });
    // tabBar.custom: custom-tab-bar/index is a component of every tab page, used by the app
    if (app.path("tabBar").path("custom").asBoolean(false)) {
      int line = ProjectLoader.lineOf(appText == null ? "" : appText, "\"custom\"", 0);
      if (component(TAB_BAR).isEmpty()) {
        problems.add(new Problem(prefix + "app.json", line, 0,
            "Component is not found in path \"" + TAB_BAR + "\" (using by \"app.json\")"));
      } else if (check(TAB_BAR, "app.json", line, "app.json") && seen.add(TAB_BAR)) {
        pending.add(TAB_BAR);
      }
    }
    while (!pending.isEmpty()) {
      String path = pending.poll();
      String text = files.read(path + ".json").orElse("");
      JsonNode json = ProjectLoader.parse(prefix + path + ".json", text, problems);
      if (json == null) {
        continue;
      }
      Map<String, String> own = new LinkedHashMap<>();
      declare(path, path + ".json", json, text, own);
      genericDefaults(path, json, text, own);
      if (!own.isEmpty()) {
        local.put(path, own);
      }
    }
    return new ComponentIndex(global, local, configs);
  }

  private void declare(String owner, String file, JsonNode json, String text, Map<String, String> into) {
    JsonNode using = json.path("usingComponents");
    if (using.isMissingNode() || using.isNull()) {
      return;
    }
    int from = text == null ? 0 : Math.max(0, text.indexOf("\"usingComponents\""));
    if (!using.isObject()) {
      problems.add(new Problem(prefix + file, ProjectLoader.lineOf(text == null ? "" : text, "\"usingComponents\"", 0), 0,
          "\"usingComponents\" must be an object of tag → component path"));
      return;
    }
    String user = owner.isEmpty() ? "app.json" : owner;
    using.fields().forEachRemaining(e -> {
      int line = text == null ? 0 : ProjectLoader.lineOf(text, "\"" + e.getKey() + "\"", from);
      if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
        problems.add(new Problem(prefix + file, line, 0, "usingComponents \"" + e.getKey() + "\" must be a component path"));
        return;
      }
      String request = e.getValue().asText().strip();
      Optional<String> found = resolve(owner, request);
      if (found.isEmpty()) {
        problems.add(new Problem(prefix + file, line, 0,
            "Component is not found in path \"" + shown(owner, request) + "\" (using by \"" + user + "\")"
            + files.aliasNote(request) + npmHint(owner, request)));
        return;
      }
      String path = found.get();
      if (check(path, file, line, user)) {
        into.put(e.getKey(), path);
        if (seen.add(path)) {
          pending.add(path);
        }
      }
    });
  }

  /**
   * {@code componentGenerics: {"name": {"default": "path"}}}: the component an abstract node shows when its host names
   * none ({@code generic:name}), resolved like a usingComponents entry of the component.
   */
  private void genericDefaults(String owner, JsonNode json, String text, Map<String, String> into) {
    JsonNode generics = json.path("componentGenerics");
    if (!generics.isObject()) {
      return;
    }
    String file = owner + ".json";
    generics.fields().forEachRemaining(e -> {
      JsonNode d = e.getValue().path("default");
      if (!d.isTextual() || d.asText().isBlank() || into.containsKey(e.getKey())) {
        return;
      }
      int line = text == null ? 0 : ProjectLoader.lineOf(text, "\"" + e.getKey() + "\"", 0);
      String request = d.asText().strip();
      Optional<String> found = resolve(owner, request);
      if (found.isEmpty()) {
        problems.add(new Problem(prefix + file, line, 0,
            "Component is not found in path \"" + shown(owner, request) + "\" (using by \"" + owner + "\")"
            + files.aliasNote(request)));
        return;
      }
      if (check(found.get(), file, line, owner)) {
        into.put(e.getKey(), found.get());
        if (seen.add(found.get())) {
          pending.add(found.get());
        }
      }
    });
  }

  /** Whether the component's files are complete; records what is missing. */
  private boolean check(String path, String file, int line, String user) {
    if (configs.containsKey(path)) {
      return true;
    }
    Optional<String> text = files.read(path + ".json");
    if (text.isEmpty()) {
      problems.add(new Problem(prefix + file, line, 0, "component \"" + path + "\" has no " + path + ".json (using by \"" + user + "\")"));
      return false;
    }
    JsonNode json = ProjectLoader.parse(prefix + path + ".json", text.get(), problems);
    if (json == null) {
      return false;
    }
    boolean ok = true;
    // glass-easel takes a path as a component when its json says "component": true or has usingComponents (its
    // webpack plugin's isCompPath); towxml's stream-typer demo and omix's snake ship components of the second kind
    if (!json.path("component").asBoolean(false) && !json.path("usingComponents").isObject()) {
      problems.add(new Problem(prefix + path + ".json", ProjectLoader.lineOf(text.get(), "\"component\"", 0), 0,
          "\"component\": true is required to use " + path + " as a component (using by \"" + user + "\")"));
      ok = false;
    }
    for (String ext : List.of(".js", ".wxml")) {
      if (!files.exists(path + ext)) {
        problems.add(new Problem(prefix + file, line, 0,
            "component \"" + path + "\" is missing " + prefix + path + ext + " (using by \"" + user + "\")"));
        ok = false;
      }
    }
    if (ok) {
      @SuppressWarnings("unchecked")
      Map<String, Object> config = JSON.convertValue(json, LinkedHashMap.class);
      configs.put(path, config);
    }
    return ok;
  }

  /**
   * {@code /weui-miniprogram/cell/cell} with {@code useExtendedLib} on: projects name the extended library from the
   * root too, and WeChat finds it there (the package's own folder of that name comes first).
   */
  private Optional<String> extendedLib(String request) {
    Optional<String> norm = ProjectFiles.normalise(request);
    int slash = norm.map(n -> n.indexOf('/')).orElse(-1);
    if (slash <= 0 || !files.isMountPoint("miniprogram_npm/" + norm.get().substring(0, slash + 1))) {
      return Optional.empty();
    }
    return component("miniprogram_npm/" + norm.get());
  }

  /**
   * Through app.json's {@code resolveAlias} first; relative to the declaring file, {@code /} from the root, else a
   * miniprogram_npm package from the folder up.
   */
  Optional<String> resolve(String owner, String request) {
    Optional<String> aliased = files.aliased(request).flatMap(this::component);
    if (aliased.isPresent()) {
      return aliased;
    }
    String dir = owner.lastIndexOf('/') >= 0 ? owner.substring(0, owner.lastIndexOf('/') + 1) : "";
    if (request.startsWith("/")) {
      return ProjectFiles.normalise(request).flatMap(this::component).or(() -> extendedLib(request));
    }
    Optional<String> relative = ProjectFiles.normalise(dir + request).flatMap(this::component);
    if (relative.isPresent() || request.startsWith(".")) {
      return relative;
    }
    for (String d : ProjectFiles.foldersUp(owner)) {
      Optional<String> npm = ProjectFiles.normalise(d + "miniprogram_npm/" + request).flatMap(this::component);
      if (npm.isPresent()) {
        return npm;
      }
    }
    return ProjectFiles.normalise(request).flatMap(this::component);
  }

  /** For a bare path naming an npm package that is installed but not built: how to build it. */
  private String npmHint(String owner, String request) {
    if (request.startsWith("/") || request.startsWith(".")) {
      return "";
    }
    String[] segs = request.split("/");
    String pkg = request.startsWith("@") && segs.length > 1 ? segs[0] + "/" + segs[1] : segs[0];
    if (missingLibs.containsKey(pkg)) {
      return "; " + missingLibs.get(pkg);
    }
    for (String d : ProjectFiles.foldersUp(owner)) {
      if (files.exists(d + "node_modules/" + pkg + "/package.json")) {
        return "; npm package \"" + pkg + "\" is installed in " + prefix + d + "node_modules but not built into miniprogram_npm:"
            + " run `sparrow build-npm PROJECT` (DevTools: Tools → Build npm)";
      }
    }
    return "";
  }

  private Optional<String> component(String base) {
    if (base.isEmpty()) {
      return Optional.empty();
    }
    for (String p : new String[] {base, base + "/index"}) {
      if (files.exists(p + ".json") || files.exists(p + ".js") || files.exists(p + ".wxml")) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private String shown(String owner, String request) {
    Optional<String> aliased = files.aliased(request);
    if (aliased.isPresent()) {
      return aliased.get();
    }
    if (request.startsWith("/")) {
      return ProjectFiles.normalise(request).orElse(request);
    }
    String dir = owner.lastIndexOf('/') >= 0 ? owner.substring(0, owner.lastIndexOf('/') + 1) : "";
    return ProjectFiles.normalise(dir + request).orElse(request);
  }
}
