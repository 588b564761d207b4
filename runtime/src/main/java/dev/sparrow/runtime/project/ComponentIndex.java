package dev.sparrow.runtime.project;

import java.util.Map;
import java.util.Optional;

/**
 * The custom components a project declares: {@code usingComponents} of app.json (global: usable in every page and
 * component), of each page's json and of each component's json, resolved to component paths ({@code
 * components/card/card}, {@code miniprogram_npm/ui-kit/button/index}), and each component's own json.
 *
 * @param global tag → component path, from app.json
 * @param local owner (page route or component path) → tag → component path
 * @param configs component path → its json
 */
public record ComponentIndex(
    Map<String, String> global, Map<String, Map<String, String>> local, Map<String, Map<String, Object>> configs) {

  public static final ComponentIndex NONE = new ComponentIndex(Map.of(), Map.of(), Map.of());

  public ComponentIndex {
    global = Map.copyOf(global);
    local = Map.copyOf(local);
    configs = Map.copyOf(configs);
  }

  /** The component {@code tag} names in the template of {@code owner}: its own declaration first, then app.json's. */
  public Optional<String> resolve(String owner, String tag) {
    String own = local.getOrDefault(owner, Map.of()).get(tag);
    return Optional.ofNullable(own != null ? own : global.get(tag));
  }

  /** True when some tag names a component in the template of {@code owner}: it or app.json declares one. */
  public boolean usesAny(String owner) {
    return !global.isEmpty() || !local.getOrDefault(owner, Map.of()).isEmpty();
  }

  /** A component's json ({@code component: true}, {@code usingComponents}, {@code styleIsolation}…). */
  public Map<String, Object> config(String path) {
    return configs.getOrDefault(path, Map.of());
  }

  public boolean isComponent(String path) {
    return configs.containsKey(path);
  }
}
