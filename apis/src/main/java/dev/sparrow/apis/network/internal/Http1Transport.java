package dev.sparrow.apis.network.internal;

import dev.sparrow.apis.network.Headers;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last link: HTTP/1.1 over plain sockets, with a keep-alive pool. Written for Sparrow rather
 * than using the JDK client because WeChat hands pages the response header names as the server
 * spelled them (the JDK lower-cases them), and because dialling is where host mapping belongs.
 *
 * <p>Limits as in Chromium: 256 KiB of response head ({@code ERR_RESPONSE_HEADERS_TOO_BIG}); a
 * malformed status line is {@code ERR_INVALID_HTTP_RESPONSE}; a body shorter than its
 * Content-Length is {@code ERR_CONTENT_LENGTH_MISMATCH}. A pooled connection the server closed
 * meanwhile is retried once on a new connection.
 */
public final class Http1Transport implements Interceptor, AutoCloseable {
  static final int MAX_HEAD_BYTES = 256 * 1024;
  private static final Pattern STATUS = Pattern.compile("HTTP/1\\.([01]) (\\d{3})(?: (.*))?");
  private static final long IDLE_MILLIS = 55_000;
  private static final int BUFFER = 64 * 1024;

  private final Dialer dialer;
  private final Map<String, Deque<Conn>> idle = new HashMap<>();
  private boolean closed;

  public Http1Transport(Dialer dialer) {
    this.dialer = dialer;
  }

  /** One connection: the socket and its buffered streams. */
  private static final class Conn {
    final Socket socket;
    final InputStream in;
    final OutputStream out;
    final String key;
    long idleSince;

    Conn(Socket socket, String key) throws IOException {
      this.socket = socket;
      this.in = new BufferedInputStream(socket.getInputStream(), BUFFER);
      this.out = new BufferedOutputStream(socket.getOutputStream(), BUFFER);
      this.key = key;
    }

    void close() {
      Dialer.closeQuietly(socket);
    }
  }

  @Override
  public WireResponse intercept(Chain chain) throws IOException {
    WireRequest req = chain.request();
    Control control = req.control();
    Dialer.Target target = dialer.target(req.url());
    for (int attempt = 0; ; attempt++) {
      control.check();
      Conn pooled = attempt == 0 ? take(target.key()) : null;
      Conn c = pooled != null ? pooled : new Conn(dialer.dial(target, control, true, List.of("http/1.1")), target.key());
      if (pooled != null) {
        control.timing().reused(c.socket);
      }
      control.timing().protocol = "http1.1";
      control.onCancel(c::close);
      boolean[] headRead = {false};
      try {
        write(c, req, target);
        return read(c, req, headRead);
      } catch (IOException e) {
        c.close();
        control.check();
        if (pooled != null && !headRead[0]) {
          continue;
        }
        throw e;
      }
    }
  }

  private void write(Conn c, WireRequest req, Dialer.Target target) throws IOException {
    URI u = req.url();
    String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
    StringBuilder head = new StringBuilder(256);
    head.append(req.method()).append(' ').append(path);
    if (u.getRawQuery() != null) {
      head.append('?').append(u.getRawQuery());
    }
    head.append(" HTTP/1.1\r\nHost: ").append(target.hostHeader(u)).append("\r\n");
    for (Headers.Field f : req.headers().fields()) {
      head.append(f.name()).append(": ").append(f.value()).append("\r\n");
    }
    long length = req.bodyLength();
    if (req.body() != null || req.method().equals("POST") || req.method().equals("PUT")) {
      head.append("Content-Length: ").append(length).append("\r\n");
    }
    head.append("\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
    Timing timing = req.control().timing();
    timing.requestStart = Timing.now();
    c.out.write(headBytes);
    if (req.body() != null) {
      writeBody(c.out, req);
    }
    c.out.flush();
    timing.requestEnd = Timing.now();
    timing.sendBytesCount = headBytes.length + length;
  }

  private static void writeBody(OutputStream out, WireRequest req) throws IOException {
    long sent = 0;
    byte[] buf = null;
    for (Object part : req.body()) {
      if (part instanceof byte[] bytes) {
        for (int off = 0; off < bytes.length; off += BUFFER) {
          int n = Math.min(BUFFER, bytes.length - off);
          out.write(bytes, off, n);
          sent += n;
          req.control().sent(sent);
        }
      } else {
        if (buf == null) {
          buf = new byte[4 * BUFFER];
        }
        try (InputStream in = Files.newInputStream((Path) part)) {
          int n;
          while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
            sent += n;
            req.control().sent(sent);
          }
        }
      }
    }
  }

