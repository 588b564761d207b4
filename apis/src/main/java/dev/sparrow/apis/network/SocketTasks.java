package dev.sparrow.apis.network;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.network.internal.Dispatcher;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code wx.connectSocket} (spec network.md §5): at most 5 sockets at once (CONNECTING, OPEN or
 * CLOSING); the 6th fails with {@code exceed max task count} (600007, the message the HTTP limit
 * uses). The legacy globals ({@code wx.sendSocketMessage}, {@code wx.closeSocket}, {@code
 * wx.onSocket*}) address {@link #legacy()}: the most recently created socket (see
 * docs/decisions.md).
 */
public final class SocketTasks {
  private final Network net;
  private final List<SocketTask> live = new ArrayList<>();
  private SocketTask legacy;

  SocketTasks(Network net) {
    this.net = net;
  }

  /** Validates, counts and starts a socket; events arrive on network threads. */
  public SocketTask connect(SocketTask.Options o, SocketEvents events) {
    URI url = DomainRules.check(Family.SOCKET, o.url(), net.policy());
    SocketTask task;
    synchronized (this) {
      if (live.size() >= net.policy().maxSockets()) {
        throw ApiFailure.of(Dispatcher.EXCEEDED, Dispatcher.EXCEEDED_ERRNO);
      }
      task = new SocketTask(this, events, net.traffic().begin(Family.SOCKET, "GET", url.toString()));
      live.add(task);
      legacy = task;
    }
    net.execute(() -> task.run(net, url, o));
    return task;
  }

  /** The socket the legacy globals act on: the most recently created one, or null. */
  public synchronized SocketTask legacy() {
    return legacy;
  }

  public synchronized int open() {
    return live.size();
  }

  synchronized void released(SocketTask task) {
    live.remove(task);
  }

  /** Drops every socket (session end). */
  void closeAll() {
    List<SocketTask> all;
    synchronized (this) {
      all = new ArrayList<>(live);
    }
    all.forEach(SocketTask::abort);
  }
}
