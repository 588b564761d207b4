package dev.sparrow.apis.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import and export in the cloud console's JSON-lines format, with real files: a file comes back byte for byte,
 * its ISO dates are dates to queries, and what the console refuses is refused before anything is written.
 */
class CloudJsonLinesTest {
  private static final String FIXTURE = """
      {"_id":"n1","text":"买牛奶","likes":3,"done":false,"at":{"$date":"2018-08-31T17:30:00.882Z"},"tags":["home"]}
      {"_id":"n2","likes":0.5,"owner":null,"style":{"due":{"$date":"2019-01-01T00:00:00.000Z"}},\
      "places":[{"city":"Beijing","at":{"$date":"2020-02-29T23:59:59.999Z"}}]}
      {"_id":"n3","text":"","likes":-7,"done":true,"nested":{"a":{"b":{"c":[1,[2,3],{}]}}}}
      """;

  @TempDir
  Path dir;
  private JsonLinesDatabase db;
  private CloudJsonLines lines;

  @BeforeEach
  void open() {
    db = new JsonLinesDatabase(dir.resolve("env"), () -> 5000L, new Random(1));
    lines = new CloudJsonLines(db);
  }

  private Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static ObjectNode j(String text) throws Exception {
    return (ObjectNode) new ObjectMapper().readTree(text);
  }

  @Test
  void aFileExportedAfterImportIsTheSameBytesAndItsDatesAreDates() throws Exception {
    Path in = file("notes.json", FIXTURE);
    assertThat(lines.importFile("notes", in, CloudJsonLines.Mode.INSERT)).isEqualTo(3);
    Path out = dir.resolve("export.json");
    assertThat(lines.exportFile("notes", out)).isEqualTo(3);
    assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(in));
    assertThat(db.get("notes", "n1").orElseThrow().get("at")).isEqualTo(j("{\"$date\":1535736600882}"));
    assertThat(db.count("notes", j("{\"style.due\":{\"$lt\":{\"$date\":1546300800001}}}"))).isEqualTo(1);
    // a file the emulator wrote (pages' adds, serverDate) exports with console dates and imports elsewhere
    db.add("notes", j("{\"_id\":\"n4\",\"at\":{\"$serverDate\":{}}}"));
    lines.exportFile("notes", out);
    assertThat(Files.readAllLines(out).get(3))
        .isEqualTo("{\"_id\":\"n4\",\"at\":{\"$date\":\"1970-01-01T00:00:05.000Z\"}}");
    JsonLinesDatabase other = new JsonLinesDatabase(dir.resolve("other"), () -> 0L, new Random(2));
    assertThat(new CloudJsonLines(other).importFile("copy", out, CloudJsonLines.Mode.INSERT)).isEqualTo(4);
    Path again = dir.resolve("again.json");
    new CloudJsonLines(other).exportFile("copy", again);
    assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(out));
  }

  @Test
  void documentsWithoutAnIdGetOneAndUpsertReplacesThoseThatExist() throws Exception {
    lines.importFile("notes", file("a.json", FIXTURE), CloudJsonLines.Mode.INSERT);
    Path update = file("b.json", "{\"_id\":\"n1\",\"text\":\"buy tea\"}\n\n{\"text\":\"no id\"}\n");
    assertThat(lines.importFile("notes", update, CloudJsonLines.Mode.UPSERT)).isEqualTo(2);
    assertThat(db.get("notes", "n1").orElseThrow()).isEqualTo(j("{\"_id\":\"n1\",\"text\":\"buy tea\"}"));
    assertThat(db.count("notes", j("{}"))).isEqualTo(4);
    assertThat(db.find("notes", CloudDatabase.Find.where(j("{\"text\":\"no id\"}"))).get(0).get("_id").asText())
        .matches("[0-9a-f]{32}");
  }

  @Test
  void whatTheConsoleRefusesIsRefusedWithItsLineAndNothingIsWritten() throws Exception {
    lines.importFile("notes", file("a.json", FIXTURE), CloudJsonLines.Mode.INSERT);
    String[][] bad = {
        {"{\"_id\":\"x1\"}\n{\"_id\":\"n2\"}\n", "line 2: _id n2 already exists"},
        {"{\"_id\":\"x1\"}\n{\"_id\":\"x1\"}\n", "line 2: _id x1 is repeated in the file"},
        {"{\"_id\":\"x1\"}\n[1,2]\n", "line 2: a document must be a JSON object"},
        {"{\".a\":1}\n", "line 1: key \".a\" may not begin or end with . or hold .."},
        {"{\"a..b\":1}\n", "line 1: key \"a..b\" may not begin or end with . or hold .."},
        {"{\"a\":{\"b\":1},\"a.b\":2}\n", "line 1: key \"a.b\" is given twice"},
        {"{\"t\":{\"$date\":\"yesterday\"}}\n", "line 1: a $date must be ISO-8601 text"},
    };
    for (String[] b : bad) {
      Path f = file("bad.json", b[0]);
      assertThatThrownBy(() -> lines.importFile("notes", f, CloudJsonLines.Mode.INSERT))
          .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(b[1]);
    }
    assertThatThrownBy(() -> lines.importFile("notes", file("dup.json", "{\"a\":1,\"a\":2}\n"),
        CloudJsonLines.Mode.INSERT)).hasMessageContaining("line 1: Duplicate field 'a'");
    assertThat(db.count("notes", j("{}"))).isEqualTo(3);
    assertThat(db.get("notes", "x1")).isEmpty();
  }

  @Test
  void documentsMaySpanLinesAsInTheConsolesExampleAndProblemsNameTheLineTheyBeginOn() throws Exception {
    // the console's import guide shows pretty-printed documents one after another; sample projects ship them so
    String pretty = "\uFEFF{\n    \"_id\": \"g1\",\n    \"name\": \"鸡蛋干\",\n"
        + "    \"at\": {  \"$date\" : \"2018-08-31T17:30:00.882Z\"  }\n}\n\n"
        + "{\n    \"_id\": \"g2\",\n    \"tags\": [\n      \"a\"\n    ]\n}\n{\"_id\": \"g3\"}\n";
    assertThat(lines.importFile("goods", file("goods.json", pretty), CloudJsonLines.Mode.INSERT)).isEqualTo(3);
    assertThat(db.get("goods", "g1").orElseThrow()).isEqualTo(
        j("{\"_id\":\"g1\",\"name\":\"鸡蛋干\",\"at\":{\"$date\":1535736600882}}"));
    assertThat(db.get("goods", "g2").orElseThrow().get("tags")).isEqualTo(new ObjectMapper().readTree("[\"a\"]"));
    String[][] bad = {
        {"{\"_id\": \"x1\"}\n\n{\n  \"_id\": \"x2\",\n  \".a\": 1\n}\n",
            "line 3: key \".a\" may not begin or end with . or hold .."},
        {"{\n  \"_id\": \"x1\"\n},\n{\"_id\": \"x2\"}\n", "line 3: Unexpected character (',' "},
        {"[{\"_id\": \"x1\"},\n {\"_id\": \"x2\"}]\n", "line 1: a document must be a JSON object"},
        {"{\n  \"_id\": \"x1\",\n  \"a\": \n", "line 4: Unexpected end-of-input"},
    };
    for (String[] b : bad) {
      Path f = file("bad.json", b[0]);
      assertThatThrownBy(() -> lines.importFile("goods", f, CloudJsonLines.Mode.INSERT))
          .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(b[1]);
    }
    assertThat(db.count("goods", j("{}"))).isEqualTo(3);
  }
}
