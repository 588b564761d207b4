package dev.sparrow.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
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
  private final Set<String> inOrder = new HashSet<>();

  public Dispatcher add(String name, Method method) {
    if (methods.putIfAbsent(name, method) != null) {
      throw new IllegalStateException("protocol method registered twice: " + name);
    }
    return this;
  }

  /**
   * As {@link #add}, for a method that only sets connection state and never blocks: it runs on the
   * socket's receiving thread, before any later message of that client starts. Clients send such
   * methods without waiting for the reply (automator's {@code on('console')} fires {@code
   * App.enableLog} and goes on), so a request sent after one must see its effect.
   */
  public Dispatcher addInOrder(String name, Method method) {
    add(name, method);
    inOrder.add(name);
    return this;
  }

  /** Whether {@code name} was registered by {@link #addInOrder}. */
  public boolean runsInOrder(String name) {
    return inOrder.contains(name);
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
