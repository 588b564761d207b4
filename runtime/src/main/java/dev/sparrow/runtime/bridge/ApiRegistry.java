package dev.sparrow.runtime.bridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every wx API of a session, declared once ({@link ApiSpec}), indexed by key. Names from WeChat's
 * own API list that nobody declared are added as {@linkplain ApiSpec#implemented() unsupported}
 * stubs, so that a page calling them gets {@code "<api>:fail not supported"} instead of {@code
 * undefined is not a function}, and {@code wx.canIUse} answers false for them.
 */
public final class ApiRegistry {
  /** The WeChat API names known to exist (from the official typings), one per line. */
  private static final List<String> WECHAT_API_NAMES = readNames("/dev/sparrow/runtime/wx-api-names.txt");
  /**
   * Synchronous APIs whose names do not say so (the typings give them a return value, not a Promise): their stubs
   * throw, as a synchronous call fails, instead of answering a rejected Promise the caller never looks at.
   */
  private static final Set<String> RETURNING_A_VALUE = Set.of("checkIsPictureInPictureActive", "getApiCategory",
      "getNFCAdapter", "getPerformance", "getXrFrameSystem", "isVKSupport");

  private final Map<String, ApiSpec> specs = new LinkedHashMap<>();
  private final Set<String> components;

  /** @param components built-in component names the view supports, for {@code canIUse('button.open-type')} */
  public ApiRegistry(Set<String> components) {
    this.components = Set.copyOf(components);
  }

  /** Adds an API; a key may be declared only once. */
  public ApiRegistry add(ApiSpec spec) {
    if (specs.putIfAbsent(spec.key(), spec) != null) {
      throw new IllegalStateException("wx API declared twice: " + spec.key());
    }
    return this;
  }

  public ApiRegistry addAll(Collection<ApiSpec> all) {
    all.forEach(this::add);
    return this;
  }

  /** Adds a "not supported" stub for every known WeChat API nobody declared. */
  public ApiRegistry completeWithUnsupported() {
    for (String name : WECHAT_API_NAMES) {
      if (!specs.containsKey(name)) {
        add(stub(name));
      }
    }
    return this;
  }

  public Optional<ApiSpec> find(String key) {
    return Optional.ofNullable(specs.get(key));
  }

  public Collection<ApiSpec> all() {
    return specs.values();
  }

  /**
   * {@code wx.canIUse(schema)}: {@code ${API}.${method}.${param}.${option}}, {@code ${Class}.${method}} or {@code
   * ${component}.${attribute}.${option}}. An API answers true when Sparrow implements it; a
   * parameter or result field when it is declared (an API with no declared result fields answers
   * true for any field); a component when the view supports it.
   */
  public boolean canIUse(String schema) {
    if (schema == null || schema.isEmpty()) {
      return false;
    }
    String[] parts = schema.split("\\.");
    ApiSpec spec = specs.get(parts[0]);
    if (spec == null && parts.length >= 2 && specs.containsKey(parts[0] + "." + parts[1])) {
      // an instance method: InnerAudioContext.play, RequestTask.onChunkReceived
      ApiSpec method = specs.get(parts[0] + "." + parts[1]);
      return method.implemented() && !method.hidden();
    }
    if (spec == null) {
      return components.contains(parts[0]);
    }
    if (!spec.implemented() || spec.hidden()) {
      return false;
    }
    if (parts.length == 1) {
      return true;
    }
    String method = parts[1];
    if (parts.length == 2) {
      return Set.of("object", "success", "return", "callback", "fail", "complete").contains(method);
    }
    String field = parts[2];
    return switch (method) {
      case "object" -> spec.params().stream().anyMatch(p -> p.name().equals(field))
          || Set.of("success", "fail", "complete").contains(field);
      case "success", "return", "callback" -> spec.resultFields().isEmpty() || spec.resultFields().contains(field)
          || field.equals("errMsg");
      default -> false;
    };
  }

  /** What the base library needs to build {@code wx} and instance types. */
  public String descriptors() {
    ObjectMapper json = new ObjectMapper();
    ArrayNode out = json.createArrayNode();
    for (ApiSpec s : specs.values()) {
      ObjectNode n = out.addObject();
      n.put("key", s.key());
      n.put("name", s.name());
      if (s.owner() != null) {
        n.put("owner", s.owner());
      }
      n.put("kind", s.kind().name().toLowerCase(Locale.ROOT));
      n.put("promise", s.promise());
      if (s.readOnly()) {
        n.put("readOnly", true);
      }
      if (s.hidden()) {
        n.put("hidden", true);
      }
      if (s.task()) {
        n.put("task", true);
      }
    }
    return out.toString();
  }

  private static ApiSpec stub(String name) {
    // createBLEConnection / createBLEPeripheralServer take an options object: async, failing through callbacks
    boolean factory = name.startsWith("create") && !name.startsWith("createBLE");
    boolean manager = name.startsWith("get") && name.endsWith("Manager");
    if (name.endsWith("Sync") || factory || manager || RETURNING_A_VALUE.contains(name)) {
      return ApiSpec.sync(name).unsupported();
    }
    int event = name.startsWith("on") ? 2 : 3;
    if ((name.startsWith("on") || name.startsWith("off")) && name.length() > 3
        && Character.isUpperCase(name.charAt(event))) {
      return ApiSpec.listener(name).unsupported();
    }
    return ApiSpec.async(name).unsupported();
  }

  private static List<String> readNames(String resource) {
    List<String> names = new ArrayList<>();
    try (InputStream in = ApiRegistry.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        line = line.strip();
        if (!line.isEmpty() && !line.startsWith("#")) {
          names.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(names);
  }
}
