package dev.sparrow.apis.network.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * HTTP/1.1 response body framing over a connection's input: fixed length, chunked, or until the
 * server closes. Each stream reports once how it ended: completely (the connection may be reused)
 * or not.
 */
final class BodyStreams {
  private BodyStreams() {}

  /** Told once when a body stream ends: {@code complete} if the whole body was read. */
  interface End {
    void ended(boolean complete);
  }

  abstract static class Framed extends InputStream {
    protected final InputStream in;
    private final End end;
    private boolean done;

    Framed(InputStream in, End end) {
      this.in = in;
      this.end = end;
    }

    protected final void finish(boolean complete) {
      if (!done) {
        done = true;
        end.ended(complete);
      }
    }

    protected final boolean isDone() {
      return done;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public void close() {
      finish(false);
    }
  }

  static InputStream empty(End end) {
    end.ended(true);
    return InputStream.nullInputStream();
  }

  static final class Fixed extends Framed {
    private long left;

    Fixed(InputStream in, long length, End end) {
      super(in, end);
      this.left = length;
      if (length == 0) {
        finish(true);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left == 0) {
        finish(true);
        return -1;
      }
      if (isDone()) {
        throw new IOException("body stream closed");
      }
      int n;
      try {
        n = in.read(b, off, (int) Math.min(len, left));
      } catch (IOException e) {
        finish(false);
        throw e;
      }
      if (n < 0) {
        finish(false);
        throw new NetException("ERR_CONTENT_LENGTH_MISMATCH");
      }
      left -= n;
      if (left == 0) {
        finish(true);
      }
      return n;
    }

    @Override
    public int available() throws IOException {
      return (int) Math.min(in.available(), left);
    }
  }

  static final class UntilClose extends Framed {
    UntilClose(InputStream in, End end) {
      super(in, end);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (isDone()) {
        return -1;
      }
      int n;
      try {
        n = in.read(b, off, len);
      } catch (IOException e) {
        finish(false);
        throw e;
      }
      if (n < 0) {
        finish(false);
      }
      return n;
    }
  }

  static final class Chunked extends Framed {
    private long chunkLeft = -1;
    private boolean last;

    Chunked(InputStream in, End end) {
      super(in, end);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (last) {
        return -1;
      }
      if (isDone()) {
        throw new IOException("body stream closed");
      }
      try {
        if (chunkLeft <= 0) {
          if (chunkLeft == 0) {
            crlf();
          }
          chunkLeft = chunkSize();
          if (chunkLeft == 0) {
            while (!Http1Transport.readLine(in, 8192).isEmpty()) {
              // trailers are dropped
            }
            last = true;
            finish(true);
            return -1;
          }
        }
        int n = in.read(b, off, (int) Math.min(len, chunkLeft));
        if (n < 0) {
          throw new NetException("ERR_INCOMPLETE_CHUNKED_ENCODING");
        }
        chunkLeft -= n;
        return n;
      } catch (IOException e) {
        finish(false);
        throw e instanceof EOFException ? new NetException("ERR_INCOMPLETE_CHUNKED_ENCODING", e) : e;
      }
    }

    private void crlf() throws IOException {
      if (!Http1Transport.readLine(in, 8192).isEmpty()) {
        throw new NetException("ERR_INVALID_CHUNKED_ENCODING");
      }
    }

    private long chunkSize() throws IOException {
      String line = Http1Transport.readLine(in, 8192);
      int semi = line.indexOf(';');
      String hex = (semi < 0 ? line : line.substring(0, semi)).trim();
      try {
        long n = Long.parseLong(hex, 16);
        if (n < 0) {
          throw new NumberFormatException();
        }
        return n;
      } catch (NumberFormatException e) {
        throw new NetException("ERR_INVALID_CHUNKED_ENCODING");
      }
    }
  }
}
