package dev.sparrow.apis.network;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.files.FileSandbox;
import dev.sparrow.apis.files.IncomingFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * {@code wx.downloadFile} (spec network.md §4): a GET whose body is streamed to disk — a new temp
 * file ({@code tempFilePath}) or the page's {@code filePath} in the user data folder, written to a
 * hidden part file and moved into place only when complete ({@link IncomingFile}: within the appid's
 * 10 MB quota, checked as the bytes arrive). Any status is a success (a 404 page becomes the file).
 * Over the size limit (200 MiB, by Content-Length or while streaming) the task fails with {@code
 * exceed max file size} (603301). On any failure or abort nothing is left behind.
 */
public final class DownloadFile {
  public static final String TOO_LARGE = "exceed max file size";
  public static final int TOO_LARGE_ERRNO = 603301;
  private static final int BUFFER = 256 * 1024;

  private DownloadFile() {}

  /** @param filePath the page's target path, or null for a temp file */
  public record Options(String url, Map<String, Object> header, Number timeout, String filePath, boolean enableHttp2) {}

  /** Exactly one of {@code tempFilePath} and {@code filePath} is set. */
  public record Result(int statusCode, String tempFilePath, String filePath, Headers header, long size, Map<String, Object> profile) {}

  static HttpTask<Result> start(Network net, Options o, HttpEvents events) {
    NetworkPolicy policy = net.policy();
    FileSandbox files = net.files();
    URI url = DomainRules.check(Family.DOWNLOAD, o.url(), policy);
    if (o.filePath() != null) { // a path outside the user folder or in a missing one fails before any traffic
      Path target = files.writable(o.filePath());
      if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
        throw ApiFailure.of("no such file or directory " + o.filePath(), 1300002);
      }
    }
    long limit = policy.downloadLimit();
    return net.run(Family.DOWNLOAD, "GET", url, RequestRules.pageHeaders(o.header()), null, o.enableHttp2(), true, false,
        policy.timeoutMillis(Family.DOWNLOAD, o.timeout()), events, (status, h, body, task) -> {
          long expected = contentLength(h);
          if (expected > limit) {
            throw ApiFailure.of(TOO_LARGE, TOO_LARGE_ERRNO);
          }
          LongConsumer progress = Network.progress(events, Math.max(expected, 0));
          if (o.filePath() != null) {
            try (IncomingFile in = IncomingFile.open(files, o.filePath())) {
              if (expected > 0) {
                in.expect(expected);
              }
              long size = copy(body, in::write, expected, limit, progress);
              in.commit();
              return new Result(status, null, o.filePath(), h, size, Request.profile(task, size));
            }
          }
          FileSandbox.LocalFile temp = files.newTempFile(extension(url, h.get("Content-Type")));
          boolean done = false;
          try (FileChannel out = FileChannel.open(temp.file(), StandardOpenOption.WRITE, StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
            long size = copy(body, (buf, n) -> {
              ByteBuffer wrap = ByteBuffer.wrap(buf, 0, n);
              while (wrap.hasRemaining()) {
                out.write(wrap);
              }
            }, expected, limit, progress);
            done = true;
            return new Result(status, temp.path(), null, h, size, Request.profile(task, size));
          } finally {
            if (!done) {
              Files.deleteIfExists(temp.file());
            }
          }
        });
  }

  /** Where the bytes of a download go. */
  @FunctionalInterface
  private interface Sink {
    void write(byte[] buf, int n) throws IOException;
  }

  private static long copy(InputStream in, Sink sink, long expected, long limit, LongConsumer progress)
      throws IOException {
    long written = 0;
    byte[] buf = new byte[BUFFER];
    int n;
    while ((n = in.read(buf)) > 0) {
      written += n;
      if (written > limit) {
        throw ApiFailure.of(TOO_LARGE, TOO_LARGE_ERRNO);
      }
      sink.write(buf, n);
      progress.accept(written);
    }
    if (expected < 0) {
      progress.accept(written);
    }
    return written;
  }

  private static long contentLength(Headers h) {
    try {
      String v = h.get("Content-Length");
      return v == null ? -1 : Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The temp file's extension: from the URL path, else from the Content-Type, else none. */
  static String extension(URI url, String contentType) {
    String path = url.getPath() == null ? "" : url.getPath();
    String ext = UploadFile.extension(path.substring(path.lastIndexOf('/') + 1));
    if (!ext.isEmpty() && ext.length() <= 8 && ext.chars().allMatch(Character::isLetterOrDigit)) {
      return ext;
    }
    return MimeTypes.extensionFor(contentType);
  }
}
