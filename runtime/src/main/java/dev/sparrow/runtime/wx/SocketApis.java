package dev.sparrow.runtime.wx;

import static dev.sparrow.runtime.bridge.JsType.ARRAY;
import static dev.sparrow.runtime.bridge.JsType.ARRAY_BUFFER;
import static dev.sparrow.runtime.bridge.JsType.BOOLEAN;
import static dev.sparrow.runtime.bridge.JsType.NUMBER;
import static dev.sparrow.runtime.bridge.JsType.OBJECT;
import static dev.sparrow.runtime.bridge.JsType.STRING;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.network.Headers;
import dev.sparrow.apis.network.Network;
import dev.sparrow.apis.network.SocketEvents;
import dev.sparrow.apis.network.SocketRules;
import dev.sparrow.apis.network.SocketTask;
import dev.sparrow.runtime.bridge.ApiCall;
import dev.sparrow.runtime.bridge.ApiSpec;
import dev.sparrow.runtime.bridge.InstanceRef;
import dev.sparrow.runtime.bridge.WxBridge;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.graalvm.polyglot.Value;

/**
 * wx WebSocket APIs (spec network.md §5): {@code connectSocket} → {@code SocketTask} ({@code send},
 * {@code close}, {@code onOpen/onMessage/onError/onClose}) and the legacy globals {@code
 * sendSocketMessage}, {@code closeSocket}, {@code onSocketOpen/Error/Message/Close}, which act on
 * the most recently created socket.
 *
 * <ul>
 *   <li>{@code connectSocket:ok} only means the task exists; the session stays busy until the
 *       socket opened or failed, and while it is closing.
 *   <li>A listener registered after the socket opened is called at once with the open event
 *       ({@code onOpen} and {@code onSocketOpen}), as apps that register late rely on.
 *   <li>Legacy {@code onSocket*} registrations replace each other: one function per event, as the
 *       old base library's bridge handlers (repeated {@code onSocketMessage} in several pages would
 *       otherwise deliver each message several times). Task listeners add up.
 *   <li>{@code SocketTask.send/close} answer with {@code sendSocketMessage:…}/{@code closeSocket:…}.
 * </ul>
 */
public final class SocketApis {
  private final Network network;
  private final WxBridge bridge;
  private final Map<String, Value> legacyHandlers = new LinkedHashMap<>();

  public SocketApis(Network network, WxBridge bridge) {
    this.network = network;
    this.bridge = bridge;
  }

  /** The page-side object of one socket. All fields below are touched on the session loop only. */
  final class Socket implements SocketEvents {
    volatile SocketTask task;
    final Map<String, List<Value>> listeners = new LinkedHashMap<>();
    Map<String, Object> openPayload;
    boolean busy = true;
    /** A flush is queued behind the page code that is sending (loop thread only). */
    boolean flushPosted;

    /** Events held until connectSocket's success is queued (WeChat calls it before onOpen/onError/onClose); null after. */
    private List<Runnable> held = new ArrayList<>();

    Socket() {
      bridge.loop().beginIo();
    }

    /** Queues {@code task} on the session loop, behind connectSocket's success (any thread). */
    synchronized void post(Runnable task) {
      if (held != null) {
        held.add(task);
      } else {
        bridge.post(task);
      }
    }

    /** connectSocket has settled: what the connection reported meanwhile follows it, in order. */
    synchronized void release() {
      if (held != null) {
        held.forEach(bridge::post);
        held = null;
      }
    }

    @Override
    public void open(Headers header, String protocol) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("header", header.toMap());
      post(() -> {
        p.put("profile", task.profile()); // task is set once the call settled, which post waits for
        openPayload = p;
        idle(); // before the listeners: a close() inside onOpen makes the session busy again until onClose
        fire("onOpen", p);
      });
    }

    private final ConcurrentLinkedQueue<Object> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    /** Messages are queued and handed to page code in batches: one loop task per burst, order kept. */
    @Override
    public void message(Object data) {
      inbox.add(data);
      if (draining.compareAndSet(false, true)) {
        post(this::drain);
      }
    }

    private void drain() {
      draining.set(false);
      Object data;
      while ((data = inbox.poll()) != null) {
        fire("onMessage", Map.of("data", data));
      }
    }

    @Override
    public void error(String errMsg) {
      post(() -> fire("onError", Map.of("errMsg", errMsg)));
    }

