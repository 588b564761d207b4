package dev.sparrow.apis.cloud;

import static dev.sparrow.apis.cloud.CloudQueryTableTest.j;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Declared indexes change how a query is answered, never what it answers: each row runs one query on a collection
 * without indexes and on the same documents with them, and the answers (ids in order, ties included, and counts)
 * must be equal; on the embedded engine the row also names the plan it expects (so the index is really used).
 * The documents mix kinds at the indexed paths on purpose (ints and doubles, strings, booleans, dates, null,
 * missing, arrays, arrays of objects) and repeat values (ties). Unique indexes and keeping indexes current after
 * writes follow. Both engines, as {@link CloudQueryTableTest}: the MongoDB adapter creates the same indexes in the
 * server (mongo-java-server here, or {@code SPARROW_TEST_MONGODB}).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(CloudEngines.Engine.class)
class CloudIndexTableTest {
  private static final List<CloudIndex> INDEXES = List.of(
      index("{'name':'by_score','keys':{'score':1}}"),
      index("{'name':'by_city_score','keys':{'city':1,'score':-1}}"),
      index("{'name':'by_pos_x','keys':{'pos.x':-1}}"),
      index("{'name':'by_tags','keys':{'tags':1}}"),
      index("{'name':'by_n','keys':{'n':1},'unique':true}"));

  private static CloudEngines engines;
  private static int databases;

  @Parameter
  CloudEngines.Engine engine;
  @TempDir
  Path dir;
  private final List<String> opened = new ArrayList<>();
  private CloudDatabase plain;
  private CloudDatabase indexed;

  static CloudIndex index(String spec) {
    return CloudIndex.parse(j(spec));
  }

  @BeforeAll
  static void startServer() {
    engines = CloudEngines.start();
  }

  @AfterAll
  static void stopServer() {
    engines.close();
  }

  @AfterEach
  void dropDatabases() {
    opened.forEach(engines::drop);
  }

  /** A fresh environment of the engine under test; {@code name} is its folder (or the MongoDB database's suffix). */
  private CloudDatabase open(String name) {
    String database = "sparrow_index" + databases++ + "_" + name;
    if (engine == CloudEngines.Engine.MONGODB) {
      opened.add(database);
    }
    return engines.open(engine, dir.resolve(name), database, () -> 5000L, new Random(1));
  }

  /** 240 documents, the same in both collections: indexes are declared before the data on one, after on none. */
  @BeforeEach
  void seed() {
    plain = open("plain");
    indexed = open("indexed");
    INDEXES.subList(0, 2).forEach(i -> indexed.createIndex("docs", i));
    Random r = new Random(21);
    List<String> cities = List.of("Beijing", "Shanghai", "Shenzhen");
    for (int i = 0; i < 240; i++) {
      ObjectNode d = j("{}").put("_id", String.format("d%03d", i)).put("n", i);
      switch (r.nextInt(10)) {
        case 0 -> d.put("score", r.nextInt(10) + 0.5);
        case 1 -> d.put("score", "s" + r.nextInt(5));
        case 2 -> d.putNull("score");
        case 3 -> { } // no score
        case 4 -> d.putArray("score").add(r.nextInt(10)).add(r.nextInt(10));
        case 5 -> d.put("score", r.nextBoolean());
        case 6 -> d.putObject("score").put("$date", 1000L * r.nextInt(5));
        default -> d.put("score", r.nextInt(10));
      }
      if (r.nextInt(6) > 0) {
        d.put("city", cities.get(r.nextInt(3)));
      }
      if (r.nextInt(4) == 0) {
        d.putArray("pos").addObject().put("x", r.nextInt(5));
        ((ArrayNode) d.get("pos")).addObject().put("x", r.nextInt(5));
      } else if (r.nextInt(3) > 0) {
        d.putObject("pos").put("x", r.nextInt(8) * 1.0).put("y", 1);
      }
      d.putArray("tags").add("t" + r.nextInt(4)).add("t" + r.nextInt(4));
      plain.add("docs", d);
      indexed.add("docs", d);
    }
    INDEXES.subList(2, INDEXES.size()).forEach(i -> indexed.createIndex("docs", i));
  }

