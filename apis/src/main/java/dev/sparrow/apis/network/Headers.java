package dev.sparrow.apis.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP header fields in order, names kept exactly as written or received (WeChat hands pages the
 * server's spelling: {@code Content-Type}, not {@code content-type}). Lookups ignore case.
 */
public final class Headers {
  /** One field. */
  public record Field(String name, String value) {}

  private final List<Field> fields;

  private Headers(List<Field> fields) {
    this.fields = Collections.unmodifiableList(fields);
  }

  public static Headers of(List<Field> fields) {
    return new Headers(new ArrayList<>(fields));
  }

  public static Headers empty() {
    return new Headers(List.of());
  }

  public List<Field> fields() {
    return fields;
  }

  /** The first value of {@code name} (any case), or null. */
  public String get(String name) {
    for (Field f : fields) {
      if (f.name().equalsIgnoreCase(name)) {
        return f.value();
      }
    }
    return null;
  }

  /** Every value of {@code name} (any case), in order. */
  public List<String> all(String name) {
    List<String> out = new ArrayList<>();
    for (Field f : fields) {
      if (f.name().equalsIgnoreCase(name)) {
        out.add(f.value());
      }
    }
    return out;
  }

  public boolean has(String name) {
    return get(name) != null;
  }

  /** A copy with {@code name} (any case) replaced by one field, appended at the end. */
  public Headers with(String name, String value) {
    List<Field> out = new ArrayList<>(fields.size() + 1);
    for (Field f : fields) {
      if (!f.name().equalsIgnoreCase(name)) {
        out.add(f);
      }
    }
    out.add(new Field(name, value));
    return new Headers(out);
  }

  /** A copy without {@code name} (any case). */
  public Headers without(String name) {
    List<Field> out = new ArrayList<>(fields.size());
    for (Field f : fields) {
      if (!f.name().equalsIgnoreCase(name)) {
        out.add(f);
      }
    }
    return new Headers(out);
  }

  /**
   * The object pages see as {@code res.header}: the first spelling of each name, repeated fields
   * joined with {@code ", "} (as Chromium and so WeChat's clients do).
   */
  public Map<String, Object> toMap() {
    Map<String, String> lower = new LinkedHashMap<>();
    Map<String, Object> out = new LinkedHashMap<>();
    for (Field f : fields) {
      String key = f.name().toLowerCase(Locale.ROOT);
      String spelled = lower.get(key);
      if (spelled == null) {
        lower.put(key, f.name());
        out.put(f.name(), f.value());
      } else {
        out.put(spelled, out.get(spelled) + ", " + f.value());
      }
    }
    return out;
  }

  public int size() {
    return fields.size();
  }

  @Override
  public String toString() {
    return fields.toString();
  }
}