    @Override
    public void close(int code, String reason) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("code", code);
      p.put("reason", reason);
      post(() -> {
        fire("onClose", p);
        idle();
      });
    }

    void closing() {
      if (!busy) {
        busy = true;
        bridge.loop().beginIo();
      }
    }

    private void idle() {
      if (busy) {
        busy = false;
        bridge.loop().endIo();
      }
    }

    private void fire(String event, Map<String, Object> payload) {
      for (Value fn : List.copyOf(listeners.getOrDefault(event, List.of()))) {
        bridge.callJs(fn, payload, "SocketTask." + event);
      }
      if (task != null && network.sockets().legacy() == task) {
        Value fn = legacyHandlers.get(legacyName(event));
        if (fn != null) {
          bridge.callJs(fn, payload, "wx." + legacyName(event));
        }
      }
    }
  }

  private static String legacyName(String event) {
    return "onSocket" + event.substring(2);
  }

  public List<ApiSpec> specs() {
    List<ApiSpec> specs = new ArrayList<>();
    specs.add(ApiSpec.async("connectSocket")
        .required("url", STRING)
        .optional("header", OBJECT)
        .optional("protocols", ARRAY)
        .optional("tcpNoDelay", BOOLEAN, false)
        .optional("perMessageDeflate", BOOLEAN, false)
        .optional("timeout", NUMBER)
        .optional("forceCellularNetwork", BOOLEAN, false)
        .returnsTask()
        .handle(this::connect));
    specs.add(ApiSpec.async("send").on("SocketTask").errMsg("sendSocketMessage").required("data", STRING, ARRAY_BUFFER).noPromise()
        .handle(c -> send(c, c.instance(Socket.class))));
    specs.add(ApiSpec.async("close").on("SocketTask").errMsg("closeSocket").optional("code", NUMBER).optional("reason", STRING).noPromise()
        .handle(c -> close(c, c.instance(Socket.class), false)));
    for (String event : List.of("onOpen", "onMessage", "onError", "onClose")) {
      specs.add(ApiSpec.listener(event).on("SocketTask").handleListener(c -> {
        Socket s = c.instance(Socket.class);
        if (s != null && c.listener() != null) {
          s.listeners.computeIfAbsent(event, k -> new ArrayList<>()).add(c.listener());
          if (event.equals("onOpen") && s.openPayload != null) {
            Value fn = c.listener();
            Map<String, Object> p = s.openPayload;
            bridge.post(() -> bridge.callJs(fn, p, "SocketTask.onOpen"));
          }
        }
      }));
    }
    specs.add(ApiSpec.async("sendSocketMessage").required("data", STRING, ARRAY_BUFFER).handle(c -> send(c, legacy())));
    specs.add(ApiSpec.async("closeSocket").optional("code", NUMBER).optional("reason", STRING).handle(c -> close(c, legacy(), true)));
    for (String event : List.of("onSocketOpen", "onSocketError", "onSocketMessage", "onSocketClose")) {
      specs.add(ApiSpec.listener(event).handleListener(c -> {
        if (c.listener() == null) {
          legacyHandlers.remove(event);
          return;
        }
        legacyHandlers.put(event, c.listener());
        Socket s = legacy();
        if (event.equals("onSocketOpen") && s != null && s.openPayload != null && s.task.state() == SocketTask.State.OPEN) {
          Value fn = c.listener();
          Map<String, Object> p = s.openPayload;
          bridge.post(() -> bridge.callJs(fn, p, "wx.onSocketOpen"));
        }
      }));
    }
    return specs;
  }

  private final Map<SocketTask, Socket> byTask = new ConcurrentHashMap<>();

  private void connect(ApiCall call) {
    Socket s = new Socket();
    InstanceRef ref = bridge.register("SocketTask", s);
    call.returns(ref);
    try {
      List<String> protocols = call.strings("protocols");
      s.task = network.sockets().connect(new SocketTask.Options(call.string("url"), call.object("header"), protocols,
          call.bool("tcpNoDelay"), (Number) call.get("timeout")), s);
      byTask.put(s.task, s);
    } catch (ApiFailure f) {
      bridge.release(ref);
      bridge.post(s::idle);
      call.reject(f);
      return;
    }
    s.task.closed().thenRun(() -> s.post(() -> {
      byTask.remove(s.task);
      bridge.release(ref);
    }));
    call.resolve();
    s.release();
  }

  private Socket legacy() {
    SocketTask t = network.sockets().legacy();
    return t == null ? null : byTask.get(t);
  }

  private void send(ApiCall call, Socket s) {
    // open as the page sees it: the connection may be up on the I/O thread before onOpen is delivered
    if (s == null || s.task == null || s.openPayload == null) {
      call.reject(SocketTask.NOT_CONNECTED);
      return;
    }
    s.task.sendLater(call.get("data"));
    if (!s.flushPosted) {
      s.flushPosted = true;
      bridge.post(() -> {
        s.flushPosted = false;
        s.task.flush();
      });
    }
    call.resolve();
  }

  private void close(ApiCall call, Socket s, boolean legacy) {
    if (s == null || s.task == null || (legacy && (s.openPayload == null || s.task.state() != SocketTask.State.OPEN))) {
      call.reject(SocketTask.NOT_CONNECTED);
      return;
    }
    int code = SocketRules.closeCode((Number) call.get("code")); // a bad code or reason fails here
    String reason = SocketRules.closeReason(call.string("reason"));
    // success is queued before the close starts: the server's answer, and with it onClose, may come at once
    call.resolve();
    SocketTask.State before = s.task.state();
    s.task.close(code, reason);
    if (before == SocketTask.State.OPEN) {
      s.closing();
    }
  }
}
