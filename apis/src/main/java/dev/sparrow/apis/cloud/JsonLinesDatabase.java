package dev.sparrow.apis.cloud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.apis.storage.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The emulator's own engine: each collection is held in memory in insertion order and persisted, after
 * every write, as one JSON-lines file ({@code <collection>.jsonl}, one document a line, the cloud console's export
 * format): an add appends its line, other writes replace the file atomically; a last line torn by a crash is
 * dropped. Reads scan the collection unless a declared index ({@link #createIndex}, kept in memory and built
 * again from the documents whenever the collection is read from its file) or the {@code _id} narrows it
 * ({@link DocumentTable}); unique indexes refuse duplicates. {@code {$serverDate: {offset}}} values are stamped with
 * the handed-in clock (epoch milliseconds). An import ({@link #addAll}) replaces the file atomically: all of it or
 * none of it survives a crash.
 *
 * <p>Other processes may write the same folder (the CLI's {@code sparrow cloud import} while a session runs): every
 * write holds an OS lock on the folder's {@value #LOCK} file while it reads, changes and writes a collection, and
 * every access compares the collection's file (identity, size, time) with what this instance last read or wrote,
 * reading it again when another writer changed it. One instance per folder and process is the rule (the
 * sessions of a process share it through {@link CloudStores}); a second one in the same JVM waits for the first's
 * lock.
 */
public final class JsonLinesDatabase implements CloudDatabase {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");
  private static final HexFormat HEX = HexFormat.of();
  /** The largest document stored: 16 MB of JSON. */
  public static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
  /** The file in the environment folder whose OS lock a writer holds. */
  public static final String LOCK = ".lock";
  /** How long a second instance in this JVM waits for the first's lock before the write fails. */
  private static final long LOCK_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final ObjectMapper json = new ObjectMapper();
  private final Path dir;
  private final LongSupplier clock;
  private final Random random;
  private final Map<String, DocumentTable> collections = new HashMap<>();
  /** Indexes declared per collection (built whenever the collection is read from its file). */
  private final Map<String, Map<String, CloudIndex>> declared = new HashMap<>();
  /** Collections written by this instance (their file may lag behind a failed write). */
  private final Set<String> written = new HashSet<>();
  /** Each loaded collection's file as this instance last read or wrote it. */
  private final Map<String, FileState> seen = new HashMap<>();
  /** The folder's lock while this instance holds it. */
  private FileLock lock;

  /** A file's identity, size and modification time; {@link #MISSING} when there is none. */
  private record FileState(Object key, long size, long modifiedNanos) {
    static final FileState MISSING = new FileState(null, -1, -1);
  }

  /** An environment persisted under {@code dir} (created on first write); ids drawn from {@code random}. */
  public JsonLinesDatabase(Path dir, LongSupplier epochMillis, Random random) {
    this.dir = dir;
    this.clock = epochMillis;
    this.random = random;
  }

  @Override
  public synchronized String add(String collection, ObjectNode doc) {
    return locked(() -> addLocked(collection, doc));
  }

  private String addLocked(String collection, ObjectNode doc) {
    DocumentTable docs = open(collection);
    ObjectNode stored = stamp(doc.deepCopy());
    String id = idOf(stored.get("_id"));
    if (docs.contains(id)) {
      throw CloudError.of("duplicate key error: _id " + id + " already exists");
    }
    ObjectNode ordered = json.createObjectNode().put("_id", id);
    stored.remove("_id");
    ordered.setAll(stored);
    checkSize(ordered);
    docs.checkUnique(List.of(ordered));
    docs.put(ordered);
    append(collection, ordered);
    return id;
  }

  @Override
  public synchronized Optional<ObjectNode> get(String collection, String id) {
    ObjectNode d = open(collection).get(id);
    return d == null ? Optional.empty() : Optional.of(d.deepCopy());
  }

  @Override
  public synchronized boolean set(String collection, String id, ObjectNode doc) {
    return locked(() -> setLocked(collection, id, doc));
  }

  private boolean setLocked(String collection, String id, ObjectNode doc) {
    DocumentTable docs = open(collection);
    ObjectNode stored = stamp(doc.deepCopy());
    JsonNode givenId = stored.remove("_id");
    if (givenId != null && !givenId.asText().equals(id)) {
      throw CloudError.invalid(CloudError.CANNOT_UPDATE_ID);
    }
    ObjectNode ordered = json.createObjectNode().put("_id", id);
    ordered.setAll(stored);
    checkSize(ordered);
    docs.checkUnique(List.of(ordered));
    boolean created = !docs.contains(id);
    docs.put(ordered);
    save(collection, docs.all());
    return created;
  }

  @Override
  public synchronized int update(String collection, ObjectNode where, ObjectNode update) {
    return locked(() -> updateLocked(collection, where, update));
  }

  private int updateLocked(String collection, ObjectNode where, ObjectNode update) {
    DocumentTable docs = open(collection);
    ObjectNode stamped = stamp(update.deepCopy());
    // all or nothing: apply on copies, check them, then swap in
    List<ObjectNode> changed = new ArrayList<>();
    for (ObjectNode d : docs.matching(where)) {
      ObjectNode copy = d.deepCopy();
      Updater.apply(copy, stamped);
      checkSize(copy);
      changed.add(copy);
    }
    docs.checkUnique(changed);
    changed.forEach(docs::put);
    if (!changed.isEmpty()) {
      save(collection, docs.all());
    }
    return changed.size();
  }

  @Override
  public synchronized int remove(String collection, ObjectNode where) {
    return locked(() -> removeLocked(collection, where));
  }

  private int removeLocked(String collection, ObjectNode where) {
    DocumentTable docs = open(collection);
    int removed = docs.remove(where);
    if (removed > 0) {
      save(collection, docs.all());
    }
    return removed;
  }

  @Override
  public synchronized List<ObjectNode> find(String collection, Find find) {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode d : open(collection).select(find.where(), find.orderBy(), find.skip(), find.limit())) {
      out.add(project(d, find.projection()));
    }
    return out;
  }

  /**
   * How {@link #find} answers {@code find}: {@code scan}, {@code _id}, {@code index <name>} (candidates from the
   * index), {@code index <name> order} (walked in orderBy's order, stopping once the limit is met).
   */
  public synchronized String plan(String collection, Find find) {
    return open(collection).plan(find.where(), find.orderBy(), find.skip(), find.limit()).describe();
  }

  /**
   * Declares {@code index} on {@code collection} (kept in memory, built now and whenever the collection is read from
   * its file); the same name again replaces it. A unique index over stored duplicates fails with the duplicate-key
   * error and is not kept.
   */
  @Override
  public synchronized void createIndex(String collection, CloudIndex index) {
    open(collection).createIndex(index);
    declared.computeIfAbsent(collection, k -> new LinkedHashMap<>()).put(index.name(), index);
  }

  @Override
  public synchronized List<CloudIndex> indexes(String collection) {
    return open(collection).indexes();
  }

  @Override
  public synchronized boolean hasCollection(String collection) {
    open(collection);
    return Files.exists(file(collection)) || written.contains(collection);
  }

  @Override
  public synchronized void createCollection(String collection) {
    open(collection);
    if (!Files.exists(file(collection))) {
      locked(() -> {
        if (!Files.exists(file(collection))) {
          save(collection, open(collection).all());
        }
        return null;
      });
    }
  }

  @Override
  public synchronized long count(String collection, ObjectNode where) {
    return open(collection).matching(where).size();
  }

  /** The id a document is stored under: the one it gives (a non-empty string), or a new one. */
  private String idOf(JsonNode given) {
    if (given == null || given.isNull()) {
      return newId();
    }
    if (given.isTextual() && !given.textValue().isEmpty()) {
      return given.textValue();
    }
    throw CloudError.invalid("_id must be a non-empty string");
  }

  @Override
  public synchronized int addAll(String collection, List<ObjectNode> docs, boolean replace) {
    return locked(() -> addAllLocked(collection, docs, replace));
  }

  /** The whole collection written anew (temporary file, fsync, rename): an import lands whole or not at all. */
  private int addAllLocked(String collection, List<ObjectNode> docs, boolean replace) {
    DocumentTable all = open(collection);
    Map<String, ObjectNode> prepared = new LinkedHashMap<>();
    for (ObjectNode doc : docs) {
      ObjectNode stored = stamp(doc.deepCopy());
      String id = idOf(stored.remove("_id"));
      if (!replace && (all.contains(id) || prepared.containsKey(id))) {
        throw CloudError.of("duplicate key error: _id " + id + " already exists");
      }
      ObjectNode ordered = json.createObjectNode().put("_id", id);
      ordered.setAll(stored);
      checkSize(ordered);
      prepared.put(id, ordered);
    }
    if (!prepared.isEmpty()) {
      all.checkUnique(prepared.values());
      Map<String, ObjectNode> after = new LinkedHashMap<>();
      all.all().forEach(d -> after.put(d.get("_id").asText(), d));
      after.putAll(prepared);
      save(collection, after.values());
      prepared.values().forEach(all::put);
    }
    return docs.size();
  }

  @Override
  public synchronized List<String> collections() {
    TreeSet<String> names = new TreeSet<>(collections.keySet());
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".jsonl"))
            .map(f -> f.substring(0, f.length() - ".jsonl".length())).filter(n -> NAME.matcher(n).matches())
            .forEach(names::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return List.copyOf(names);
  }

  private ObjectNode project(ObjectNode d, ObjectNode projection) {
    if (projection == null || projection.size() == 0) {
      return d.deepCopy();
    }
    boolean include = false;
    Iterator<Map.Entry<String, JsonNode>> it = projection.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      include |= !e.getKey().equals("_id") && e.getValue().asBoolean();
    }
    ObjectNode out;
    if (include) {
      out = json.createObjectNode();
      if (projection.path("_id").asBoolean(true)) {
        out.set("_id", d.get("_id"));
      }
      projection.fields().forEachRemaining(e -> {
        JsonNode v = Values.plain(d, e.getKey());
        if (e.getValue().asBoolean() && v != null) {
          Values.put(out, e.getKey(), v.deepCopy());
        }
      });
    } else {
      out = d.deepCopy();
      projection.fields().forEachRemaining(e -> Values.delete(out, e.getKey()));
    }
    return out;
  }

  /** MongoDB's (and so WeChat's) document limit, on the stored JSON. */
  private void checkSize(ObjectNode doc) {
    try {
      if (json.writeValueAsBytes(doc).length > MAX_DOCUMENT_BYTES) {
        throw CloudError.invalid("document size exceeds the 16 MB limit");
      }
    } catch (JsonProcessingException e) {
      throw CloudError.invalid("document cannot be stored");
    }
  }

  private String newId() {
    byte[] tail = new byte[12];
    random.nextBytes(tail);
    long seconds = clock.getAsLong() / 1000;
    return String.format("%08x", seconds & 0xffffffffL) + HEX.formatHex(tail);
  }

  /** Replaces {@code {$serverDate: {offset}}} by {@code {$date: now + offset}} everywhere in {@code node}. */
  private <T extends JsonNode> T stamp(T node) {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        JsonNode v = o.get(n);
        if (v.isObject() && v.size() == 1 && v.has("$serverDate")) {
          long offset = v.get("$serverDate").path("offset").asLong(0);
          o.set(n, json.createObjectNode().put("$date", clock.getAsLong() + offset));
        } else {
          stamp(v);
        }
      }
    } else if (node.isArray()) {
      ArrayNode a = (ArrayNode) node;
      for (int i = 0; i < a.size(); i++) {
        JsonNode v = a.get(i);
        if (v.isObject() && v.size() == 1 && v.has("$serverDate")) {
          long offset = v.get("$serverDate").path("offset").asLong(0);
          a.set(i, json.createObjectNode().put("$date", clock.getAsLong() + offset));
        } else {
          stamp(v);
        }
      }
    }
    return node;
  }

  /**
   * The collection's documents, read again when its file is not as this instance left it (first use, or another
   * process wrote it); a file that exists is read under the lock, so a torn last line is a crash's, not a write
   * in progress.
   */
  private DocumentTable open(String collection) {
    if (collection == null || !NAME.matcher(collection).matches()) {
      throw CloudError.invalid("collection name " + collection);
    }
    DocumentTable docs = collections.get(collection);
    FileState now = state(collection);
    if (docs != null && now.equals(seen.get(collection))) {
      return docs;
    }
    if (now.equals(FileState.MISSING)) {
      return reload(collection);
    }
    return locked(() -> reload(collection));
  }

  /**
   * The collection read from its file, its declared indexes built over it (a unique one that the file's documents
   * break fails the call, and the next one tries again).
   */
  private DocumentTable reload(String collection) {
    DocumentTable docs = load(collection);
    declared.getOrDefault(collection, Map.of()).values().forEach(docs::createIndex);
    collections.put(collection, docs);
    seen.put(collection, state(collection));
    return docs;
  }

  private FileState state(String collection) {
    try {
      BasicFileAttributes a = Files.readAttributes(file(collection), BasicFileAttributes.class);
      return new FileState(a.fileKey(), a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    } catch (NoSuchFileException e) {
      return FileState.MISSING;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code body} holding the folder's lock (re-entered when this instance holds it already). */
  private <T> T locked(Supplier<T> body) {
    if (lock != null) {
      return body.get();
    }
    try {
      Files.createDirectories(dir);
      try (FileChannel ch = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE)) {
        lock = acquire(ch);
        try {
          return body.get();
        } finally {
          lock.release();
          lock = null;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The OS lock; waits for other processes, and for another instance of this JVM (which the OS does not). */
  private FileLock acquire(FileChannel ch) throws IOException {
    long deadline = System.nanoTime() + LOCK_WAIT_NANOS;
    while (true) {
      try {
        return ch.lock();
      } catch (OverlappingFileLockException e) {
        if (System.nanoTime() - deadline > 0) {
          throw new IOException("the cloud folder " + dir + " stayed locked by another instance", e);
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
      }
    }
  }

  private DocumentTable load(String collection) {
    Path name = dir.getFileName();
    DocumentTable docs = new DocumentTable((name == null ? "" : name + ".") + collection);
    Path file = file(collection);
    if (!Files.exists(file)) {
      return docs;
    }
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String[] lines = text.split("\n", -1);
      // every complete write ends with a newline: whatever follows the last one is an add cut short by a crash
      for (int i = 0; i < lines.length - 1; i++) {
        if (!lines[i].isBlank()) {
          docs.put((ObjectNode) json.readTree(lines[i]));
        }
      }
      if (!lines[lines.length - 1].isEmpty()) {
        save(collection, docs.all());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return docs;
  }

  private Path file(String collection) {
    return dir.resolve(collection + ".jsonl");
  }

  /** An add appends its line (fsynced); other writes replace the file. */
  private void append(String collection, ObjectNode doc) {
    written.add(collection);
    try {
      Files.createDirectories(dir);
      byte[] line = (json.writeValueAsString(doc) + "\n").getBytes(StandardCharsets.UTF_8);
      try (FileChannel ch = FileChannel.open(file(collection), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
        ByteBuffer buf = ByteBuffer.wrap(line);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      seen.put(collection, state(collection));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void save(String collection, Collection<ObjectNode> docs) {
    written.add(collection);
    StringBuilder out = new StringBuilder();
    try {
      for (ObjectNode d : docs) {
        out.append(json.writeValueAsString(d)).append('\n');
      }
      Files.createDirectories(dir);
      AtomicFiles.write(file(collection), out.toString().getBytes(StandardCharsets.UTF_8));
      seen.put(collection, state(collection));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
