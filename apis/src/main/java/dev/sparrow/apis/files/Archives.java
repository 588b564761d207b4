package dev.sparrow.apis.files;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.files.internal.Moves;
import dev.sparrow.apis.files.internal.Trees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.brotli.dec.BrotliInputStream;

/**
 * The FileSystemManager's archive methods (spec files.md §8): {@code unzip} into the user data
 * directory, {@code readZipEntry} (base library 2.17.3) and {@code readCompressedFile} (2.21.1,
 * brotli). Archives may come from any readable path; what they unpack to is quota-charged like any
 * other write, and no entry may land outside the target directory ("zip slip").
 */
public final class Archives {
  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

  /** One entry asked of {@code readZipEntry}: its path in the archive and an optional byte range. */
  public record EntryRequest(String path, Long position, Long length) {}

  /** One entry's outcome: its bytes, or the failure reason reported in its {@code errMsg}. */
  public record EntryResult(byte[] data, String failure) {
    public boolean ok() {
      return failure == null;
    }
  }

  private final FileOps ops;
  private final FileQuota quota;

  public Archives(FileOps ops) {
    this.ops = ops;
    this.quota = ops.sandbox().quota();
  }

  /**
   * {@code unzip}: extracts every entry of {@code zipPath} under the user directory {@code
   * targetPath} (made if missing; its parent must exist), replacing files of the same name. Each
   * file lands atomically; the whole archive's growth must fit the quota before anything is written.
   */
  public void unzip(String zipPath, String targetPath) throws IOException {
    Path zipFile = ops.sandbox().parse(zipPath).flatMap(l -> ops.sandbox().hostPath(l))
        .filter(p -> Files.isRegularFile(p, NOFOLLOW))
        .orElseThrow(() -> noSuchFile(zipPath, targetPath));
    Path dir = ops.sandbox().parse(targetPath).filter(l -> l.area() == LocalPath.Area.USER).flatMap(ops.sandbox()::hostPath)
        .orElseThrow(() -> ApiFailure.of("permission denied, unzip " + zipPath + " -> " + targetPath, FileErrors.PERMISSION_DENIED));
    if (!Files.isDirectory(dir.getParent(), NOFOLLOW)) {
      throw noSuchFile(zipPath, targetPath);
    }
    if (Files.exists(dir, NOFOLLOW) && !Files.isDirectory(dir, NOFOLLOW)) {
      throw FileErrors.notADirectory(targetPath);
    }
    try (ZipFile zip = new ZipFile(zipFile.toFile())) {
      List<ZipEntry> entries = new ArrayList<>();
      List<Path> places = new ArrayList<>();
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        entries.add(entry);
        places.add(placeOf(targetPath, entry.getName(), entry.isDirectory()));
      }
      quota.locked(() -> {
        long growth = 0;
        for (int i = 0; i < entries.size(); i++) {
          ZipEntry entry = entries.get(i);
          if (!entry.isDirectory()) {
            growth += Math.max(0, entry.getSize()) - Trees.sizeOf(places.get(i));
            quota.ensureRoom(0, Math.max(0, entry.getSize()));
          }
        }
        quota.ensureRoom(growth, 0);
        Files.createDirectories(dir);
        for (int i = 0; i < entries.size(); i++) {
          if (places.get(i) != null) {
            extract(zip, entries.get(i), places.get(i));
          }
        }
        return null;
      });
    } catch (ZipException e) {
      throw ApiFailure.of("Input/output error", FileErrors.IO_ERROR);
    }
  }

  /**
   * Where an entry goes: the user path {@code targetPath/name}, through the sandbox's own path rules.
   * Names with {@code ..} (zip slip) or that name the target itself are refused.
   */
  private Path placeOf(String targetPath, String name, boolean directory) {
    List<String> segments = new ArrayList<>();
    for (String seg : name.replace('\\', '/').split("/")) {
      if (seg.equals("..") || seg.indexOf('\0') >= 0) {
        throw ApiFailure.of("Invalid argument, unzip entry " + name, FileErrors.INVALID_ARGUMENT);
      }
      if (!seg.isEmpty() && !seg.equals(".")) {
        segments.add(seg);
      }
    }
    if (segments.isEmpty()) {
      if (directory) {
        return null;
      }
      throw ApiFailure.of("Invalid argument, unzip entry " + name, FileErrors.INVALID_ARGUMENT);
    }
    String base = targetPath.endsWith("/") ? targetPath : targetPath + "/";
    return ops.userTarget(base + String.join("/", segments));
  }

  /** One entry to its place, charged by the bytes it really holds (a size the archive lied about is caught). */
  private void extract(ZipFile zip, ZipEntry entry, Path place) throws IOException {
    if (entry.isDirectory()) {
      if (Files.exists(place, NOFOLLOW) && !Files.isDirectory(place, NOFOLLOW)) {
        throw FileErrors.notADirectory(entry.getName());
      }
      Files.createDirectories(place);
      return;
    }
    Files.createDirectories(place.getParent());
    if (Files.isDirectory(place, NOFOLLOW)) {
      throw FileErrors.illegalOperationOnDirectory(entry.getName());
    }
    long old = Trees.sizeOf(place);
    long[] written = {0};
    try (InputStream in = zip.getInputStream(entry)) {
      Moves.write(place, ops.now(), ch -> {
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = in.read(buf)) > 0) {
          written[0] += n;
          quota.ensureRoom(written[0] - old, written[0]); // earlier entries are charged already
          Trees.writeAll(ch, buf, n);
        }
      });
    }
    quota.charge(written[0] - old);
  }

  /**
   * {@code readZipEntry}: the asked entries (null: every file in the archive), in the order asked.
   * An entry that is missing or whose range is wrong fails alone, in its own result.
   */
  public Map<String, EntryResult> readEntries(String zipPath, List<EntryRequest> asked) throws IOException {
    Path zipFile = ops.existingFile(zipPath);
    Map<String, EntryResult> out = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(zipFile.toFile())) {
      List<EntryRequest> wanted = asked;
      if (wanted == null) {
        wanted = new ArrayList<>();
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
          ZipEntry entry = e.nextElement();
          if (!entry.isDirectory()) {
            wanted.add(new EntryRequest(entry.getName(), null, null));
          }
        }
      }
      for (EntryRequest r : wanted) {
        out.put(r.path(), readEntry(zip, r));
      }
    } catch (ZipException e) {
      throw ApiFailure.of("Input/output error", FileErrors.IO_ERROR);
    }
    return out;
  }

  private EntryResult readEntry(ZipFile zip, EntryRequest r) throws IOException {
    ZipEntry entry = zip.getEntry(r.path());
    if (entry == null || entry.isDirectory()) {
      return new EntryResult(null, "no such file or directory " + r.path());
    }
    long size = entry.getSize();
    if (size > quota.maxFileBytes()) {
      return new EntryResult(null, FileErrors.STORAGE_EXCEEDED_TEXT);
    }
    byte[] all;
    try (InputStream in = zip.getInputStream(entry)) {
      all = in.readNBytes((int) Math.min(quota.maxFileBytes(), Integer.MAX_VALUE - 8));
    }
    long from = r.position() == null ? 0 : r.position();
    long len = r.length() == null ? all.length - from : r.length();
    if (from < 0 || from > Math.max(0, all.length - 1) && all.length > 0 || len < 0 || from + len > all.length) {
      return new EntryResult(null, "Invalid argument");
    }
    return new EntryResult(Arrays.copyOfRange(all, (int) from, (int) (from + len)), null);
  }

  /** {@code readCompressedFile}: the brotli-decompressed content of a readable file (at most the single-file limit). */
  public byte[] readCompressed(String path, String algorithm) throws IOException {
    if (!"br".equals(algorithm)) {
      throw FileErrors.invalidArgument();
    }
    Path file = ops.existingFile(path);
    long limit = quota.maxFileBytes();
    try (InputStream in = new BrotliInputStream(Files.newInputStream(file))) {
      byte[] data = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
      if (data.length > limit) {
        throw FileErrors.storageExceeded();
      }
      return data;
    } catch (ApiFailure f) {
      throw f;
    } catch (IOException e) {
      throw ApiFailure.of("decompress fail", FileErrors.SYSTEM_ERROR);
    }
  }

  private static ApiFailure noSuchFile(String zipPath, String targetPath) {
    // WeChat's documented text, with its single quote mark
    return ApiFailure.of("no such file or directory, unzip " + zipPath + " -> \"" + targetPath, FileErrors.NO_SUCH_FILE);
  }
}
