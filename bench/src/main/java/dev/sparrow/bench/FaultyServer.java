package dev.sparrow.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A raw HTTP/1.1 server on 127.0.0.1 that answers each request with a fault drawn from a seeded
 * random: a normal keep-alive answer, a connection reset, a truncated body, a stall (no answer until
 * the client gives up) or a slow drip of the body. {@link #close} ends every connection and thread.
 */
final class FaultyServer implements AutoCloseable {
  /** What one request gets. */
  enum Fault {
    OK, RESET, TRUNCATE, STALL, DRIP
  }

  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "faulty-server");
    t.setDaemon(true);
    return t;
  });
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Random random;
  private final AtomicLong[] counts = new AtomicLong[Fault.values().length];
  private final double okShare;

  /** @param okShare the share of normal answers; the four faults share the rest equally */
  FaultyServer(long seed, double okShare) throws IOException {
    this.random = new Random(seed);
    this.okShare = okShare;
    for (int i = 0; i < counts.length; i++) {
      counts[i] = new AtomicLong();
    }
    server = new ServerSocket(0, 200, InetAddress.getByName("127.0.0.1"));
    threads.execute(this::acceptLoop);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getLocalPort() + path;
  }

  long count(Fault f) {
    return counts[f.ordinal()].get();
  }

  private Fault next() {
    synchronized (random) {
      double r = random.nextDouble();
      if (r < okShare) {
        return Fault.OK;
      }
      int i = 1 + (int) ((r - okShare) / (1 - okShare) * 4);
      return Fault.values()[Math.min(4, i)];
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        open.add(s);
        threads.execute(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      while (readHead(in)) {
        Fault f = next();
        counts[f.ordinal()].incrementAndGet();
        switch (f) {
          case OK -> {
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok"));
            out.flush();
          }
          case RESET -> {
            s.setSoLinger(true, 0);
            return;
          }
          case TRUNCATE -> {
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nonly a part"));
            out.flush();
            return;
          }
          case STALL -> {
            while (in.read() >= 0) {
              // no answer: wait for the client to give up
            }
            return;
          }
          case DRIP -> {
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 10\r\n\r\n"));
            for (int i = 0; i < 10; i++) {
              out.write('d');
              out.flush();
              Thread.sleep(5);
            }
          }
          default -> throw new IllegalStateException();
        }
      }
    } catch (IOException | InterruptedException e) {
      // the client went away, or the server closes
    } finally {
      open.remove(s);
    }
  }

  /** Reads one request head (no bodies here); false at the end of the connection. */
  private static boolean readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
      if (matched == 4) {
        return true;
      }
    }
    return false;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      try {
        s.close();
      } catch (SocketException e) {
        // already closed
      }
    }
    threads.shutdownNow();
    try {
      threads.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
