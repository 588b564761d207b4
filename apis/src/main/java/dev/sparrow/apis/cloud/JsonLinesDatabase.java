package dev.sparrow.apis.cloud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.apis.storage.AtomicFiles;
import java.io.ByteArrayOutputStream;
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
import java.util.Arrays;
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
 * The emulator's own engine: each collection is held in memory in insertion order and persisted as one JSON-lines
 * file ({@code <collection>.jsonl}) that every write appends to: a document line (the cloud console's export format)
 * for an add, a set or each document an update changed (a later line of an {@code _id} replaces the earlier one in
 * place), a {@code {"$remove": id}} line for each removed document, and a {@code {"$batch": n}} line before the n
 * lines of a write that changed several documents (all of them or none count). Each append is fsynced; whatever
 * follows the last complete line or batch is a write cut short by a crash and is dropped when the file is read. The
 * file is compacted (written anew atomically, one line per live document, the plain export format) when its
 * superseded lines outweigh the live ones and past {@value #COMPACT_MIN_BYTES} bytes, when the file is read with a
 * torn tail, and at {@link #close}. Reads scan the collection unless a declared index ({@link #createIndex}, kept in
 * memory and built again from the documents whenever the collection is read from its file) or the {@code _id}
 * narrows it ({@link DocumentTable}); unique indexes refuse duplicates. {@code {$serverDate: {offset}}} values are
 * stamped with the handed-in clock (epoch milliseconds). An import ({@link #addAll}) replaces the file atomically:
 * all of it or none of it survives a crash.
 *
 * <p>Other processes may write the same folder (the CLI's {@code sparrow cloud import} while a session runs): every
 * write holds an OS lock on the folder's {@value #LOCK} file while it reads, changes and writes a collection, and
 * then counts itself in that file's shared counters ({@link FolderChanges}). An access compares the write count with
 * the one this instance last saw (a memory read); only when another writer has written since does it compare the
 * collection's file (identity, size, time) with what this instance last read or wrote, reading the lines another
 * process appended, or the whole file after a rewrite. One instance per folder and process is the rule (the
 * sessions of a process share it through {@link CloudStores}); a second one in the same JVM waits for the first's
 * lock.
 */
public final class JsonLinesDatabase implements CloudDatabase, AutoCloseable {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");
  private static final HexFormat HEX = HexFormat.of();
  /** The largest document stored: 16 MB of JSON. */
  public static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
  /** The file in the environment folder whose OS lock a writer holds (and which holds the shared counters). */
  public static final String LOCK = ".lock";
  /** A collection file is compacted once its superseded lines pass this many bytes and the live lines' bytes. */
  public static final long COMPACT_MIN_BYTES = 256 * 1024;
  /** How long a second instance in this JVM waits for the first's lock before the write fails. */
  private static final long LOCK_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);
  private static final String REMOVE = "$remove";
  private static final String BATCH = "$batch";

  private final ObjectMapper json = new ObjectMapper();
  private final Path dir;
  private final LongSupplier clock;
  private final Random random;
  private final FolderChanges changes;
  private final Map<String, Loaded> collections = new HashMap<>();
  /** Indexes declared per collection (built whenever the collection is read from its file). */
  private final Map<String, Map<String, CloudIndex>> declared = new HashMap<>();
  /** Collections written by this instance (their file may lag behind a failed write). */
  private final Set<String> written = new HashSet<>();
  /** The folder's lock while this instance holds it. */
  private FileLock lock;

  /** A file's identity, size and modification time; {@link #MISSING} when there is none. */
  private record FileState(Object key, long size, long modifiedNanos) {
    static final FileState MISSING = new FileState(null, -1, -1);
  }

  /** A collection in memory and its file as this instance last read or wrote it. */
  private static final class Loaded {
    final DocumentTable docs;
    /** Each live document's line in the file: bytes, newline included. */
    final Map<String, Integer> lineBytes = new HashMap<>();
    FileState file = FileState.MISSING;
    /** Bytes of the file's lines that no longer count: superseded versions, removals, batch headers. */
    long deadBytes;
    /** The folder's write count when the file was last known to be as {@link #file} says (-1: check the file). */
    long checkedAt = -1;
    /** The folder's rewrite count when this instance last read or wrote the file. */
    long rewrites = -1;

    Loaded(DocumentTable docs) {
      this.docs = docs;
    }

    long liveBytes() {
      return Math.max(0, file.size() - deadBytes);
    }
  }

  /** An environment persisted under {@code dir} (created on first write); ids drawn from {@code random}. */
  public JsonLinesDatabase(Path dir, LongSupplier epochMillis, Random random) {
    this.dir = dir;
    this.clock = epochMillis;
    this.random = random;
    this.changes = new FolderChanges(dir.resolve(LOCK));
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
    byte[] line = line(ordered);
    docs.checkUnique(List.of(ordered));
    docs.put(ordered);
    append(collection, List.of(new Line(id, line, false)));
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
    byte[] line = line(ordered);
    docs.checkUnique(List.of(ordered));
    boolean created = !docs.contains(id);
    docs.put(ordered);
    append(collection, List.of(new Line(id, line, false)));
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
    List<Line> lines = new ArrayList<>();
    for (ObjectNode d : docs.matching(where)) {
      ObjectNode copy = d.deepCopy();
      Updater.apply(copy, stamped);
      lines.add(new Line(copy.get("_id").asText(), line(copy), false));
      changed.add(copy);
    }
    docs.checkUnique(changed);
    changed.forEach(docs::put);
    append(collection, lines);
    return changed.size();
  }

  @Override
  public synchronized int remove(String collection, ObjectNode where) {
    return locked(() -> removeLocked(collection, where));
  }

  private int removeLocked(String collection, ObjectNode where) {
    List<Line> lines = new ArrayList<>();
    for (String id : open(collection).remove(where)) {
      lines.add(new Line(id, line(json.createObjectNode().put(REMOVE, id)), true));
    }
    append(collection, lines);
    return lines.size();
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
    open(collection); // the file's state as of the folder's last write (no file-system call when nothing changed)
    return !collections.get(collection).file.equals(FileState.MISSING) || written.contains(collection);
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
      line(ordered);
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
   * Compacts every collection this instance holds whose file carries superseded lines, so that the files left
   * behind are the plain export format. The instance stays usable.
   */
  @Override
  public synchronized void close() {
    for (String collection : List.copyOf(collections.keySet())) {
      if (collections.get(collection).deadBytes > 0) {
        locked(() -> {
          DocumentTable docs = open(collection);
          if (collections.get(collection).deadBytes > 0) {
            save(collection, docs.all());
          }
          return null;
        });
      }
    }
  }

  /**
   * The collection's documents, read again when its file is not as this instance left it (first use, or another
   * process wrote it: the shared write count moved and the file's identity, size or time differ); a file that
   * exists is read under the lock, so a torn tail is a crash's, not a write in progress.
   */
  private DocumentTable open(String collection) {
    if (collection == null || !NAME.matcher(collection).matches()) {
      throw CloudError.invalid("collection name " + collection);
    }
    Loaded held = collections.get(collection);
    if (held != null) {
      long writes = changes.writes();
      if (writes >= 0 && writes == held.checkedAt) {
        return held.docs;
      }
      if (state(collection).equals(held.file)) {
        held.checkedAt = writes;
        return held.docs;
      }
    } else if (state(collection).equals(FileState.MISSING)) {
      return reload(collection).docs;
    }
    return locked(() -> refresh(collection)).docs;
  }

  /**
   * Under the lock: the collection as its file now says, reading only the lines appended since this instance's
   * last read or write when the file is the same one, grown, and no file of the folder was rewritten since.
   */
  private Loaded refresh(String collection) {
    Loaded held = collections.get(collection);
    FileState now = state(collection);
    if (held == null) {
      return reload(collection);
    }
    if (now.equals(held.file)) {
      held.checkedAt = changes.writes();
      return held;
    }
    if (now.key() != null && now.key().equals(held.file.key()) && now.size() > held.file.size()
        && held.rewrites >= 0 && changes.rewrites() == held.rewrites) {
      byte[] appended = readFrom(file(collection), held.file.size());
      long before = held.file.size();
      if (apply(held, appended, file(collection)) < appended.length) {
        collections.remove(collection);
        return reload(collection);
      }
      held.file = new FileState(now.key(), before + appended.length, now.modifiedNanos());
      held.checkedAt = changes.writes();
      return held;
    }
    collections.remove(collection);
    return reload(collection);
  }

  /**
   * The collection read from its file, its declared indexes built over it (a unique one that the file's documents
   * break fails the call, and the next one tries again); a torn tail is dropped by compacting the file.
   */
  private Loaded reload(String collection) {
    Path name = dir.getFileName();
    Loaded held = new Loaded(new DocumentTable((name == null ? "" : name + ".") + collection));
    long writes = changes.writes();
    long rewrites = changes.rewrites();
    FileState before = state(collection);
    if (!before.equals(FileState.MISSING)) {
      byte[] bytes = readFrom(file(collection), 0);
      int good = apply(held, bytes, file(collection));
      held.file = new FileState(before.key(), bytes.length, before.modifiedNanos());
      declared.getOrDefault(collection, Map.of()).values().forEach(held.docs::createIndex);
      collections.put(collection, held);
      if (good < bytes.length) {
        save(collection, held.docs.all());
        return held;
      }
    } else {
      declared.getOrDefault(collection, Map.of()).values().forEach(held.docs::createIndex);
      collections.put(collection, held);
    }
    held.checkedAt = writes;
    held.rewrites = rewrites;
    return held;
  }

  /**
   * Applies the complete records of {@code bytes} (lines of a file, or the part appended since the last read) to
   * {@code held}; returns how many bytes they take. A line without its newline, a batch missing lines at the end, or
   * a line that is not JSON with no record after it is a write a crash cut short: it and what follows are left out.
   * A line that is JSON but no record, or any line followed by records, is damage a crash cannot make: an error.
   */
  private int apply(Loaded held, byte[] bytes, Path file) {
    int at = 0;
    while (at < bytes.length) {
      int end = lineEnd(bytes, at);
      if (end < 0) {
        return at;
      }
      if (isBlank(bytes, at, end)) {
        held.deadBytes += end + 1 - at;
        at = end + 1;
        continue;
      }
      JsonNode record = parse(bytes, at, end);
      if (record == null) {
        return torn(bytes, at, end, file);
      }
      if (!(record.isObject() && record.size() == 1 && record.path(BATCH).canConvertToInt())) {
        applyRecord(held, record(record, at, file), end + 1 - at);
        at = end + 1;
        continue;
      }
      List<JsonNode> batch = new ArrayList<>();
      List<Integer> sizes = new ArrayList<>();
      int next = end + 1;
      for (int i = record.get(BATCH).intValue(); i > 0; i--) {
        int e = lineEnd(bytes, next);
        if (e < 0) {
          return at;
        }
        JsonNode r = parse(bytes, next, e);
        if (r == null) {
          torn(bytes, next, e, file);
          return at;
        }
        batch.add(record(r, next, file));
        sizes.add(e + 1 - next);
        next = e + 1;
      }
      held.deadBytes += end + 1 - at;
      for (int i = 0; i < batch.size(); i++) {
        applyRecord(held, batch.get(i), sizes.get(i));
      }
      at = next;
    }
    return at;
  }

  /** {@code at}, where a line that is not JSON begins, when no complete line follows it; else an error. */
  private static int torn(byte[] bytes, int at, int end, Path file) {
    if (lineEnd(bytes, end + 1) >= 0) {
      throw CloudError.of("collection file " + file.getFileName() + " is damaged at byte " + at);
    }
    return at;
  }

  /** {@code r} when it is a document (an {@code _id}) or a removal; else an error. */
  private static JsonNode record(JsonNode r, int at, Path file) {
    if (r.isObject() && (r.hasNonNull("_id") || r.size() == 1 && r.path(REMOVE).isTextual())) {
      return r;
    }
    throw CloudError.of("collection file " + file.getFileName() + " holds a line that is not a document at byte "
        + at);
  }

  private static void applyRecord(Loaded held, JsonNode record, int size) {
    if (record.has("_id")) {
      Integer old = held.lineBytes.put(record.get("_id").asText(), size);
      held.deadBytes += old == null ? 0 : old;
      held.docs.put((ObjectNode) record);
    } else {
      String id = record.get(REMOVE).asText();
      Integer old = held.lineBytes.remove(id);
      held.deadBytes += size + (old == null ? 0 : old);
      held.docs.removeId(id);
    }
  }

  private static int lineEnd(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static boolean isBlank(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
        return false;
      }
    }
    return true;
  }

  /** The JSON of one line, or null when it is not JSON (a line a crash left half written). */
  private JsonNode parse(byte[] bytes, int from, int to) {
    try {
      return json.readTree(bytes, from, to - from);
    } catch (IOException e) {
      return null;
    }
  }

  private static byte[] readFrom(Path file, long offset) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size() - offset;
      if (size > Integer.MAX_VALUE - 8) {
        throw new IOException("collection file too large: " + file);
      }
      ByteBuffer buf = ByteBuffer.allocate((int) Math.max(0, size));
      while (buf.hasRemaining() && ch.read(buf, offset + buf.position()) >= 0) {
        // read on
      }
      return buf.position() == buf.capacity() ? buf.array() : Arrays.copyOf(buf.array(), buf.position());
    } catch (NoSuchFileException e) {
      return new byte[0];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  private Path file(String collection) {
    return dir.resolve(collection + ".jsonl");
  }

  /**
   * Under the lock: appends the lines of one write (behind a batch header when there are several) and fsyncs them,
   * then counts the write in the folder's counters; compacts the file when its superseded lines outweigh the live
   * ones. A failed write forgets the collection, so that the next access reads the file again.
   */
  private void append(String collection, List<Line> lines) {
    if (lines.isEmpty()) {
      return;
    }
    written.add(collection);
    Loaded held = collections.get(collection);
    try {
      Files.createDirectories(dir);
      int total = 0;
      byte[] header = lines.size() > 1 ? line(json.createObjectNode().put(BATCH, lines.size())) : new byte[0];
      total += header.length;
      for (Line l : lines) {
        total += l.bytes().length;
      }
      ByteBuffer buf = ByteBuffer.allocate(total).put(header);
      lines.forEach(l -> buf.put(l.bytes()));
      buf.flip();
      try (FileChannel ch = FileChannel.open(file(collection), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      held.deadBytes += header.length;
      for (Line l : lines) {
        Integer old = l.removes() ? held.lineBytes.remove(l.id()) : held.lineBytes.put(l.id(), l.bytes().length);
        held.deadBytes += (old == null ? 0 : old) + (l.removes() ? l.bytes().length : 0);
      }
      counted(collection, held, false);
    } catch (IOException | RuntimeException e) {
      collections.remove(collection);
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
    if (held.deadBytes > COMPACT_MIN_BYTES && held.deadBytes > held.liveBytes()) {
      save(collection, held.docs.all());
    }
  }

  /** After this instance wrote {@code collection}'s file: the file's new state and the folder's counters. */
  private void counted(String collection, Loaded held, boolean rewrite) {
    boolean current = held.checkedAt == changes.writes() && held.checkedAt >= 0;
    changes.wrote(rewrite);
    held.file = state(collection);
    held.checkedAt = current || rewrite ? changes.writes() : -1;
    held.rewrites = changes.rewrites();
  }

  /** Under the lock: writes {@code collection} anew, one line per document (temporary file, fsync, rename). */
  private void save(String collection, Collection<ObjectNode> docs) {
    written.add(collection);
    Loaded held = collections.get(collection);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Map<String, Integer> sizes = new HashMap<>();
    try {
      for (ObjectNode d : docs) {
        byte[] line = line(d);
        out.write(line);
        sizes.put(d.get("_id").asText(), line.length);
      }
      Files.createDirectories(dir);
      AtomicFiles.write(file(collection), out.toByteArray());
    } catch (IOException e) {
      collections.remove(collection);
      throw new UncheckedIOException(e);
    }
    if (held != null) {
      held.lineBytes.clear();
      held.lineBytes.putAll(sizes);
      held.deadBytes = 0;
      counted(collection, held, true);
    }
  }

  /** One line of the file: the record's compact JSON and a newline; refuses a document over the 16 MB limit. */
  private byte[] line(ObjectNode record) {
    byte[] text;
    try {
      text = json.writeValueAsBytes(record);
    } catch (JsonProcessingException e) {
      throw CloudError.invalid("document cannot be stored");
    }
    if (text.length > MAX_DOCUMENT_BYTES) {
      throw CloudError.invalid("document size exceeds the 16 MB limit");
    }
    byte[] line = Arrays.copyOf(text, text.length + 1);
    line[text.length] = '\n';
    return line;
  }

  /** One line of a write: a document's or a removal's ({@code removes}), for the document {@code id}. */
  private record Line(String id, byte[] bytes, boolean removes) {}
}
