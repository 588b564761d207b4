package dev.sparrow.runtime.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A third-party platform's {@code ext.json} next to {@code app.json}: {@code wx.getExtConfig} /
 * {@code getExtConfigSync} answer its {@code ext} object while {@code extEnable} is true, else an
 * empty object (DevTools with no ext.json, or one switched off). SaaS templates read their tenant
 * ({@code subDomain}, shop id…) from it at launch and fall back to their own config when it is empty.
 */
public final class ExtJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ExtJson() {}

  /** The {@code ext} object of the project's ext.json; empty when there is none, it is off or unreadable. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> extConfig(ProjectFiles files) {
    String text = files.read("ext.json").orElse("");
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (body.isBlank()) {
      return Map.of();
    }
    try {
      JsonNode root = JSON.readTree(body);
      JsonNode ext = root == null ? null : root.get("ext");
      if (root == null || !root.path("extEnable").asBoolean(false) || ext == null || !ext.isObject()) {
        return Map.of();
      }
      return JSON.convertValue(ext, LinkedHashMap.class);
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }
}
