package dev.sparrow.apis.cloud;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A collection to and from the cloud console's import/export format: JSON lines (documents separated by newlines,
 * UTF-8, no array, no commas between; on import a document may span lines, as in the console's own example),
 * dates as {@code {"$date": "2018-08-31T17:30:00.882Z"}} (ISO-8601 UTC, milliseconds).
 * Import refuses what the console refuses, naming the line: a line that is not an object, a key beginning or
 * ending with {@code .} or holding {@code ..}, a key given twice or ambiguously ({@code {"a": {"b": 1}, "a.b": 2}}),
 * and in {@link Mode#INSERT} an {@code _id} repeated in the file or already stored; the file is checked whole
 * before the first document is written. {@link Mode#UPSERT} replaces the documents whose {@code _id} exists.
 * Export writes the documents in storage order, {@code _id} first, compactly: a file written that way
 * comes back byte for byte.
 */
public final class CloudJsonLines {
  /** The console's conflict modes. */
  public enum Mode { INSERT, UPSERT }

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private final CloudDatabase db;

  public CloudJsonLines(CloudDatabase db) {
    this.db = db;
  }

  /** Imports {@code file} into {@code collection}; returns how many documents were written. */
  public int importFile(String collection, Path file, Mode mode) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return importFrom(collection, in, mode);
    }
  }

  /**
   * Imports the documents of {@code in}; a problem is an {@link IllegalArgumentException} naming the line where
   * its document begins. Documents are read one after another, separated by newlines, so a document may also
   * span lines (the console's own example, and the official samples' fixtures, are pretty-printed).
   */
  public int importFrom(String collection, Reader in, Mode mode) throws IOException {
    List<ObjectNode> docs = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    try (JsonParser parser = json.createParser(withoutBom(in))) {
      for (Read read; (read = next(parser)) != null; ) {
        JsonNode node = read.node();
        int number = read.line();
        if (!node.isObject()) {
          throw new IllegalArgumentException("line " + number + ": a document must be a JSON object");
        }
        String problem = keyProblem(node, "", new HashSet<>());
        if (problem != null) {
          throw new IllegalArgumentException("line " + number + ": " + problem);
        }
        ObjectNode doc;
        try {
          doc = (ObjectNode) toStored(node);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("line " + number + ": " + e.getMessage());
        }
        JsonNode id = doc.get("_id");
        if (id != null && !(id.isTextual() && !id.textValue().isEmpty())) {
          throw new IllegalArgumentException("line " + number + ": _id must be a non-empty string");
        }
        if (id != null && mode == Mode.INSERT) {
          if (!ids.add(id.textValue())) {
            throw new IllegalArgumentException(
                "line " + number + ": _id " + id.textValue() + " is repeated in the file");
          }
          if (db.get(collection, id.textValue()).isPresent()) {
            throw new IllegalArgumentException("line " + number + ": _id " + id.textValue() + " already exists");
          }
        }
        docs.add(doc);
      }
    }
    return db.addAll(collection, docs, mode == Mode.UPSERT);
  }

  /** A document of an imported file and the line where it begins. */
  private record Read(JsonNode node, int line) {}

  /** The next document of the file, or null at its end. */
  private Read next(JsonParser parser) throws IOException {
    try {
      if (parser.nextToken() == null) {
        return null;
      }
      int line = parser.currentTokenLocation().getLineNr();
      return new Read(json.readTree(parser), line);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? parser.currentLocation().getLineNr() : e.getLocation().getLineNr();
      throw new IllegalArgumentException("line " + line + ": " + e.getOriginalMessage());
    }
  }

  /** {@code in} without a leading byte order mark (files saved by Windows editors begin with one). */
  private static Reader withoutBom(Reader in) throws IOException {
    PushbackReader r = new PushbackReader(in instanceof BufferedReader ? in : new BufferedReader(in), 1);
    int first = r.read();
    if (first != -1 && first != '\uFEFF') {
      r.unread(first);
    }
    return r;
  }

  /** Exports {@code collection} to {@code file}; returns how many documents were written. */
  public int exportFile(String collection, Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      return exportTo(collection, out);
    }
  }

  public int exportTo(String collection, Writer out) throws IOException {
    List<ObjectNode> docs = db.find(collection, CloudDatabase.Find.where(json.createObjectNode()));
    for (ObjectNode d : docs) {
      out.write(json.writeValueAsString(toConsole(d)));
      out.write('\n');
    }
    out.flush();
    return docs.size();
  }

  /** The first problem with the keys of {@code node} (paths seen so far in {@code paths}), or null. */
  private static String keyProblem(JsonNode node, String prefix, Set<String> paths) {
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
      String key = e.getKey();
      if (key.startsWith(".") || key.endsWith(".") || key.contains("..")) {
        return "key \"" + key + "\" may not begin or end with . or hold ..";
      }
      String path = prefix + key;
      JsonNode v = e.getValue();
      if (v.isObject() && !Values.isDate(v) && v.size() > 0) {
        String inner = keyProblem(v, path + ".", paths);
        if (inner != null) {
          return inner;
        }
      } else if (!paths.add(path)) {
        return "key \"" + path + "\" is given twice";
      }
    }
    return null;
  }

  /** Console dates ({@code $date} as ISO text) to the stored form ({@code $date} as epoch milliseconds). */
  private JsonNode toStored(JsonNode n) {
    if (Values.isDate(n)) {
      return json.createObjectNode().put("$date", dateMillis(n.get("$date")));
    }
    return map(n, this::toStored);
  }

  private JsonNode toConsole(JsonNode n) {
    if (Values.isDate(n) && n.get("$date").isNumber()) {
      return json.createObjectNode().put("$date", ISO.format(Instant.ofEpochMilli(n.get("$date").longValue())));
    }
    return map(n, this::toConsole);
  }

  private static long dateMillis(JsonNode date) {
    try {
      return Values.millis(date);
    } catch (CloudError e) {
      throw new IllegalArgumentException("a $date must be ISO-8601 text such as 2018-08-31T17:30:00.882Z: " + date);
    }
  }

  private interface Convert {
    JsonNode apply(JsonNode n);
  }

  private JsonNode map(JsonNode n, Convert convert) {
    if (n.isObject()) {
      ObjectNode o = json.createObjectNode();
      n.fields().forEachRemaining(e -> o.set(e.getKey(), convert.apply(e.getValue())));
      return o;
    }
    if (n.isArray()) {
      ArrayNode a = json.createArrayNode();
      n.forEach(e -> a.add(convert.apply(e)));
      return a;
    }
    return n;
  }
}
