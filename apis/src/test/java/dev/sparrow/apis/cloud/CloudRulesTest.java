package dev.sparrow.apis.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project's cloud/database.json, collection existence in the engine, and one store per key. */
class CloudRulesTest {
  @TempDir
  Path dir;

  private void write(String text) throws IOException {
    Files.createDirectories(dir.resolve("cloud"));
    Files.writeString(dir.resolve(CloudRules.FILE), text);
  }

  @Test
  void theFileDeclaresCollectionsAndModesAndABadModeIsAProblemNotAFailure() throws IOException {
    assertThat(CloudRules.read(dir)).isEqualTo(CloudRules.NONE);
    write("{\"autoCreate\": true, \"collections\": {\"notes\": \"private\", \"board\": {\"permission\": \"READONLY\"},"
        + " \"odd\": \"EVERYONE\"}}");
    CloudRules rules = CloudRules.read(dir);
    assertThat(rules.autoCreate()).isTrue();
    assertThat(rules.collections()).isEqualTo(Map.of("notes", CloudPermission.PRIVATE,
        "board", CloudPermission.READONLY, "odd", CloudPermission.PRIVATE));
    assertThat(rules.problems()).containsExactly("cloud/database.json: collection odd: unknown permission EVERYONE"
        + " (READONLY, PRIVATE, ADMINWRITE or ADMINONLY); PRIVATE used");
    assertThat(rules.permission("undeclared")).isEqualTo(CloudPermission.PRIVATE);
    assertThat(rules.with(false, Map.of("board", CloudPermission.ADMINONLY)).permission("board"))
        .isEqualTo(CloudPermission.ADMINONLY);
    write("{not json");
    assertThat(CloudRules.read(dir).collections()).isEmpty();
    assertThat(CloudRules.read(dir).problems()).hasSize(1)
        .allMatch(p -> p.startsWith("cloud/database.json: not valid"));
  }

  @Test
  void storageHasOneModeReadOnlyUnlessDeclared() throws IOException {
    assertThat(CloudRules.read(dir).storage()).isEqualTo(CloudPermission.READONLY);
    write("{\"storage\": \"private\"}");
    assertThat(CloudRules.read(dir).storage()).isEqualTo(CloudPermission.PRIVATE);
    assertThat(CloudRules.read(dir).withStorage(CloudPermission.ADMINONLY).storage())
        .isEqualTo(CloudPermission.ADMINONLY);
    assertThat(CloudRules.read(dir).withStorage(null).storage()).isEqualTo(CloudPermission.PRIVATE);
    write("{\"storage\": \"SERVER\"}");
    assertThat(CloudRules.read(dir).storage()).isEqualTo(CloudPermission.READONLY);
    assertThat(CloudRules.read(dir).problems()).containsExactly("cloud/database.json: storage: unknown permission"
        + " \"SERVER\" (READONLY, PRIVATE, ADMINWRITE or ADMINONLY); READONLY used");
  }

  @Test
  void theFileDeclaresIndexesPerCollectionAndABadOneIsLeftOutWithAProblem() throws IOException {
    write("{\"collections\": {\"scores\": {\"permission\": \"READONLY\", \"indexes\": ["
        + "{\"name\": \"by_score\", \"keys\": {\"score\": -1, \"user.city\": 1}, \"unique\": false},"
        + "{\"keys\": {\"phone\": 1}, \"unique\": true},"
        + "{\"name\": \"bad\", \"keys\": {\"score\": 2}}, {\"keys\": {}}, {\"keys\": {\"_id\": 1}},"
        + "{\"name\": \"by_score\", \"keys\": {\"x\": 1}}]},"
        + " \"logs\": {\"indexes\": [{\"keys\": {\"at\": 1}}]}}}");
    CloudRules rules = CloudRules.read(dir);
    assertThat(rules.indexes("scores")).containsExactly(
        new CloudIndex("by_score", List.of(new CloudIndex.Key("score", false), new CloudIndex.Key("user.city", true)),
            false),
        new CloudIndex("phone_1", List.of(new CloudIndex.Key("phone", true)), true));
    assertThat(rules.permission("logs")).isEqualTo(CloudPermission.PRIVATE);
    assertThat(rules.indexes("logs")).extracting(CloudIndex::name).containsExactly("at_1");
    assertThat(rules.indexes("undeclared")).isEmpty();
    assertThat(rules.problems()).containsExactly(
        "cloud/database.json: collection scores: index field score: direction 2 (1 or -1); index left out",
        "cloud/database.json: collection scores: an index is {\"name\", \"keys\": {\"field\": 1 or -1}, "
            + "\"unique\"}; index left out",
        "cloud/database.json: collection scores: index field _id is not allowed; index left out",
        "cloud/database.json: collection scores: index name by_score declared twice; index left out");
    assertThat(rules.with(true, Map.of()).indexes("scores")).hasSize(2);
    assertThat(rules.withStorage(CloudPermission.PRIVATE).indexes("scores")).hasSize(2);
  }

  @Test
  void aCollectionExistsOnceCreatedWrittenOrFoundOnDisk() throws IOException {
    JsonLinesDatabase db = new JsonLinesDatabase(dir.resolve("env"), () -> 0L, new Random(1));
    assertThat(db.hasCollection("a")).isFalse();
    assertThat(db.find("a", CloudDatabase.Find.where(CloudQueryTableTest.j("{}")))).isEmpty();
    assertThat(db.hasCollection("a")).isFalse();
    db.createCollection("a");
    assertThat(dir.resolve("env/a.jsonl")).exists().isEmptyFile();
    db.add("b", CloudQueryTableTest.j("{'x':1}"));
    assertThat(db.hasCollection("a")).isTrue();
    assertThat(db.hasCollection("b")).isTrue();
    JsonLinesDatabase again = new JsonLinesDatabase(dir.resolve("env"), () -> 0L, new Random(1));
    assertThat(List.of(again.hasCollection("a"), again.hasCollection("b"), again.hasCollection("c")))
        .containsExactly(true, true, false);
  }

  @Test
  void aRegistryHandsOutOneStorePerKeyAndTheStoreTellsListenersOfWrites() throws Exception {
    CloudStores stores = new CloudStores();
    CloudStore one = stores.open("k", () -> new JsonLinesDatabase(dir, () -> 0L, new Random(1)));
    CloudStore two = stores.open("k", () -> {
      throw new AssertionError("opened twice");
    });
    assertThat(two).isSameAs(one);
    List<String> heard = new ArrayList<>();
    AutoCloseable l = one.listen("c", (c, w) -> heard.add(c + " " + w.kind() + " " + w.replacedId()));
    String id = one.add("c", CloudQueryTableTest.j("{'x':1}"));
    one.set("c", id, CloudQueryTableTest.j("{'x':2}"));
    one.update("c", CloudQueryTableTest.j("{'x':99}"), CloudQueryTableTest.j("{'x':{'$inc':1}}"));
    one.remove("c", CloudQueryTableTest.j("{}"));
    l.close();
    one.add("c", CloudQueryTableTest.j("{'x':1}"));
    assertThat(heard).containsExactly("c add null", "c set " + id, "c remove null");
  }
}
