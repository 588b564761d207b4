package dev.sparrow.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Protocol methods by name ({@code "App.callWxMethod"}); each domain registers its own. */
public final class Dispatcher {
  /** One protocol method: params in, result out (or a {@link ProtocolError}). */
  @FunctionalInterface
  public interface Method {
    JsonNode handle(ObjectNode params) throws Exception;
  }

  private final Map<String, Method> methods = new TreeMap<>();

  public Dispatcher add(String name, Method method) {
    if (methods.putIfAbsent(name, method) != null) {
      throw new IllegalStateException("protocol method registered twice: " + name);
    }
    return this;
  }

  public Method find(String name) {
    Method m = methods.get(name);
    if (m == null) {
      throw new ProtocolError("unknown method " + name);
    }
    return m;
  }

  public Set<String> names() {
    return methods.keySet();
  }
}
