package dev.sparrow.runtime.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparrow.runtime.ScriptError;
import dev.sparrow.runtime.project.ComponentIndex;
import dev.sparrow.view.ViewException;
import dev.sparrow.view.ViewProblem;
import dev.sparrow.view.ViewSources;
import dev.sparrow.view.custom.ComponentDefinition;
import dev.sparrow.view.template.CompiledPage;
import dev.sparrow.view.template.WxmlCompiler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.graalvm.polyglot.Value;

/**
 * The session's custom components, each prepared once per path: its {@code .js} evaluated (registering the
 * {@code Component()} definition), its WXML compiled, its options read (the definition's {@code options} over the
 * component json's {@code styleIsolation}). A component whose WXML does not compile is reported and its tag renders
 * as a plain element. Loop-thread only.
 */
public final class ComponentCatalog {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ComponentIndex index;
  private final ViewSources sources;
  private final LogicLayer logic;
  private final Consumer<ScriptError> errors;
  private final Map<String, Optional<ComponentDefinition>> prepared = new HashMap<>();

  public ComponentCatalog(ComponentIndex index, ViewSources sources, LogicLayer logic, Consumer<ScriptError> errors) {
    this.index = index;
    this.sources = sources;
    this.logic = logic;
    this.errors = errors;
  }

  /** The component {@code tag} names in the template of {@code owner} (a page route or component path). */
  public Optional<ComponentDefinition> resolve(String owner, String tag) {
    return index.resolve(owner, tag).flatMap(this::definition);
  }

  /** False when no tag names a component in the template of {@code owner} (see {@link ComponentIndex#usesAny}). */
  public boolean usesAny(String owner) {
    return index.usesAny(owner);
  }

  /** The prepared component at {@code path} (loaded and compiled on first use). */
  public Optional<ComponentDefinition> definition(String path) {
    Optional<ComponentDefinition> known = prepared.get(path);
    if (known != null) {
      return known;
    }
    Optional<ComponentDefinition> def = prepare(path);
    prepared.put(path, def);
    return def;
  }

  /** Every component prepared so far. */
  public List<ComponentDefinition> prepared() {
    List<ComponentDefinition> out = new ArrayList<>();
    prepared.values().forEach(d -> d.ifPresent(out::add));
    return out;
  }

  private static Set<String> generics(Map<String, Object> config) {
    return config.get("componentGenerics") instanceof Map<?, ?> m
        ? m.keySet().stream().map(String::valueOf).collect(Collectors.toSet()) : Set.of();
  }

  private Optional<ComponentDefinition> prepare(String path) {
    Value problem = logic.call("load " + path, logic.fn("loadComponent"), path);
    if (problem != null && problem.isString()) {
      errors.accept(new ScriptError(problem.asString(), "", path + ".js", 0, 0, "load " + path));
    }
    CompiledPage template;
    try {
      template = new WxmlCompiler(sources).compile(path);
      for (String warning : template.warnings()) {
        errors.accept(new ScriptError("WXML: " + warning, "", path + ".wxml", 0, 0, "compile " + path));
      }
    } catch (ViewException e) {
      for (ViewProblem p : e.problems()) {
        errors.accept(new ScriptError("WXML: " + p.message(), "", p.file(), p.line(), p.column(), "compile " + path));
      }
      return Optional.empty();
    }
    Value options = logic.call(path + " options", logic.fn("componentOptions"), path);
    JsonNode o = JSON.createObjectNode();
    if (options != null && options.isString()) {
      try {
        o = JSON.readTree(options.asString());
      } catch (Exception ignored) {
        // the base library writes this JSON; nothing to report
      }
    }
    Map<String, Object> config = index.config(path);
    String isolation = o.path("styleIsolation").asText("");
    if (isolation.isEmpty()) {
      Object fromJson = config.get("styleIsolation");
      isolation = fromJson instanceof String s ? s : Boolean.TRUE.equals(config.get("addGlobalClass")) ? "apply-shared" : "";
    }
    if (isolation.isEmpty() && !Boolean.TRUE.equals(config.get("component"))) {
      isolation = "shared";   // a json without "component": true styles as a page does (glass-easel's default)
    }
    List<String> external = new ArrayList<>();
    o.path("externalClasses").forEach(c -> external.add(c.asText()));
    Set<String> builtins = new HashSet<>();
    o.path("builtinBehaviors").forEach(b -> builtins.add(b.asText()));
    return Optional.of(new ComponentDefinition(path, template, o.path("multipleSlots").asBoolean(false), isolation, external,
        builtins, o.path("virtualHost").asBoolean(false), generics(config)));
  }
}
