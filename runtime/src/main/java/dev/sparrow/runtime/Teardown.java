package dev.sparrow.runtime;

import dev.sparrow.apis.files.FileSandbox;
import dev.sparrow.apis.files.OpenFiles;
import dev.sparrow.apis.network.Network;
import dev.sparrow.runtime.js.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ends a session in order: the watchdog lets go, page code and media stop on the loop, the network closes, file
 * writes finish, the loop stops, then the files and the throw-away data folder go. Only what the session made
 * itself is closed; what the options handed in (a network runtime, a file executor, a watchdog) stays open.
 */
final class Teardown {
  private final EventLoop loop;
  private final Network network;
  private final FileSandbox files;
  /** The network runtime this session made (null when {@link SessionOptions#networkRuntime} handed one in). */
  private final Network.Runtime ownNetworkRuntime;
  /** The throw-away data folder when the options name none (deleted on close). */
  private final ScratchDir ownedDataRoot;
  /** What the session's services hold (cloud watches, function threads, a file endpoint), closed before the loop. */
  private final List<Runnable> services = new ArrayList<>();
  // handed over as the loop makes them
  private Runnable unwatch = () -> {};
  /** The session's own watchdog (null when the options hand one in). */
  private Watchdog ownWatchdog;
  /** Stops page code and media (null until the logic layer exists). */
  private Runnable onLoop;
  /** The session's own ordered file executor (null when {@link SessionOptions#fileIo} handed one in). */
  private ExecutorService ownFileIo;
  private OpenFiles openFiles;

  Teardown(EventLoop loop, Network network, Network.Runtime ownNetworkRuntime, FileSandbox files,
      ScratchDir ownedDataRoot) {
    this.loop = loop;
    this.network = network;
    this.ownNetworkRuntime = ownNetworkRuntime;
    this.files = files;
    this.ownedDataRoot = ownedDataRoot;
  }

  void watchdog(Runnable unwatch, Watchdog own) {
    this.unwatch = unwatch;
    this.ownWatchdog = own;
  }

  /** What stops page code and media, run on the loop (logic layer, recorder, audio). */
  void onLoop(Runnable stop) {
    this.onLoop = stop;
  }

  void fileIo(ExecutorService own) {
    this.ownFileIo = own;
  }

  /** Closes what a service of the session holds; run after page code stopped, before the network closes. */
  void service(Runnable close) {
    services.add(close);
  }

  void openFiles(OpenFiles openFiles) {
    this.openFiles = openFiles;
  }

  void close() {
    unwatch.run();
    if (ownWatchdog != null) {
      ownWatchdog.close();
    }
    if (onLoop != null) {
      try {
        loop.call(() -> {
          onLoop.run();
          return null;
        }, Duration.ofSeconds(10));
      } catch (RuntimeException ignored) {
        // a stuck loop: closing the loop below abandons it
      }
    }
    for (Runnable close : services) {
      try {
        close.run();
      } catch (RuntimeException ignored) {
        // a service that fails to close leaves the rest to close
      }
    }
    network.close();
    if (ownNetworkRuntime != null) {
      ownNetworkRuntime.close();
    }
    if (ownFileIo != null) {
      ownFileIo.shutdownNow();
      try {
        ownFileIo.awaitTermination(10, TimeUnit.SECONDS); // nothing writes after the sandbox closes
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    loop.close();
    if (openFiles != null) {
      openFiles.close();
    }
    files.close();
    if (ownedDataRoot != null) {
      ownedDataRoot.close();
    }
  }
}
