package dev.sparrow.apis.files;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.Errno;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/** What {@code getFileInfo} reports: {@code size} in bytes and the lower-case hex {@code digest}. */
public record FileInfo(long size, String digest) {
  private static final Map<String, String> ALGORITHMS = Map.of("md5", "MD5", "sha1", "SHA-1", "sha256", "SHA-256");

  /**
   * Fails with {@code invalid digestAlgorithm} (1001) unless {@code algorithm} is {@code md5} or
   * {@code sha1}, or (FileSystemManager only) {@code sha256}.
   */
  public static void checkAlgorithm(String algorithm, boolean allowSha256) {
    String a = algorithm.toLowerCase(Locale.ROOT);
    if (!ALGORITHMS.containsKey(a) || (a.equals("sha256") && !allowSha256)) {
      throw ApiFailure.of("invalid digestAlgorithm", Errno.INVALID_PARAMETER);
    }
  }

  static FileInfo of(Path file, String algorithm) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance(ALGORITHMS.get(algorithm.toLowerCase(Locale.ROOT)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    long size = 0;
    byte[] buf = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        digest.update(buf, 0, n);
        size += n;
      }
    }
    return new FileInfo(size, HexFormat.of().formatHex(digest.digest()));
  }
}