  /** Label, where, orderBy ({@code field:asc|desc,...}), skip, limit, the embedded engine's plan. */
  static Stream<Arguments> queries() {
    return Stream.of(
        Arguments.of("equality on a number", "{'score':3}", "", 0, 0, "index by_score"),
        Arguments.of("equality finds ints as doubles and array elements", "{'score':{'$eq':4.0}}", "", 0, 0,
            "index by_score"),
        Arguments.of("equality on a string", "{'score':'s2'}", "", 0, 0, "index by_score"),
        Arguments.of("equality on a boolean", "{'score':true}", "", 0, 0, "index by_score"),
        Arguments.of("equality on a date", "{'score':{'$date':2000}}", "", 0, 0, "index by_score"),
        Arguments.of("in over kinds", "{'score':{'$in':[1,'s1',false,6.5]}}", "", 0, 0, "index by_score"),
        Arguments.of("gt on numbers leaves the other kinds out", "{'score':{'$gt':6}}", "", 0, 0,
            "index by_score"),
        Arguments.of("gte and lt together (each element may satisfy one)", "{'score':{'$gte':3,'$lt':5}}", "", 0,
            0, "index by_score"),
        Arguments.of("lte on strings", "{'score':{'$lte':'s2'}}", "", 0, 0, "index by_score"),
        Arguments.of("range on dates", "{'score':{'$gt':{'$date':1000},'$lte':{'$date':3000}}}", "", 0, 0,
            "index by_score"),
        Arguments.of("equality with other conditions", "{'score':2,'city':'Beijing','tags':'t1'}", "", 0, 0,
            "index by_score"),
        Arguments.of("compound index by its leading field", "{'city':'Shanghai'}", "", 0, 0,
            "index by_city_score"),
        Arguments.of("nested path through objects and arrays of objects", "{'pos.x':{'$gte':3}}", "", 0, 0,
            "index by_pos_x"),
        Arguments.of("nested path equality, int against double", "{'pos.x':2}", "", 0, 0, "index by_pos_x"),
        Arguments.of("array field by element", "{'tags':{'$in':['t0','t3']}}", "", 0, 0, "index by_tags"),
        Arguments.of("top-level and picks an indexed part", "{'$and':[{'city':'Beijing'},{'score':{'$lt':2}}]}",
            "", 0, 0, "index by_"),
        Arguments.of("_id equality", "{'_id':'d017'}", "", 0, 0, "_id"),
        Arguments.of("_id in", "{'_id':{'$in':['d200','d003','nope']}}", "", 0, 0, "_id"),
        Arguments.of("null equality is left to the scan", "{'score':null}", "", 0, 0, "scan"),
        Arguments.of("neq is left to the scan", "{'score':{'$ne':3}}", "", 0, 0, "scan"),
        Arguments.of("or is left to the scan", "{'$or':[{'score':1},{'city':'Beijing'}]}", "", 0, 0, "scan"),
        Arguments.of("orderBy the indexed field ascending with ties", "{}", "score:asc", 0, 20,
            "index by_score order"),
        Arguments.of("orderBy descending, ties in insertion order", "{}", "score:desc", 0, 20,
            "index by_score order"),
        Arguments.of("orderBy with a second key over ties", "{}", "score:desc,n:desc", 5, 15,
            "index by_score order"),
        Arguments.of("orderBy with a filter the walk checks", "{'pos.y':1,'city':{'$ne':'Shenzhen'}}", "score:asc",
            0, 10, "index by_score order"),
        Arguments.of("orderBy with a condition narrower than 8 pages uses the condition", "{'city':'Shenzhen'}",
            "score:asc", 0, 10, "index by_city_score"),
        Arguments.of("orderBy a nested path", "{}", "pos.x:desc", 0, 12, "index by_pos_x order"),
        Arguments.of("orderBy walks, checking another index's candidates", "{'city':'Beijing'}", "score:desc", 0,
            5, "index by_score order + index by_city_score"),
        Arguments.of("orderBy with a very narrow condition uses the condition", "{'_id':'d005'}", "score:desc", 0,
            20, "_id"),
        Arguments.of("range and orderBy the same field, skip past the first page", "{'score':{'$gte':2}}",
            "score:desc", 20, 20, "index by_score"),
        Arguments.of("orderBy without a limit sorts the candidates", "{'score':{'$lte':3}}", "score:asc", 0, 0,
            "index by_score"),
        Arguments.of("unique index lookup", "{'n':{'$in':[7,8,9,300]}}", "n:desc", 0, 0, "index by_n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void anIndexChangesTheWayNotTheAnswer(String label, String where, String orderBy, int skip, int limit,
      String plan) {
    List<CloudDatabase.Order> order = new ArrayList<>();
    for (String o : orderBy.isEmpty() ? new String[0] : orderBy.split(",")) {
      String[] parts = o.split(":");
      order.add(new CloudDatabase.Order(parts[0], parts[1].equals("asc")));
    }
    CloudDatabase.Find find = new CloudDatabase.Find(j(where), order, skip, limit, null);
    List<String> scanned = ids(plain.find("docs", find));
    assertThat(ids(indexed.find("docs", find))).as(label).isEqualTo(scanned);
    assertThat(indexed.count("docs", j(where))).as(label).isEqualTo(plain.count("docs", j(where)));
    if (engine == CloudEngines.Engine.EMBEDDED) {
      assertThat(((JsonLinesDatabase) plain).plan("docs", find)).isIn("scan", "_id");
      assertThat(((JsonLinesDatabase) indexed).plan("docs", find)).as(label).startsWith(plan);
      assertThat(scanned).as(label + ": the row selects something").isNotEmpty();
    }
  }

  private static List<String> ids(List<ObjectNode> docs) {
    return docs.stream().map(d -> d.get("_id").asText()).toList();
  }

  @Test
  void theIndexesAreListedAsDeclared() {
    assertThat(indexed.indexes("docs")).containsExactlyInAnyOrderElementsOf(INDEXES);
    assertThat(plain.indexes("docs")).isEmpty();
    indexed.createIndex("docs", INDEXES.get(0)); // again: nothing changes
    assertThat(indexed.indexes("docs")).hasSize(INDEXES.size());
  }

  @Test
  void aUniqueIndexRefusesADuplicateWithWeChatsError() {
    CloudDatabase db = open("unique");
    db.createIndex("users", index("{'name':'by_phone','keys':{'phone':1},'unique':true}"));
    db.add("users", j("{'_id':'u1','phone':'13800000000'}"));
    assertThatThrownBy(() -> db.add("users", j("{'_id':'u2','phone':'13800000000'}")))
        .isInstanceOfSatisfying(CloudError.class, e -> {
          assertThat(e.errCode()).isEqualTo(-502001);
          assertThat(e.errMsg("collection.add")).startsWith("collection.add:fail -502001 database request fail. "
              + "[FailedOperation] multiple write errors: [{write errors: [{E11000 duplicate key error collection: ")
              .contains(" index: by_phone dup key: ").endsWith("}]}, {<nil>}]");
          if (engine == CloudEngines.Engine.EMBEDDED) {
            assertThat(e.errMsg("collection.add")).isEqualTo("collection.add:fail -502001 database request fail. "
                + "[FailedOperation] multiple write errors: [{write errors: [{E11000 duplicate key error "
                + "collection: unique.users index: by_phone dup key: { phone: \"13800000000\" }}]}, {<nil>}]");
          }
        });
    assertThat(db.get("users", "u2")).isEmpty();
    db.add("users", j("{'_id':'u3','phone':'13900000000'}"));
    // an update or a set that would repeat a phone is refused whole; moving to a free one is fine
    assertThatThrownBy(() -> db.update("users", j("{'_id':'u3'}"), j("{'phone':{'$set':'13800000000'}}")))
        .isInstanceOfSatisfying(CloudError.class, e -> assertThat(e.errCode()).isEqualTo(-502001));
    assertThatThrownBy(() -> db.set("users", "u3", j("{'phone':'13800000000'}")))
        .isInstanceOfSatisfying(CloudError.class, e -> assertThat(e.errCode()).isEqualTo(-502001));
    assertThat(db.get("users", "u3").orElseThrow().get("phone").asText()).isEqualTo("13900000000");
    assertThat(db.update("users", j("{'_id':'u1'}"), j("{'phone':{'$set':'13700000000'}}"))).isEqualTo(1);
    db.add("users", j("{'_id':'u4','phone':'13800000000'}")); // freed by the update
    assertThatThrownBy(() -> db.addAll("users", List.of(j("{'_id':'u5','phone':'1'}"), j("{'_id':'u6',"
        + "'phone':'1'}")), false)).isInstanceOfSatisfying(CloudError.class,
            e -> assertThat(e.errCode()).isEqualTo(-502001));
    // a unique index cannot be made over duplicates
    db.add("users", j("{'_id':'u7','phone':'13800000000x','group':1}"));
    db.add("users", j("{'_id':'u8','phone':'13800000000y','group':1}"));
    assertThatThrownBy(() -> db.createIndex("users", index("{'name':'by_group','keys':{'group':1},"
        + "'unique':true}"))).isInstanceOfSatisfying(CloudError.class,
            e -> assertThat(e.errMsg("x")).contains("E11000 duplicate key error").contains("index: by_group"));
    assertThat(db.indexes("users")).extracting(CloudIndex::name).doesNotContain("by_group");
  }

  @Test
  void aCompoundUniqueIndexRefusesOnlyTheWholeTuple() {
    CloudDatabase db = open("compound");
    db.createIndex("seats", index("{'keys':{'row':1,'seat':1},'unique':true}"));
    db.add("seats", j("{'row':1,'seat':1}"));
    db.add("seats", j("{'row':1,'seat':2}"));
    db.add("seats", j("{'row':2,'seat':1}"));
    assertThatThrownBy(() -> db.add("seats", j("{'row':1,'seat':2.0}")))
        .isInstanceOfSatisfying(CloudError.class, e -> assertThat(e.errMsg("collection.add"))
            .contains(" index: row_1_seat_1 dup key: "));
    assertThat(db.count("seats", j("{}"))).isEqualTo(3);
  }

  @Test
  void theIndexFollowsUpdatesSetsRemovesAndImports() {
    CloudDatabase.Find five = CloudDatabase.Find.where(j("{'score':5}"));
    List<String> before = ids(indexed.find("docs", five));
    assertThat(before).isNotEmpty();
    assertThat(indexed.update("docs", j("{'score':5}"), j("{'score':{'$set':55}}"))).isEqualTo(before.size());
    assertThat(ids(indexed.find("docs", five))).isEmpty();
    assertThat(ids(indexed.find("docs", CloudDatabase.Find.where(j("{'score':{'$gt':50}}"))))).isEqualTo(before);
    indexed.set("docs", before.get(0), j("{'score':5,'n':1000}"));
    assertThat(ids(indexed.find("docs", five))).containsExactly(before.get(0));
    assertThat(indexed.remove("docs", j("{'score':55}"))).isEqualTo(before.size() - 1);
    assertThat(ids(indexed.find("docs", CloudDatabase.Find.where(j("{'score':{'$gt':50}}"))))).isEmpty();
    indexed.addAll("docs", List.of(j("{'_id':'new1','score':5,'n':1001}"), j("{'_id':'" + before.get(0)
        + "','score':6,'n':1002}")), true);
    assertThat(ids(indexed.find("docs", five))).containsExactly("new1");
    CloudDatabase.Find top = new CloudDatabase.Find(j("{}"), List.of(new CloudDatabase.Order("n", false)), 0, 3,
        null);
    assertThat(ids(indexed.find("docs", top))).containsExactly(before.get(0), "new1", "d239");
    if (engine == CloudEngines.Engine.EMBEDDED) {
      assertThat(((JsonLinesDatabase) indexed).plan("docs", top)).isEqualTo("index by_n order");
      // a new instance over the same files builds the declared indexes again from the documents
      JsonLinesDatabase reopened = new JsonLinesDatabase(dir.resolve("indexed"), () -> 0L, new Random(2));
      INDEXES.forEach(i -> reopened.createIndex("docs", i));
      assertThat(reopened.plan("docs", five)).isEqualTo("index by_score");
      assertThat(ids(reopened.find("docs", five))).containsExactly("new1");
      assertThat(ids(reopened.find("docs", top))).containsExactly(before.get(0), "new1", "d239");
      assertThatThrownBy(() -> reopened.add("docs", j("{'n':1001}"))).isInstanceOf(CloudError.class);
      // a write by another instance: the first reads the changed file again and builds its indexes over it
      reopened.add("docs", j("{'_id':'ext','score':5.0,'n':2000}"));
      assertThat(ids(indexed.find("docs", five))).containsExactly("new1", "ext");
      assertThat(((JsonLinesDatabase) indexed).plan("docs", five)).isEqualTo("index by_score");
      assertThatThrownBy(() -> indexed.add("docs", j("{'n':2000}"))).isInstanceOf(CloudError.class);
    }
  }
}
