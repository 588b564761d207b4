package dev.sparrow.runtime.project;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparrow.runtime.js.CompileCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a mini program folder and checks it as WeChat DevTools does before running anything:
 * {@code project.config.json} (appid, {@code miniprogramRoot}, {@code setting.urlCheck}, with
 * {@code project.private.config.json} on top), {@code app.json} (pages, subpackages, window,
 * tabBar, networkTimeout, entryPagePath), {@code app.js}, and every page's {@code .js} and {@code
 * .wxml} (required) and {@code .json} (optional), and every custom component they declare in {@code
 * usingComponents} ({@link ComponentLoader}).
 *
 * <p>Every problem found is collected, each naming its file (and line:column for JSON syntax errors). Only a
 * project the app cannot start from is refused ({@link ProjectException}: no folder, no or malformed {@code
 * project.config.json}/{@code app.json}, no page, no {@code app.js}, a tabBar or entryPagePath naming no page).
 * Anything else degrades as in WeChat and is kept in {@link Project#problems()}: a page whose files are missing or
 * whose json is malformed, a page listed twice or written wrong, a component that cannot be used (its tag then
 * stays a plain element); the app launches and the other pages work.
 */
public final class ProjectLoader {
  /** DevTools' appid for projects without one. */
  public static final String TOURIST_APPID = "touristappid";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProjectLoader() {}

  /**
   * A page that is not the package's: its files in {@code folder}, mounted at {@code mountAt} (a folder path ending in
   * {@code /}), added to the pages as {@code route} (under the mount). The component test harness's host page.
   */
  public record ExtraPage(String mountAt, Path folder, String route) {}

  /** Loads the project in {@code dir}; throws {@link ProjectException} listing every problem when it cannot start. */
  public static Project load(Path dir) {
    return load(dir, ExtendedLibs.defaults());
  }

  /** As {@link #load(Path)}, finding {@code useExtendedLib} libraries through {@code libs}. */
  public static Project load(Path dir, ExtendedLibs libs) {
    return load(dir, libs, CompileCache.none(), Optional.empty());
  }

  /**
   * As {@link #load(Path, ExtendedLibs)}, the compiler plugins' outputs kept in {@code cache}, with {@code extra}
   * mounted and listed after the project's pages.
   */
  public static Project load(Path dir, ExtendedLibs libs, CompileCache cache, Optional<ExtraPage> extra) {
    List<Problem> fatal = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Path projectDir = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(projectDir)) {
      throw new ProjectException(List.of(Problem.at(dir.toString(), "not a directory")));
    }

    JsonNode config = readJson(projectDir, "project.config.json", false, fatal);
    JsonNode privateConfig = readJson(projectDir, "project.private.config.json", false, fatal);
    String appId = text(config, "appid").filter(s -> !s.isBlank()).orElse(TOURIST_APPID);
    String projectName = text(config, "projectname").orElse(projectDir.getFileName().toString());
    String rootDir = text(config, "miniprogramRoot").orElse("");
    boolean urlCheck = bool(privateConfig.path("setting"), "urlCheck").or(() -> bool(config.path("setting"), "urlCheck")).orElse(true);

    Path root = projectDir.resolve(rootDir).normalize();
    if (!root.startsWith(projectDir) || !Files.isDirectory(root)) {
      fatal.add(Problem.at("project.config.json", "miniprogramRoot \"" + rootDir + "\" is not a folder inside the project"));
      throw new ProjectException(fatal);
    }
    String prefix = rootDir.isEmpty() ? "" : ProjectFiles.normalise(rootDir).orElse("") + "/";
    List<String> plugins = compilerPlugins(projectDir, config.path("setting").path("useCompilerPlugins"), problems);
    StyleSources styles = new StyleSources(new ProjectFiles(root), cache);
    ProjectFiles files = compiled(new ProjectFiles(root), plugins, styles);

    String appJsonText = files.read("app.json").orElse(null);
    if (appJsonText == null) {
      fatal.add(Problem.at(prefix + "app.json", "app.json is missing"));
      throw new ProjectException(fatal);
    }
    JsonNode app = parse(prefix + "app.json", appJsonText, fatal);
    if (app == null) {
      throw new ProjectException(fatal);
    }
    files = files.withAliases(ResolveAlias.parse(app.path("resolveAlias"), prefix + "app.json", appJsonText, problems));
    if (!files.exists("app.js")) {
      fatal.add(Problem.at(prefix + "app.js", "app.js is missing" + pluginHint(files, "app.js", prefix)));
    }
    List<String> libraryStyles = new ArrayList<>();
    Map<String, String> missingLibs = new LinkedHashMap<>();
    files = extendedLibs(libs, projectDir, app, appJsonText, files, prefix + "app.json", libraryStyles, missingLibs,
        problems);
    if (extra.isPresent()) {
      files = files.withMount(extra.get().mountAt(), extra.get().folder());
    }

    List<String> pages = new ArrayList<>();
    Map<String, Integer> pageLines = new LinkedHashMap<>();
    JsonNode pagesNode = app.path("pages");
    if (!pagesNode.isArray() || pagesNode.isEmpty()) {
      fatal.add(new Problem(prefix + "app.json", lineOf(appJsonText, "\"pages\"", 0), 0, "\"pages\" must be a non-empty array of page paths"));
    } else {
      addPages(pagesNode, "", prefix + "app.json", appJsonText, pages, pageLines, problems);
    }
    extra.ifPresent(e -> pages.add(e.route()));
    List<AppConfig.Subpackage> subpackages = new ArrayList<>();
    JsonNode subs = app.has("subpackages") ? app.path("subpackages") : app.path("subPackages");
    for (JsonNode sub : subs) {
      String subRoot = ProjectFiles.normalise(sub.path("root").asText("")).orElse("");
      if (subRoot.isEmpty()) {
        problems.add(new Problem(prefix + "app.json", lineOf(appJsonText, "\"root\"", 0), 0, "a subpackage needs a \"root\""));
        continue;
      }
      List<String> subPages = new ArrayList<>();
      addPages(sub.path("pages"), subRoot + "/", prefix + "app.json", appJsonText, subPages, pageLines, problems);
      pages.addAll(subPages);
      subpackages.add(new AppConfig.Subpackage(subRoot, sub.path("name").asText(subRoot), subPages, sub.path("independent").asBoolean(false)));
    }

    Map<String, Map<String, Object>> pageConfigs = new LinkedHashMap<>();
    Map<String, JsonNode> pageJsons = new LinkedHashMap<>();
    Map<String, String> pageTexts = new LinkedHashMap<>();
    for (String route : pages) {
      for (String ext : List.of(".js", ".wxml")) {
        if (!files.exists(route + ext)) {
          problems.add(new Problem(prefix + "app.json", pageLines.getOrDefault(route, 0), 0,
              "page \"" + route + "\" is listed but " + prefix + route + ext + " is missing"
                  + pluginHint(files, route + ext, prefix)));
        }
      }
      Optional<String> pageJson = files.read(route + ".json");
      if (pageJson.isPresent()) {
        JsonNode node = parse(prefix + route + ".json", pageJson.get(), problems);
        if (node != null && node.isObject()) {
          pageConfigs.put(route, toMap(node));
          pageJsons.put(route, node);
          pageTexts.put(route, pageJson.get());
        } else if (node != null) {
          problems.add(Problem.at(prefix + route + ".json", "a page's json must be an object"));
        }
      } else {
        pageConfigs.put(route, Map.of());
      }
    }

    ComponentIndex components = new ComponentLoader(files, prefix, problems, missingLibs)
        .load(app, appJsonText, pageJsons, pageTexts);
    List<String> owners = new ArrayList<>(List.of("app"));
    owners.addAll(pages);
    owners.addAll(components.configs().keySet());
    for (String owner : owners) {
      if (files.standIn(owner + ".wxss").isPresent()) {
        // compiled now, so that a style's error is a problem of the project like a page's missing file
        files.read(owner + ".wxss");
      } else if (!files.exists(owner + ".wxss")) {
        String hint = pluginHint(files, owner + ".wxss", prefix);
        if (!hint.isEmpty()) {
          problems.add(Problem.at(prefix + owner + ".wxss", "no " + owner + ".wxss, its styles are not used" + hint));
        }
      }
    }
    styles.problems().forEach(p -> problems.add(new Problem(prefix + p.file(), p.line(), p.column(), p.message())));

    Optional<TabBar> tabBar = tabBar(app.path("tabBar"), pages, subpackages, prefix + "app.json", appJsonText, fatal);

    String entry = text(app, "entryPagePath").map(p -> ProjectFiles.normalise(p).orElse(p)).orElse(pages.isEmpty() ? "" : pages.get(0));
    if (!entry.isEmpty() && !pages.contains(entry) && app.has("entryPagePath")) {
      fatal.add(new Problem(prefix + "app.json", lineOf(appJsonText, "\"entryPagePath\"", 0), 0, "entryPagePath \"" + entry + "\" is not a page in \"pages\""));
    }
    if (pages.isEmpty() && fatal.isEmpty()) {
      fatal.add(new Problem(prefix + "app.json", lineOf(appJsonText, "\"pages\"", 0), 0, "no usable page in \"pages\""));
    }

    Map<String, Integer> timeouts = new LinkedHashMap<>();
    app.path("networkTimeout").fields().forEachRemaining(e -> {
      if (e.getValue().isNumber()) {
        timeouts.put(e.getKey(), e.getValue().asInt());
      }
    });

    if (!fatal.isEmpty()) {
      fatal.addAll(problems);
      throw new ProjectException(fatal);
    }
    JsonNode window = app.path("window");
    AppConfig appConfig = new AppConfig(pages, subpackages, window.isObject() ? toMap(window) : Map.of(), tabBar, timeouts, entry, toMap(app));
    return new Project(projectDir, appId, projectName, files, urlCheck, appConfig, pageConfigs, components,
        libraryStyles, problems, plugins);
  }

  /**
   * app.json's {@code useExtendedLib}: each library turned on ({@code true} or a version) is mounted (its stylesheet
   * added to {@code styles}) from where {@code libs} finds it. A library Sparrow does not know, one it cannot find (its package then in
   * {@code missing} with how to get it), or one the package also has in {@code miniprogram_npm} (WeChat refuses both;
   * the package's copy is used) is a problem.
   */
  private static ProjectFiles extendedLibs(ExtendedLibs libs, Path projectDir, JsonNode app, String text,
      ProjectFiles files, String file, List<String> styles, Map<String, String> missing, List<Problem> problems) {
    ProjectFiles out = files;
    for (var it = app.path("useExtendedLib").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      // true or a version ("latest", "1.5.6"; Sparrow's pinned version serves any)
      JsonNode on = e.getValue();
      if (on.isTextual() ? on.asText().isBlank() : !on.asBoolean(false)) {
        continue;
      }
      int line = lineOf(text, "\"" + e.getKey() + "\"", Math.max(0, text.indexOf("\"useExtendedLib\"")));
      Optional<ExtendedLibs.Lib> found = ExtendedLibs.named(e.getKey());
      if (found.isEmpty()) {
        problems.add(new Problem(file, line, 0,
            "useExtendedLib \"" + e.getKey() + "\" is not available in Sparrow (it provides weui)"));
        continue;
      }
      ExtendedLibs.Lib lib = found.get();
      if (files.isDirectory(lib.mountedAt())) {
        problems.add(new Problem(file, line, 0, "miniprogram_npm 目录下的 " + lib.packageName() + " 包与扩展库 " + lib.name()
            + " 发生冲突，请移除 " + lib.packageName() + " 包或者删除 `useExtendedLib." + lib.name() + "` 配置"));
        if (files.exists(lib.mountedAt() + lib.stylesheet())) {
          styles.add(lib.mountedAt() + lib.stylesheet());
        }
        continue;
      }
      ExtendedLibs.Located where = libs.locate(lib, projectDir, files.root());
      if (where.folder().isPresent()) {
        out = out.withMount(lib.mountedAt(), where.folder().get());
        styles.add(lib.mountedAt() + lib.stylesheet());
      } else {
        problems.add(new Problem(file, line, 0, "useExtendedLib \"" + lib.name() + "\": " + where.problem()));
        missing.put(lib.packageName(), "useExtendedLib \"" + lib.name() + "\" is not available: " + lib.howToGet());
      }
    }
    return out;
  }

  private static boolean isSubRoute(String route, List<AppConfig.Subpackage> subs) {
    return subs.stream().anyMatch(s -> route.startsWith(s.root() + "/"));
  }

  private static void addPages(
      JsonNode list, String rootPrefix, String file, String text, List<String> into, Map<String, Integer> lines, List<Problem> problems) {
    int from = 0;
    for (JsonNode p : list) {
      if (!p.isTextual() || p.asText().isBlank()) {
        problems.add(Problem.at(file, "a page path must be a non-empty string, got " + p));
        continue;
      }
      String raw = p.asText();
      int line = lineOf(text, "\"" + raw + "\"", from);
      int at = text.indexOf("\"" + raw + "\"", from);
      if (at >= 0) {
        from = at + raw.length() + 2;
      }
      Optional<String> norm = ProjectFiles.normalise(raw);
      if (norm.isEmpty() || raw.startsWith("/") || raw.endsWith(".js") || raw.endsWith(".wxml")) {
        problems.add(new Problem(file, line, 0, "page path \"" + raw + "\" must be relative to the package, without extension"));
        continue;
      }
      String route = rootPrefix + norm.get();
      if (lines.putIfAbsent(route, line) != null) {
        problems.add(new Problem(file, line, 0, "page \"" + route + "\" is listed twice"));
        continue;
      }
      into.add(route);
    }
  }

  private static Optional<TabBar> tabBar(JsonNode node, List<String> pages, List<AppConfig.Subpackage> subs, String file, String text, List<Problem> problems) {
    if (node.isMissingNode() || node.isNull()) {
      return Optional.empty();
    }
    List<TabBar.Item> items = new ArrayList<>();
    for (JsonNode item : node.path("list")) {
      String path = ProjectFiles.normalise(item.path("pagePath").asText("")).orElse("");
      int line = lineOf(text, "\"" + item.path("pagePath").asText("") + "\"", text.indexOf("\"tabBar\""));
      if (!pages.contains(path)) {
        problems.add(new Problem(file, line, 0, "tabBar pagePath \"" + path + "\" is not a page in \"pages\""));
      } else if (isSubRoute(path, subs)) {
        problems.add(new Problem(file, line, 0, "tabBar pagePath \"" + path + "\" must be in the main package"));
      }
      items.add(new TabBar.Item(path, item.path("text").asText(""), item.path("iconPath").asText(""), item.path("selectedIconPath").asText("")));
    }
    if (items.size() < 2 || items.size() > 5) {
      problems.add(new Problem(file, lineOf(text, "\"tabBar\"", 0), 0, "tabBar.list must have 2 to 5 items, it has " + items.size()));
    }
    return Optional.of(new TabBar(items, node.path("color").asText(""), node.path("selectedColor").asText(""),
        node.path("backgroundColor").asText(""), node.path("borderStyle").asText("black"), node.path("position").asText("bottom"),
        node.path("custom").asBoolean(false)));
  }

  /** The compiler plugins DevTools knows, and the files each one compiles: extension → its stand-ins. */
  private static final Map<String, Map<String, List<String>>> PLUGINS = Map.of(
      "typescript", Map.of(".js", List.of(".ts")),
      "less", Map.of(".wxss", List.of(".less")),
      "sass", Map.of(".wxss", List.of(".scss", ".sass")));

  /** {@code setting.useCompilerPlugins}: the known names in it; an unknown one is a located problem. */
  private static List<String> compilerPlugins(Path projectDir, JsonNode node, List<Problem> problems) {
    List<String> out = new ArrayList<>();
    if (!node.isArray()) {
      return out;
    }
    for (JsonNode entry : node) {
      String name = entry.isObject() ? entry.path("option").path("name").asText(entry.path("name").asText(""))
          : entry.asText("");
      if (PLUGINS.containsKey(name)) {
        out.add(name);
      } else {
        String text = readText(projectDir.resolve("project.config.json"));
        problems.add(new Problem("project.config.json", lineOf(text, "\"useCompilerPlugins\"", 0), 0,
            "unknown compiler plugin \"" + name + "\" in setting.useCompilerPlugins"
                + " (Sparrow knows typescript, less, sass)"));
      }
    }
    return out;
  }

  private static ProjectFiles compiled(ProjectFiles files, List<String> plugins, StyleSources styles) {
    Map<String, List<String>> standIns = new LinkedHashMap<>();
    for (String plugin : plugins) {
      PLUGINS.get(plugin).forEach((ext, others) ->
          standIns.computeIfAbsent(ext, k -> new ArrayList<>()).addAll(others));
    }
    for (Map.Entry<String, List<String>> e : standIns.entrySet()) {
      files = files.withStandIn(e.getKey(), e.getValue());
    }
    for (String ext : List.of(".less", ".scss", ".sass")) {
      files = files.withCompiler(ext, styles);
    }
    return files;
  }

  /** For a missing file that a compiler plugin would make: which plugin to declare. */
  static String pluginHint(ProjectFiles files, String path, String prefix) {
    int dot = path.lastIndexOf('.');
    for (Map.Entry<String, Map<String, List<String>>> plugin : PLUGINS.entrySet()) {
      for (String other : plugin.getValue().getOrDefault(path.substring(dot), List.of())) {
        String standIn = path.substring(0, dot) + other;
        if (files.exists(standIn)) {
          return ": found " + prefix + standIn + ", add \"" + plugin.getKey() + "\" to setting.useCompilerPlugins";
        }
      }
    }
    return "";
  }

  private static String readText(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }

  private static JsonNode readJson(Path dir, String name, boolean required, List<Problem> problems) {
    Path file = dir.resolve(name);
    if (!Files.isRegularFile(file)) {
      if (required) {
        problems.add(Problem.at(name, name + " is missing"));
      }
      return JSON.missingNode();
    }
    try {
      JsonNode node = parse(name, new String(Files.readAllBytes(file), StandardCharsets.UTF_8), problems);
      return node == null ? JSON.missingNode() : node;
    } catch (IOException e) {
      problems.add(Problem.at(name, "cannot read: " + e.getMessage()));
      return JSON.missingNode();
    }
  }

  /** Parses JSON text; on a syntax error records file:line:column and returns null. */
  static JsonNode parse(String file, String text, List<Problem> problems) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (body.isBlank()) {
      problems.add(new Problem(file, 1, 1, "empty file; expected a JSON object"));
      return null;
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (!node.isObject()) {
        problems.add(new Problem(file, 1, 1, "expected a JSON object"));
        return null;
      }
      return node;
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String message = e.getOriginalMessage();
      int nl = message.indexOf('\n');
      problems.add(new Problem(file, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(),
          "invalid JSON: " + (nl >= 0 ? message.substring(0, nl) : message)));
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> toMap(JsonNode node) {
    return JSON.convertValue(node, LinkedHashMap.class);
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
  }

  private static Optional<Boolean> bool(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isBoolean() ? Optional.of(v.asBoolean()) : Optional.empty();
  }

  /** 1-based line of the first {@code needle} at or after {@code from}; 0 when absent. */
  static int lineOf(String text, String needle, int from) {
    int at = text.indexOf(needle, Math.max(0, from));
    if (at < 0) {
      return 0;
    }
    int line = 1;
    for (int i = 0; i < at; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
