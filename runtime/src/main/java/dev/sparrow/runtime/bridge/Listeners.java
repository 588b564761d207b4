package dev.sparrow.runtime.bridge;

import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.Value;

/**
 * The JS functions registered with one {@code onX}, called with a payload when X happens. {@link
 * #emit} may be called from any thread: the calls run on the session loop, each guarded (an
 * exception in one listener is reported and the others still run). {@code offX(fn)} removes one
 * function, {@code offX()} removes all (spec README §1).
 */
public final class Listeners {
  private final WxBridge bridge;
  private final String origin;
  private final List<Value> functions = new ArrayList<>();

  public Listeners(WxBridge bridge, String origin) {
    this.bridge = bridge;
    this.origin = origin;
  }

  /** {@code onX(fn)}; a null function is ignored. Loop thread. */
  public void add(Value fn) {
    if (fn != null && !fn.isNull()) {
      synchronized (functions) {
        functions.add(fn);
      }
    }
  }

  /** {@code offX(fn)}, or {@code offX()} with null: removes all. Loop thread. */
  public void remove(Value fn) {
    synchronized (functions) {
      if (fn == null || fn.isNull()) {
        functions.clear();
      } else {
        functions.removeIf(f -> f.equals(fn));
      }
    }
  }

  /** Registers or removes according to an on/off listener call. */
  public void apply(ApiCall call, boolean on) {
    if (on) {
      add(call.listener());
    } else {
      remove(call.listener());
    }
  }

  public boolean isEmpty() {
    synchronized (functions) {
      return functions.isEmpty();
    }
  }

  /** Calls every listener with {@code payload} (plain Java data; null for none) on the loop. */
  public void emit(Object payload) {
    // The listeners are read on the loop, when the event is delivered: a listener page code adds
    // right after starting a task (task.onHeadersReceived(...)) hears events that happened meanwhile.
    bridge.post(() -> {
      List<Value> snapshot;
      synchronized (functions) {
        if (functions.isEmpty()) {
          return;
        }
        snapshot = List.copyOf(functions);
      }
      for (Value fn : snapshot) {
        bridge.callJs(fn, payload, origin);
      }
    });
  }
}