  private WireResponse read(Conn c, WireRequest req, boolean[] headRead) throws IOException {
    int[] budget = {MAX_HEAD_BYTES};
    while (true) {
      String statusLine;
      try {
        statusLine = line(c.in, budget);
      } catch (EOFException e) {
        throw new NetException(headRead[0] ? "ERR_INVALID_HTTP_RESPONSE" : "ERR_EMPTY_RESPONSE", e);
      }
      if (!headRead[0]) {
        req.control().timing().responseStart = Timing.now();
      }
      headRead[0] = true;
      Matcher m = STATUS.matcher(statusLine);
      if (!m.matches()) {
        throw new NetException("ERR_INVALID_HTTP_RESPONSE");
      }
      int status = Integer.parseInt(m.group(2));
      List<Headers.Field> fields = new ArrayList<>();
      String l;
      try {
        while (!(l = line(c.in, budget)).isEmpty()) {
          int colon = l.indexOf(':');
          if (colon > 0) {
            fields.add(new Headers.Field(l.substring(0, colon).trim(), l.substring(colon + 1).trim()));
          }
        }
      } catch (EOFException e) {
        throw new NetException("ERR_INVALID_HTTP_RESPONSE", e);
      }
      if (status >= 100 && status < 200 && status != 101) {
        continue;
      }
      Headers headers = Headers.of(fields);
      boolean http10 = m.group(1).equals("0");
      String connection = headers.get("Connection");
      boolean keepAlive = connection == null ? !http10 : !connection.toLowerCase(Locale.ROOT).contains("close");
      BodyStreams.End end = complete -> {
        if (complete && keepAlive) {
          release(c);
        } else {
          c.close();
        }
      };
      InputStream body;
      String te = headers.get("Transfer-Encoding");
      String cl = headers.get("Content-Length");
      if (req.method().equals("HEAD") || status == 204 || status == 304) {
        body = BodyStreams.empty(end);
      } else if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
        body = new BodyStreams.Chunked(c.in, end);
      } else if (cl != null) {
        long n;
        try {
          n = Long.parseLong(cl.split(",")[0].trim());
        } catch (NumberFormatException e) {
          throw new NetException("ERR_INVALID_HTTP_RESPONSE");
        }
        body = new BodyStreams.Fixed(c.in, n, end);
      } else {
        body = new BodyStreams.UntilClose(c.in, complete -> c.close());
      }
      return new WireResponse(status, m.group(3) == null ? "" : m.group(3), headers, "http1.1", req.url(), body);
    }
  }

  private static String line(InputStream in, int[] budget) throws IOException {
    String s = readLine(in, budget[0]);
    budget[0] -= s.length() + 2;
    return s;
  }

  /** One CRLF (or LF) terminated line, at most {@code max} bytes; EOF before its end throws EOFException. */
  static String readLine(InputStream in, int max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new EOFException("connection closed");
      }
      if (out.size() >= max) {
        throw new NetException("ERR_RESPONSE_HEADERS_TOO_BIG");
      }
      out.write(b);
    }
    byte[] bytes = out.toByteArray();
    int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
    return new String(bytes, 0, n, StandardCharsets.UTF_8);
  }

  private synchronized Conn take(String key) {
    Deque<Conn> q = idle.get(key);
    long now = System.currentTimeMillis();
    while (q != null && !q.isEmpty()) {
      Conn c = q.pollLast();
      try {
        if (now - c.idleSince < IDLE_MILLIS && !c.socket.isClosed() && c.in.available() == 0) {
          return c;
        }
      } catch (IOException ignored) {
        // broken: dropped below
      }
      c.close();
    }
    return null;
  }

  private void release(Conn c) {
    synchronized (this) {
      if (!closed) {
        c.idleSince = System.currentTimeMillis();
        Deque<Conn> q = idle.computeIfAbsent(c.key, k -> new ArrayDeque<>());
        if (q.size() < 16) {
          q.addLast(c);
          return;
        }
      }
    }
    c.close();
  }

  /** Idle connections kept for reuse (for tests). */
  public synchronized int idleConnections() {
    return idle.values().stream().mapToInt(Deque::size).sum();
  }

  /** Closes every idle connection; connections in use close when their task ends. */
  @Override
  public synchronized void close() {
    closed = true;
    idle.values().forEach(q -> q.forEach(Conn::close));
    idle.clear();
  }
}
