package dev.sparrow.apis.network;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.Errno;
import dev.sparrow.apis.device.Clock;
import dev.sparrow.apis.device.Scheduler;
import dev.sparrow.apis.files.FileSandbox;
import dev.sparrow.apis.network.internal.CacheInterceptor;
import dev.sparrow.apis.network.internal.Chain;
import dev.sparrow.apis.network.internal.Control;
import dev.sparrow.apis.network.internal.Dialer;
import dev.sparrow.apis.network.internal.Dispatcher;
import dev.sparrow.apis.network.internal.HeaderInterceptor;
import dev.sparrow.apis.network.internal.Interceptor;
import dev.sparrow.apis.network.internal.LogInterceptor;
import dev.sparrow.apis.network.internal.NetErrors;
import dev.sparrow.apis.network.internal.RealTimeScheduler;
import dev.sparrow.apis.network.internal.RedirectInterceptor;
import dev.sparrow.apis.network.internal.Transport;
import dev.sparrow.apis.network.internal.WireRequest;
import dev.sparrow.apis.network.internal.WireResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * One session's network: the policy, the 10-slot {@link Dispatcher}, the request chain, the socket
 * registry and the {@link TrafficLog}. The wx APIs live in their own files ({@link Request}, {@link
 * UploadFile}, {@link DownloadFile}, {@link SocketTasks}); this class runs what they prepare, in
 * WeChat's order (spec network.md §6): parameters and whitelist first (the caller), then a slot,
 * then the chain inside the slot under one whole-request deadline.
 *
 * <p>{@link #stream} is the entry point for other families (background audio): GET a URL under the
 * session's rules and read the body as it arrives.
 */
public final class Network implements AutoCloseable {
  /** Reads a response inside the task's slot and deadline; closing the body is done by the caller. */
  @FunctionalInterface
  public interface BodyReader<T> {
    T read(int status, Headers headers, InputStream body, HttpTask<T> task) throws IOException;
  }

  /**
   * What a network runs on, handed in by its owner (who closes it after the network): where tasks
   * and socket readers run (one thread each while they run), where whole-request deadlines and
   * closing handshakes are timed, and the clock of the session (traffic log, cache ages).
   */
  public record Runtime(ExecutorService executor, Scheduler deadlines, Clock clock) implements AutoCloseable {
    /** Real threads named {@code <name>-net-N} and a real-time deadline thread (the session's default). */
    public static Runtime realTime(Clock clock, String name) {
      return withDeadlines(new RealTimeScheduler(name + "-net-deadlines"), clock, name);
    }

    /**
     * Real threads named {@code <name>-net-N}, deadlines timed by {@code deadlines} (a session on a virtual
     * clock hands in its event loop, so that timeouts follow that clock).
     */
    public static Runtime withDeadlines(Scheduler deadlines, Clock clock, String name) {
      AtomicInteger threads = new AtomicInteger();
      ExecutorService executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS,
          new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, name + "-net-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
          });
      return new Runtime(executor, deadlines, clock);
    }

    /** Stops the threads (after {@link Network#close}). */
    @Override
    public void close() {
      executor.shutdownNow();
      if (deadlines instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  private final NetworkPolicy policy;
  private final Clock clock;
  private final FileSandbox files;
  private final TrafficLog traffic;
  private final Dialer dialer;
  private final Transport transport;
  private final List<Interceptor> links;
  private final ExecutorService executor;
  private final Scheduler deadlines;
  private final Dispatcher dispatcher;
  private final SocketTasks sockets;
  private final Set<Control> live = ConcurrentHashMap.newKeySet();

  /**
   * @param files the session's local files (uploads read, downloads write)
   * @param runtime threads, deadlines and clock, owned by the caller
   */
  public Network(NetworkPolicy policy, FileSandbox files, Runtime runtime) {
    this.policy = policy;
    this.clock = runtime.clock();
    this.files = files;
    this.traffic = new TrafficLog(clock, 10_000);
    this.dialer = new Dialer(policy.hostMap(), policy.sslContext(), policy.controlPorts());
    this.transport = new Transport(dialer);
    this.links = links();
    this.executor = runtime.executor();
    this.deadlines = runtime.deadlines();
    this.dispatcher = new Dispatcher(policy.maxTasks(), policy.overLimit(), executor);
    this.sockets = new SocketTasks(this);
  }

  /** The request chain, in order: log, redirects, headers, cache, transport. */
  private List<Interceptor> links() {
    return List.of(
        new LogInterceptor(dialer),
        new RedirectInterceptor(policy),
        new HeaderInterceptor(policy),
        new CacheInterceptor(clock),
        transport);
  }

  public NetworkPolicy policy() {
    return policy;
  }

  public TrafficLog traffic() {
    return traffic;
  }

  public FileSandbox files() {
    return files;
  }

  public SocketTasks sockets() {
    return sockets;
  }

  /** Tasks running in the 10 slots, and waiting for one. */
  public int running() {
    return dispatcher.running();
  }

  public int waiting() {
    return dispatcher.waiting();
  }

  /** {@code wx.request}. */
  public HttpTask<Request.Result> request(Request.Options options, HttpEvents events) {
    return Request.start(this, options, events);
  }

  /** {@code wx.uploadFile}. */
  public HttpTask<UploadFile.Result> uploadFile(UploadFile.Options options, HttpEvents events) {
    return UploadFile.start(this, options, events);
  }

  /** {@code wx.downloadFile}. */
  public HttpTask<DownloadFile.Result> downloadFile(DownloadFile.Options options, HttpEvents events) {
    return DownloadFile.start(this, options, events);
  }

  /**
   * GETs {@code url} under the session's rules for {@code family} (whitelist, slot, Referer, host
   * mapping, deadline, traffic log) and hands the streaming body to {@code reader}. For media
   * families that fetch remote files (background audio).
   */
  public <T> HttpTask<T> stream(Family family, String url, Map<String, Object> header, BodyReader<T> reader) {
    URI u = DomainRules.check(family, url, policy);
    return run(family, "GET", u, RequestRules.pageHeaders(header), null, false, true, false,
        policy.timeoutMillis(family, null), HttpEvents.NONE, reader);
  }

  /** Runs a prepared HTTP task: queue for a slot, then the chain, then {@code reader}, all under one deadline. */
  <T> HttpTask<T> run(Family family, String method, URI url, Headers headers, List<Object> body, boolean http2, boolean follow,
      boolean cache, long timeoutMillis, HttpEvents events, BodyReader<T> reader) {
    return run(family, method, url, headers, body, http2, follow, cache, timeoutMillis, events, reader, false);
  }

  /** As above; {@code uploadProgress} reports the request body's progress to {@code events}. */
  <T> HttpTask<T> run(Family family, String method, URI url, Headers headers, List<Object> body, boolean http2, boolean follow,
      boolean cache, long timeoutMillis, HttpEvents events, BodyReader<T> reader, boolean uploadProgress) {
    HttpTask<T> task = new HttpTask<>(family);
    Control control = task.control();
    control.timing().fetchStart = control.timing().queueStart = System.currentTimeMillis();
    TrafficLog.Record record = traffic.begin(family, method, url.toString());
    control.trace(record);
    live.add(control);
    WireRequest request = new WireRequest(family, method, url, headers, body, http2, follow, cache, control);
    Runnable job = () -> execute(task, request, timeoutMillis, events, reader, record, uploadProgress);
    task.onAbortWhileQueued(reason -> {
      if (dispatcher.cancelWaiting(job)) {
        live.remove(control);
        finish(task, record, NetErrors.cancelled(reason));
      }
    });
    try {
      dispatcher.submit(job);
    } catch (ApiFailure f) {
      live.remove(control);
      record.end(f.reason());
      throw f;
    }
    return task;
  }

  private <T> void execute(HttpTask<T> task, WireRequest request, long timeoutMillis, HttpEvents events, BodyReader<T> reader,
      TrafficLog.Record record, boolean uploadProgress) {
    Control control = task.control();
    control.timing().queueEnd = System.currentTimeMillis();
    record.dequeued();
    Scheduler.Cancellable deadline = deadlines.schedule(timeoutMillis, () -> control.cancel("timeout"));
    LongConsumer progress = uploadProgress ? progress(events, request.bodyLength()) : n -> {};
    control.onSent(n -> {
      record.sent(n);
      progress.accept(n);
    });
    try {
      control.check();
      WireResponse resp = new Chain(links, 0, request).proceed(request);
      T result;
      try (InputStream body = resp.body()) {
        events.headers(resp.status(), resp.headers());
        result = reader.read(resp.status(), resp.headers(), body, task);
      }
      record.end(null);
      task.complete(result);
    } catch (ApiFailure f) {
      finish(task, record, control.isCancelled() ? NetErrors.cancelled(control.cancelReason()) : f);
    } catch (IOException | RuntimeException e) {
      finish(task, record, e instanceof RuntimeException && !control.isCancelled()
          ? ApiFailure.of("internal error: " + e, Errno.INTERNAL_ERROR) : NetErrors.failure(e, control));
    } finally {
      deadline.cancel();
      control.finish();
      live.remove(control);
    }
  }

  private static <T> void finish(HttpTask<T> task, TrafficLog.Record record, ApiFailure f) {
    record.end(f.reason());
    task.fail(f);
  }

  /** Progress reporting that speaks only when the whole percentage changes (once when the total is unknown). */
  static LongConsumer progress(HttpEvents events, long total) {
    int[] last = {-1};
    return done -> {
      int percent = total > 0 ? (int) Math.min(100, done * 100 / total) : 0;
      if (percent != last[0]) {
        last[0] = percent;
        events.progress(percent, done, total);
      }
    };
  }

  /** The transport's dialler (sockets share host mapping and trust). */
  Dialer dialer() {
    return dialer;
  }

  /** Where socket reader threads run. */
  void execute(Runnable r) {
    executor.execute(r);
  }

  Scheduler deadlines() {
    return deadlines;
  }

  /** Idle keep-alive connections (tests check that failed exchanges are not pooled). */
  public int idleConnections() {
    return transport.idleConnections();
  }

  /** Observes every finished task (front-ends, CLI). */
  public void onTraffic(Consumer<TrafficEntry> listener) {
    traffic.onEntry(listener);
  }

  /** Aborts everything, closes sockets and pooled connections (the {@link Runtime}'s owner stops its threads). */
  @Override
  public void close() {
    live.forEach(c -> c.cancel("abort"));
    sockets.closeAll();
    transport.close();
  }
}
