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
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client connection (RFC 6455) over the same dialling as HTTP, so that host mapping,
 * TLS trust and the handshake's header spelling follow the page's rules. One reader loop delivers
 * whole messages to a {@link Listener}; sends are serialised and buffered until {@link #flush}. Messages over 64 MiB
 * close the connection with 1009.
 */
public final class WebSocketClient {
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private static final int MAX_MESSAGE = 64 * 1024 * 1024;

  /** Receives what the server sends (on the reader thread). */
  public interface Listener {
    void text(String message);

    void binary(byte[] message);

    /** The connection ended: the server's close code and reason, or 1006 and "" without a close frame. */
    void closed(int code, String reason, IOException error);
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final Headers responseHeaders;
  private final String protocol;
  private volatile boolean closeSent;

  private WebSocketClient(Socket socket, InputStream in, OutputStream out, Headers responseHeaders, String protocol) {
    this.socket = socket;
    this.in = in;
    this.out = out;
    this.responseHeaders = responseHeaders;
    this.protocol = protocol;
  }

  /** Dials and completes the opening handshake; {@code control} aborts it (close, deadline). */
  public static WebSocketClient connect(Dialer dialer, URI url, Headers headers, List<String> protocols, boolean tcpNoDelay,
      Control control) throws IOException {
    Dialer.Target target = dialer.target(url);
    control.timing().fetchStart = Timing.now();
    control.timing().protocol = "http1.1";
    Socket socket = dialer.dial(target, control, tcpNoDelay, List.of("http/1.1"));
    try {
      InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
      byte[] nonce = new byte[16];
      ThreadLocalRandom.current().nextBytes(nonce);
      String key = Base64.getEncoder().encodeToString(nonce);
      String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
      StringBuilder req = new StringBuilder("GET ").append(path).append(url.getRawQuery() == null ? "" : "?" + url.getRawQuery())
          .append(" HTTP/1.1\r\nHost: ").append(target.hostHeader(url))
          .append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ").append(key)
          .append("\r\nSec-WebSocket-Version: 13\r\n");
      if (!protocols.isEmpty()) {
        req.append("Sec-WebSocket-Protocol: ").append(String.join(", ", protocols)).append("\r\n");
      }
      for (Headers.Field f : headers.fields()) {
        if (!f.name().toLowerCase(Locale.ROOT).startsWith("sec-websocket-")) {
          req.append(f.name()).append(": ").append(f.value()).append("\r\n");
        }
      }
      byte[] head = req.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
      Timing timing = control.timing();
      timing.requestStart = Timing.now();
      out.write(head);
      out.flush();
      timing.requestEnd = Timing.now();
      timing.sendBytesCount = head.length;
      String status;
      try {
        status = Http1Transport.readLine(in, 8192);
      } catch (EOFException e) {
        throw new NetException("ERR_EMPTY_RESPONSE", e);
      }
      timing.responseStart = Timing.now();
      List<Headers.Field> fields = new ArrayList<>();
      String line;
      int budget = Http1Transport.MAX_HEAD_BYTES;
      while (!(line = Http1Transport.readLine(in, budget)).isEmpty()) {
        budget -= line.length() + 2;
        int colon = line.indexOf(':');
        if (colon > 0) {
          fields.add(new Headers.Field(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
        }
      }
      Headers h = Headers.of(fields);
      String[] parts = status.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
        throw new HandshakeException("Invalid status line");
      }
      if (!parts[1].equals("101")) {
        throw new HandshakeException("Unexpected response code: " + parts[1]);
      }
      if (!accept(key).equals(h.get("Sec-WebSocket-Accept"))) {
        throw new HandshakeException("Incorrect 'Sec-WebSocket-Accept' header value");
      }
      String chosen = h.get("Sec-WebSocket-Protocol");
      return new WebSocketClient(socket, in, out, h, chosen == null ? "" : chosen);
    } catch (IOException | RuntimeException e) {
      Dialer.closeQuietly(socket);
      throw e;
    }
  }

  /** The server broke the protocol; the connection was failed (close frame sent), worded as Chromium reports it. */
  public static final class Failure extends IOException {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message);
    }
  }

  /** A failed opening handshake, worded as Chromium reports it. */
  public static final class HandshakeException extends IOException {
    private static final long serialVersionUID = 1L;

    HandshakeException(String message) {
      super("Error during WebSocket handshake: " + message);
    }
  }

  public Headers responseHeaders() {
    return responseHeaders;
  }

  public String protocol() {
    return protocol;
  }

  /** Reads messages until the connection ends; call on a thread of its own. */
  public void readLoop(Listener listener) {
    ByteArrayOutputStream fragments = null;
    int fragmentOpcode = 0;
    try {
      while (true) {
        int b0 = in.read();
        int b1 = in.read();
        if (b0 < 0 || b1 < 0) {
          throw new EOFException("closed without close frame");
        }
        boolean fin = (b0 & 0x80) != 0;
        int opcode = b0 & 0x0F;
        long len = b1 & 0x7F;
        if (len == 126) {
          len = (readByte() << 8) | readByte();
        } else if (len == 127) {
          len = 0;
          for (int i = 0; i < 8; i++) {
            len = (len << 8) | readByte();
          }
        }
        byte[] mask = null;
        if ((b1 & 0x80) != 0) {
          mask = in.readNBytes(4);
        }
        if (len > MAX_MESSAGE || (fragments != null && fragments.size() + len > MAX_MESSAGE)) {
          close(1009, "");
          throw new EOFException("message too big");
        }
        byte[] payload = in.readNBytes((int) len);
        if (payload.length < len) {
          throw new EOFException("closed mid-frame");
        }
        if (mask != null) {
          for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i & 3];
          }
        }
        switch (opcode) {
          case 0x8 -> {
            int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
            String reason = payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
            if (!closeSent) {
              sendFrame(0x8, payload.length >= 2 ? Arrays.copyOf(payload, 2) : new byte[0]);
            }
            Dialer.closeQuietly(socket);
            listener.closed(code, reason, null);
            return;
          }
          case 0x9 -> sendFrame(0xA, payload);
          case 0xA -> {
            // pong: nothing to do
          }
          case 0x0, 0x1, 0x2 -> {
            if (opcode != 0) {
              fragmentOpcode = opcode;
            }
            if (fin && fragments == null) {
              deliver(listener, fragmentOpcode, payload);
            } else {
              if (fragments == null) {
                fragments = new ByteArrayOutputStream();
              }
              fragments.write(payload);
              if (fin) {
                deliver(listener, fragmentOpcode, fragments.toByteArray());
                fragments = null;
              }
            }
          }
          default -> throw new IOException("unknown opcode " + opcode);
        }
      }
    } catch (IOException e) {
      Dialer.closeQuietly(socket);
      listener.closed(1006, "", closeSent && !(e instanceof Failure) ? null : e);
    }
  }

  /** Hands a whole message over; text that is not valid UTF-8 fails the connection with 1007 (RFC 6455 §8.1). */
  private void deliver(Listener listener, int opcode, byte[] payload) throws IOException {
    if (opcode != 0x1) {
      listener.binary(payload);
      return;
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
    } catch (CharacterCodingException e) {
      close(1007, "");
      throw new Failure("Could not decode a text frame as UTF-8.");
    }
    listener.text(text);
  }

  private int readByte() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("closed mid-frame");
    }
    return b;
  }

  /** Writes a text message into the connection's buffer; {@link #flush} sends what is buffered. */
  public void sendText(String message) throws IOException {
    writeFrame(0x1, message.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes a binary message into the connection's buffer; {@link #flush} sends what is buffered. */
  public void sendBinary(byte[] message) throws IOException {
    writeFrame(0x2, message);
  }

  /** Sends the buffered frames (a burst of sends from page code then costs one system call). */
  public synchronized void flush() throws IOException {
    out.flush();
  }

  /** Sends a close frame; the connection ends when the server answers (or drops). */
  public void close(int code, String reason) throws IOException {
    byte[] r = reason.getBytes(StandardCharsets.UTF_8);
    byte[] payload = new byte[2 + r.length];
    payload[0] = (byte) (code >> 8);
    payload[1] = (byte) code;
    System.arraycopy(r, 0, payload, 2, r.length);
    sendFrame(0x8, payload);
    closeSent = true;
  }

  /** Drops the connection at once. */
  public void abort() {
    Dialer.closeQuietly(socket);
  }

  private synchronized void sendFrame(int opcode, byte[] payload) throws IOException {
    writeFrame(opcode, payload);
    out.flush();
  }

  private synchronized void writeFrame(int opcode, byte[] payload) throws IOException {
    int n = payload.length;
    byte[] head = new byte[14];
    int h = 0;
    head[h++] = (byte) (0x80 | opcode);
    if (n < 126) {
      head[h++] = (byte) (0x80 | n);
    } else if (n < 65536) {
      head[h++] = (byte) (0x80 | 126);
      head[h++] = (byte) (n >> 8);
      head[h++] = (byte) n;
    } else {
      head[h++] = (byte) (0x80 | 127);
      for (int i = 7; i >= 0; i--) {
        head[h++] = (byte) (i >= 4 ? 0 : (n >>> (8 * i)));
      }
    }
    int mask = ThreadLocalRandom.current().nextInt();
    byte[] m = {(byte) (mask >> 24), (byte) (mask >> 16), (byte) (mask >> 8), (byte) mask};
    System.arraycopy(m, 0, head, h, 4);
    h += 4;
    byte[] masked = new byte[n];
    for (int i = 0; i < n; i++) {
      masked[i] = (byte) (payload[i] ^ m[i & 3]);
    }
    out.write(head, 0, h);
    out.write(masked);
  }

  private static String accept(String key) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      return Base64.getEncoder().encodeToString(sha1.digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
