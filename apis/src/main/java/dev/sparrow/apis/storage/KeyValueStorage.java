package dev.sparrow.apis.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.apis.ApiFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The key-value storage of one mini program (wx.setStorage family, spec ui-and-storage.md §3).
 *
 * <p>Values arrive already serialised by the logic layer: a type tag ({@code "Number"},
 * {@code "Object"}, {@code "Date"}…) and the JSON text of the value, so that they come back with
 * their type. Each key is one file under the directory, written atomically (temporary file, fsync,
 * atomic rename): a crash leaves either the old or the new value, never a torn one.
 *
 * <p>Limits: {@link Limits#perKeyBytes} (1 MB by default) for one value, {@link Limits#totalBytes}
 * (10 MB) for all; a key's size is the UTF-8 length of its key plus its JSON text. Sessions of one
 * appid in one JVM share an instance through {@link #open(Path, Limits)}, so they see each other's
 * writes and share the quota.
 */
public final class KeyValueStorage {
  /** The reason when the whole storage would exceed its limit (spec: pick "exceed storage max size"). */
  public static final String EXCEED_MAX_SIZE = "exceed storage max size";
  /** The reason when one value is over the per-key limit (undocumented; see docs/decisions.md). */
  public static final String EXCEED_ITEM_MAX_SIZE = "exceed storage item max size";
  /** The reason {@code getStorage} fails with for a missing key. */
  public static final String DATA_NOT_FOUND = "data not found";

  /** Size limits in bytes. */
  public record Limits(long perKeyBytes, long totalBytes) {
    public static final Limits WECHAT = new Limits(1024L * 1024, 10L * 1024 * 1024);
  }

  /** A stored value: its JS type tag and its JSON text. */
  public record Entry(String type, String json) {}

  /** What {@code getStorageInfo} reports; sizes in KB as WeChat does. */
  public record Info(List<String> keys, long currentSizeKb, long limitSizeKb) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<Path, KeyValueStorage> OPEN = new ConcurrentHashMap<>();

  private final Path dir;
  private final Limits limits;
  private final Map<String, Long> sizes = new LinkedHashMap<>();
  private long total;

  private KeyValueStorage(Path dir, Limits limits) {
    this.dir = dir;
    this.limits = limits;
    load();
  }

  /** The storage kept in {@code dir} (created if needed), shared by every caller in this JVM. */
  public static KeyValueStorage open(Path dir, Limits limits) {
    Path key = dir.toAbsolutePath().normalize();
    return OPEN.compute(
        key, (k, existing) -> existing != null && existing.limits.equals(limits) ? existing : new KeyValueStorage(k, limits));
  }

  /** Stores {@code entry} under {@code key}, replacing any old value. */
  public synchronized void set(String key, Entry entry) {
    long size = sizeOf(key, entry.json());
    if (entry.json().getBytes(StandardCharsets.UTF_8).length > limits.perKeyBytes()) {
      throw ApiFailure.of(EXCEED_ITEM_MAX_SIZE);
    }
    long old = sizes.getOrDefault(key, 0L);
    if (total - old + size > limits.totalBytes()) {
      throw ApiFailure.of(EXCEED_MAX_SIZE);
    }
    ObjectNode node = JSON.createObjectNode();
    node.put("key", key);
    node.put("type", entry.type());
    try {
      node.set("data", JSON.readTree(entry.json()));
      AtomicFiles.write(fileOf(key), JSON.writeValueAsBytes(node));
    } catch (IOException e) {
      throw ApiFailure.of("system error: " + e.getMessage());
    }
    sizes.put(key, size);
    total += size - old;
  }

  /** The value under {@code key}, if any. */
  public synchronized Optional<Entry> get(String key) {
    if (!sizes.containsKey(key)) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(Files.readAllBytes(fileOf(key)));
      return Optional.of(new Entry(node.path("type").asText("Object"), JSON.writeValueAsString(node.get("data"))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes {@code key}; removing a missing key is not an error (as in WeChat). */
  public synchronized void remove(String key) {
    Long old = sizes.remove(key);
    if (old == null) {
      return;
    }
    total -= old;
    try {
      Files.deleteIfExists(fileOf(key));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes every key. */
  public synchronized void clear() {
    for (String key : new ArrayList<>(sizes.keySet())) {
      remove(key);
    }
  }

  public synchronized Info info() {
    return new Info(List.copyOf(sizes.keySet()), (total + 1023) / 1024, limits.totalBytes() / 1024);
  }

  private void load() {
    try {
      Files.createDirectories(dir);
      List<Path> files = new ArrayList<>();
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.json")) {
        stream.forEach(files::add);
      }
      files.sort(
          (a, b) -> {
            try {
              return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b));
            } catch (IOException e) {
              return 0;
            }
          });
      for (Path file : files) {
        JsonNode node;
        try {
          node = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException unreadable) {
          continue; // a foreign or damaged file is not ours to count
        }
        if (node == null || !node.hasNonNull("key") || !file.equals(fileOf(node.get("key").asText()))) {
          continue;
        }
        String key = node.get("key").asText();
        long size = sizeOf(key, JSON.writeValueAsString(node.get("data")));
        sizes.put(key, size);
        total += size;
      }
      AtomicFiles.removeLeftovers(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open storage in " + dir, e);
    }
  }

  private static long sizeOf(String key, String json) {
    return key.getBytes(StandardCharsets.UTF_8).length + json.getBytes(StandardCharsets.UTF_8).length;
  }

  private Path fileOf(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return dir.resolve(HexFormat.of().formatHex(digest, 0, 20) + ".json");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
