package dev.sparrow.apis.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded engine's collection file as a log: every write appends (earlier bytes stay as they were), a crash's
 * torn tail is dropped without losing earlier writes, the file is compacted to the plain export format when its
 * superseded lines outgrow the live ones and at close, a reopened instance sees what many updates left, and two
 * instances on one folder see each other's appends and rewrites. Real files.
 */
class CloudAppendLogTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectNode ALL = JSON.createObjectNode();

  @TempDir
  Path env;

  private JsonLinesDatabase open() {
    return new JsonLinesDatabase(env, () -> 1000L, new Random(1));
  }

  private static ObjectNode j(String text) {
    try {
      return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
    } catch (IOException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private Path file() {
    return env.resolve("notes.jsonl");
  }

  private static List<ObjectNode> all(JsonLinesDatabase db) {
    return db.find("notes", CloudDatabase.Find.where(ALL));
  }

  private List<JsonNode> fileLines() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file(), StandardCharsets.UTF_8)) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  @Test
  void writesAppendAndLeaveEarlierBytesAsTheyWere() throws IOException {
    JsonLinesDatabase db = open();
    db.add("notes", j("{'_id':'a','n':1}"));
    db.add("notes", j("{'_id':'b','n':1}"));
    byte[] before = Files.readAllBytes(file());
    db.update("notes", j("{'_id':'a'}"), j("{'n':{'$inc':1}}"));
    db.set("notes", "b", j("{'n':5}"));
    db.remove("notes", j("{'_id':'a'}"));
    db.update("notes", ALL, j("{'seen':{'$set':true}}")); // one document left: no batch header
    byte[] after = Files.readAllBytes(file());
    assertThat(Arrays.copyOf(after, before.length)).isEqualTo(before);
    assertThat(new String(after, before.length, after.length - before.length, StandardCharsets.UTF_8))
        .isEqualTo("""
            {"_id":"a","n":2}
            {"_id":"b","n":5}
            {"$remove":"a"}
            {"_id":"b","n":5,"seen":true}
            """);
    assertThat(all(open())).containsExactly(j("{'_id':'b','n':5,'seen':true}"));
  }

  @Test
  void aTornTailIsDroppedAndEveryEarlierWriteKept() throws IOException {
    JsonLinesDatabase db = open();
    db.add("notes", j("{'_id':'a','n':1}"));
    db.add("notes", j("{'_id':'b','n':1}"));
    db.update("notes", j("{'_id':'a'}"), j("{'n':{'$set':2}}"));
    // a crash in the middle of a two-document update: the header and one of its lines reached the disk
    Files.writeString(file(), "{\"$batch\":2}\n{\"_id\":\"a\",\"n\":3}\n", StandardOpenOption.APPEND);
    JsonLinesDatabase reopened = open();
    assertThat(all(reopened)).containsExactly(j("{'_id':'a','n':2}"), j("{'_id':'b','n':1}"));
    // dropped by compacting: the file is the plain format again and the next write appends after it
    assertThat(fileLines()).containsExactly(j("{'_id':'a','n':2}"), j("{'_id':'b','n':1}"));
    reopened.update("notes", ALL, j("{'n':{'$inc':10}}"));
    Files.writeString(file(), "{\"_id\":\"b\",\"n\":9", StandardOpenOption.APPEND); // a line cut short
    Files.writeString(env.resolve("other.jsonl"), "{\"_id\":\"x\"}\n\0\0\0\0\n"); // a complete line of garbage
    JsonLinesDatabase again = open();
    assertThat(all(again)).containsExactly(j("{'_id':'a','n':12}"), j("{'_id':'b','n':11}"));
    assertThat(again.find("other", CloudDatabase.Find.where(ALL))).containsExactly(j("{'_id':'x'}"));
  }

  @Test
  void damageBeforeGoodLinesIsAnErrorNotASilentLoss() throws IOException {
    Files.createDirectories(env);
    Files.writeString(file(), "{\"_id\":\"a\"}\n{\"_id\":\"b\",\"n\":\n{\"_id\":\"c\"}\n");
    assertThatThrownBy(() -> open().count("notes", ALL)).isInstanceOf(CloudError.class)
        .hasMessageContaining("notes.jsonl is damaged at byte 12");
    Files.writeString(file(), "{\"_id\":\"a\"}\n{\"name\":\"no id\"}\n");
    assertThatThrownBy(() -> open().count("notes", ALL)).isInstanceOf(CloudError.class)
        .hasMessageContaining("holds a line that is not a document at byte 12");
    assertThat(Files.readString(file())).isEqualTo("{\"_id\":\"a\"}\n{\"name\":\"no id\"}\n");
  }

  @Test
  void theFileIsCompactedPastTheRatioAndAtCloseToThePlainExportFormat() throws IOException {
    JsonLinesDatabase db = open();
    String pad = "x".repeat(200);
    for (int i = 0; i < 100; i++) {
      db.add("notes", j("{'_id':'d" + i + "','n':0,'pad':'" + pad + "'}"));
    }
    long live = Files.size(file());
    long largest = 0;
    for (int round = 0; round < 30; round++) {
      db.update("notes", ALL, j("{'n':{'$inc':1}}"));
      largest = Math.max(largest, Files.size(file()));
    }
    // 30 rewrites of every document: about 30 times the live bytes without compaction
    assertThat(largest).isLessThan(2 * live + JsonLinesDatabase.COMPACT_MIN_BYTES + live);
    db.remove("notes", j("{'n':30,'_id':{'$in':['d0','d1']}}"));
    db.close();
    List<JsonNode> lines = fileLines();
    assertThat(lines).hasSize(98).allMatch(l -> l.get("_id").isTextual() && l.get("n").asInt() == 30);
    StringWriter exported = new StringWriter();
    new CloudJsonLines(db).exportTo("notes", exported);
    assertThat(exported.toString()).isEqualTo(Files.readString(file()));
    assertThat(all(open())).hasSize(98).first().isEqualTo(j("{'_id':'d2','n':30,'pad':'" + pad + "'}"));
  }

  @Test
  void aReopenedInstanceSeesWhatManyUpdatesLeftInTheSameOrder() {
    JsonLinesDatabase db = open();
    Map<String, Integer> model = new LinkedHashMap<>();
    Random r = new Random(42);
    String pad = "p".repeat(400); // 1,000 writes of ~420 bytes: the file is compacted on the way
    for (int i = 0; i < 1000; i++) {
      String id = "d" + r.nextInt(40);
      switch (r.nextInt(4)) {
        case 0 -> {
          db.set("notes", id, j("{'n':" + i + ",'pad':'" + pad + "'}"));
          model.put(id, i);
        }
        case 1 -> {
          db.remove("notes", j("{'_id':'" + id + "'}"));
          model.remove(id);
        }
        default -> {
          db.update("notes", j("{'_id':'" + id + "'}"), j("{'n':{'$set':" + i + "}}"));
          if (model.containsKey(id)) {
            model.put(id, i);
          }
        }
      }
    }
    List<ObjectNode> expected = new ArrayList<>();
    model.forEach((id, n) -> expected.add(j("{'_id':'" + id + "','n':" + n + ",'pad':'" + pad + "'}")));
    assertThat(all(db)).isEqualTo(expected);
    assertThat(all(open())).isEqualTo(expected);
    db.close();
    assertThat(all(open())).isEqualTo(expected);
  }

  @Test
  void twoInstancesOnOneFolderSeeEachOthersAppendsAndRewrites() throws IOException {
    JsonLinesDatabase one = open();
    JsonLinesDatabase two = new JsonLinesDatabase(env, () -> 2000L, new Random(2));
    one.createIndex("notes", new CloudIndex("by_n", List.of(new CloudIndex.Key("n", true)), true));
    one.add("notes", j("{'_id':'a','n':1}"));
    assertThat(two.get("notes", "a")).contains(j("{'_id':'a','n':1}"));
    two.update("notes", j("{'_id':'a'}"), j("{'n':{'$inc':1}}"));
    two.add("notes", j("{'_id':'b','n':7}"));
    assertThat(all(one)).containsExactly(j("{'_id':'a','n':2}"), j("{'_id':'b','n':7}"));
    // one's index is kept current with the lines two appended
    assertThatThrownBy(() -> one.add("notes", j("{'_id':'c','n':7}"))).isInstanceOf(CloudError.class)
        .hasMessageContaining("E11000");
    one.remove("notes", j("{'_id':'a'}"));
    assertThat(two.count("notes", ALL)).isEqualTo(1);
    // two rewrites the file (an import), then compacts it at close; one reads it whole again
    two.addAll("notes", List.of(j("{'_id':'c','n':3}"), j("{'_id':'d','n':100}")), false);
    assertThat(all(one)).extracting(d -> d.get("_id").asText()).containsExactly("b", "c", "d");
    for (int i = 0; i < 20; i++) {
      (i % 2 == 0 ? one : two).update("notes", j("{'_id':'c'}"), j("{'n':{'$inc':1}}"));
    }
    two.close();
    assertThat(one.get("notes", "c")).contains(j("{'_id':'c','n':23}"));
    one.set("notes", "d", j("{'n':40}"));
    assertThat(two.get("notes", "d")).contains(j("{'_id':'d','n':40}"));
    // as JSON text: an $inc'ed number is a long in memory and an int when read back
    assertThat(all(open())).hasToString(all(two).toString()).hasToString(all(one).toString()).hasSize(3);
  }
}
