package dev.sparrow.runtime.npm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

/**
 * One published npm package version as the registry serves it: {@code <registry>/<name>/-/<base>-<version>.tgz},
 * checked against the {@code dist.integrity} the registry published ({@code sha512-<base64>}) before a byte of it is
 * unpacked, then unpacked into a folder (the tarball's {@code package/} prefix dropped) that appears whole or not at
 * all. The tar reader knows what npm's packer writes: ustar entries (with the {@code prefix} field), pax
 * {@code path} records and GNU long names; only files and folders are kept, a path leaving the folder is refused.
 *
 * @param name the package name ({@code weui-miniprogram}, {@code @scope/pkg})
 * @param version its exact version
 * @param integrity the registry's {@code dist.integrity} for it
 */
public record NpmTarball(String name, String version, String integrity) {
  /** npm's public registry. */
  public static final URI REGISTRY = URI.create("https://registry.npmjs.org/");

  private static final int BLOCK = 512;
  private static final long MAX_BYTES = 64L << 20;

  /** Where {@code registry} serves this version's tarball. */
  public URI url(URI registry) {
    String base = name.contains("/") ? name.substring(name.indexOf('/') + 1) : name;
    String root = registry.toString().endsWith("/") ? registry.toString() : registry + "/";
    return URI.create(root + name + "/-/" + base + "-" + version + ".tgz");
  }

  /**
   * Downloads the tarball from {@code registry} and unpacks it into {@code target} (which must not exist yet; made
   * beside it and moved into place). Throws {@link IOException} saying what went wrong: the network, a status other
   * than 200, an integrity mismatch, a malformed archive.
   */
  public void download(HttpClient http, URI registry, Duration timeout, Path target) throws IOException {
    URI url = url(registry);
    HttpResponse<byte[]> response;
    try {
      HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while downloading " + url, e);
    }
    if (response.statusCode() != 200) {
      throw new IOException(url + " answered HTTP " + response.statusCode());
    }
    byte[] body = response.body();
    if (body.length > MAX_BYTES) {
      throw new IOException(url + " is larger than " + (MAX_BYTES >> 20) + " MB");
    }
    verify(body);
    unpack(body, target);
  }

  /** Throws unless {@code tgz} has this version's published integrity. */
  public void verify(byte[] tgz) throws IOException {
    if (!integrity.startsWith("sha512-")) {
      throw new IOException("unsupported integrity " + integrity);
    }
    byte[] expected = Base64.getDecoder().decode(integrity.substring("sha512-".length()));
    try {
      byte[] actual = MessageDigest.getInstance("SHA-512").digest(tgz);
      if (!MessageDigest.isEqual(expected, actual)) {
        throw new IOException(name + "@" + version + " failed its integrity check (got sha512-"
            + Base64.getEncoder().encodeToString(actual) + ")");
      }
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Unpacks a verified {@code tgz} into {@code target}, dropping each entry's first path segment. */
  public static void unpack(byte[] tgz, Path target) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path staging = parent.resolve(".partial-" + UUID.randomUUID());
    try {
      Files.createDirectories(staging);
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(tgz))) {
        extract(in, staging);
      }
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      NpmBuild.deleteTree(staging);
    }
  }

  private static void extract(InputStream in, Path into) throws IOException {
    String longName = null;
    byte[] header = new byte[BLOCK];
    while (readFully(in, header)) {
      if (isZero(header)) {
        return;
      }
      String name = field(header, 0, 100);
      long size = octal(field(header, 124, 12));
      char type = (char) (header[156] == 0 ? '0' : header[156]);
      String prefix = field(header, 345, 155);
      if (!prefix.isEmpty() && "ustar".equals(field(header, 257, 5))) {
        name = prefix + "/" + name;
      }
      byte[] data = readBlocks(in, size);
      if (type == 'x') {
        longName = paxPath(data).orElse(longName);
        continue;
      }
      if (type == 'L') {
        longName = new String(data, StandardCharsets.UTF_8).replace("\0", "");
        continue;
      }
      if (type == 'g') {
        continue;
      }
      if (longName != null) {
        name = longName;
        longName = null;
      }
      Optional<Path> out = inside(into, name);
      if (out.isEmpty()) {
        continue;
      }
      if (type == '5') {
        Files.createDirectories(out.get());
      } else if (type == '0' || type == '7') {
        Files.createDirectories(out.get().getParent());
        Files.write(out.get(), data);
      }
    }
  }

  /** The entry's path below the first segment ({@code package/}), inside {@code into}; empty for that folder itself. */
  private static Optional<Path> inside(Path into, String entry) throws IOException {
    String n = entry.replace('\\', '/');
    int slash = n.indexOf('/');
    String rest = slash < 0 ? "" : n.substring(slash + 1);
    if (rest.isEmpty() || rest.equals("/")) {
      return Optional.empty();
    }
    Path p = into.resolve(rest).normalize();
    if (!p.startsWith(into) || rest.startsWith("/")) {
      throw new IOException("archive entry leaves the package: " + entry);
    }
    return Optional.of(p);
  }

  private static Optional<String> paxPath(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    for (String line : text.split("\n")) {
      int space = line.indexOf(' ');
      if (space > 0 && line.startsWith("path=", space + 1)) {
        return Optional.of(line.substring(space + 1 + "path=".length()));
      }
    }
    return Optional.empty();
  }

  private static long octal(String text) throws IOException {
    String t = text.trim();
    try {
      return t.isEmpty() ? 0 : Long.parseLong(t, 8);
    } catch (NumberFormatException e) {
      throw new IOException("malformed archive entry size " + t);
    }
  }

  private static String field(byte[] header, int at, int length) {
    int end = at;
    while (end < at + length && header[end] != 0) {
      end++;
    }
    return new String(header, at, end - at, StandardCharsets.UTF_8);
  }

  private static byte[] readBlocks(InputStream in, long size) throws IOException {
    if (size < 0 || size > MAX_BYTES) {
      throw new IOException("archive entry too large: " + size);
    }
    byte[] data = new byte[(int) size];
    if (!readFully(in, data) && size > 0) {
      throw new IOException("archive ends inside an entry");
    }
    long pad = (BLOCK - size % BLOCK) % BLOCK;
    in.skipNBytes(pad);
    return data;
  }

  private static boolean readFully(InputStream in, byte[] into) throws IOException {
    int n = in.readNBytes(into, 0, into.length);
    if (n == 0 && into.length > 0) {
      return false;
    }
    if (n < into.length) {
      throw new IOException("archive ends inside a block");
    }
    return true;
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
