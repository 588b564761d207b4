package dev.sparrow.apis.network;

import dev.sparrow.apis.device.Clock;
import dev.sparrow.apis.files.FileSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A Network with a throw-away sandbox, trusting the test certificate; events recorded as text. */
final class NetworkFixture implements AutoCloseable {
  final Path dir;
  final FileSandbox files;
  final Network net;
  final Network.Runtime runtime;
  final List<String> events = new CopyOnWriteArrayList<>();
  final HttpEvents recorder = new HttpEvents() {
    @Override
    public void headers(int status, Headers headers) {
      events.add("headers " + status);
    }

    @Override
    public void chunk(byte[] data) {
      events.add("chunk " + data.length);
    }

    @Override
    public void progress(int percent, long done, long total) {
      events.add("progress " + percent + " " + done + "/" + total);
    }
  };

  NetworkFixture(Consumer<NetworkPolicy.Builder> config) throws Exception {
    this(config, Network.Runtime.realTime(Clock.system(), "test"));
  }

  NetworkFixture(Consumer<NetworkPolicy.Builder> config, Network.Runtime runtime) throws Exception {
    this.runtime = runtime;
    dir = Files.createTempDirectory("sparrow-net-test");
    files = new FileSandbox(dir, "s", FileSandbox.Scheme.WXFILE, p -> Optional.empty());
    NetworkPolicy.Builder b = NetworkPolicy.builder("wxtest").verifyDomains(false).sslContext(LoopbackServer.trustingContext());
    config.accept(b);
    net = new Network(b.build(), files, runtime);
  }

  static <T> T await(HttpTask<T> task) {
    try {
      return task.result().get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw (RuntimeException) e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  Request.Result get(String url) {
    return await(net.request(Request.Options.get(url), recorder));
  }

  static Request.Options options(String url, String method, Object data, Map<String, Object> header) {
    return new Request.Options(url, data, header, null, method, "json", "text", false, false, false, "follow");
  }

  @Override
  public void close() throws Exception {
    net.close();
    runtime.close();
    files.close();
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
