package dev.sparrow.runtime.project;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded mini program: {@code project.config.json} facts, the package files, {@code app.json},
 * and each page's own {@code .json} configuration.
 *
 * @param dir the folder holding {@code project.config.json}
 * @param files the package ({@code miniprogramRoot}), the only files page code can reach
 * @param urlCheck {@code setting.urlCheck}: whether the domain whitelist is enforced
 * @param pageConfigs route → that page's {@code .json} (empty map when it has none)
 * @param components the custom components declared in app, page and component jsons
 * @param libraryStyles stylesheets every page gets before {@code app.wxss}: those of the extended libraries in use
 * @param problems what is wrong but does not stop the app (a page's missing files, an unusable component…), located
 * @param compilerPlugins {@code setting.useCompilerPlugins} Sparrow knows ({@code typescript}, {@code less},
 *     {@code sass}); {@code files} already finds their sources as the files they compile to
 */
public record Project(
    Path dir,
    String appId,
    String projectName,
    ProjectFiles files,
    boolean urlCheck,
    AppConfig app,
    Map<String, Map<String, Object>> pageConfigs,
    ComponentIndex components,
    List<String> libraryStyles,
    List<Problem> problems,
    List<String> compilerPlugins) {

  public Project {
    compilerPlugins = List.copyOf(compilerPlugins);
    pageConfigs = Map.copyOf(pageConfigs);
    libraryStyles = List.copyOf(libraryStyles);
    problems = List.copyOf(problems);
  }

  /** The page's effective window settings: app.json {@code window} overlaid with the page's json. */
  public Map<String, Object> windowOf(String route) {
    Map<String, Object> merged = new LinkedHashMap<>(app.window());
    merged.putAll(pageConfigs.getOrDefault(route, Map.of()));
    return merged;
  }
}
