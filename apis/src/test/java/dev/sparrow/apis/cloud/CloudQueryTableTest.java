package dev.sparrow.apis.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;
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
 * Query and update semantics of the emulator, one row per documented example of a {@code db.command} (the
 * wire form the logic layer sends: commands as {@code $op}, nested objects flattened to dotted paths). The
 * whole table runs twice: on the embedded engine and on {@link MongoCloudDatabase} against a wire-compatible
 * MongoDB server (mongo-java-server's in-memory backend) started on 127.0.0.1 for the class, or against the real
 * MongoDB server that {@code SPARROW_TEST_MONGODB} names ({@code mongodb://127.0.0.1:27017}; the test's
 * databases, {@code sparrow_table<N>}, are dropped after each test).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(CloudEngines.Engine.class)
class CloudQueryTableTest {
  private static CloudEngines engines;
  private static int databases;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> TODOS = List.of(
      "{'_id':'t1','description':'learn cloud database','progress':20,'done':false,"
          + "'style':{'color':'red','size':12},'tags':['cloud','database'],"
          + "'due':{'$date':1000},'places':[{'city':'Beijing','days':3},{'city':'Shanghai','days':1}]}",
      "{'_id':'t2','description':'learn cloud functions','progress':60,'done':false,"
          + "'style':{'color':'blue','size':14},'tags':['cloud','function','node'],"
          + "'due':{'$date':2000},'places':[{'city':'Shenzhen','days':5}]}",
      "{'_id':'t3','description':'Learn storage','progress':95,'done':true,"
          + "'style':{'color':'red','size':16},'tags':['storage'],'due':{'$date':3000},'places':[]}",
      "{'_id':'t4','description':'read the docs','progress':50,'done':true,'tags':[],'owner':null}");

  @Parameter
  CloudEngines.Engine engine;
  @TempDir
  Path dir;
  private CloudDatabase db;
  private String database;

  static ObjectNode j(String singleQuoted) {
    try {
      return (ObjectNode) JSON.readTree(singleQuoted.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(singleQuoted, e);
    }
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
  void dropDatabase() {
    if (engine == CloudEngines.Engine.MONGODB) {
      engines.drop(database);
    }
  }

  @BeforeEach
  void seed() {
    database = "sparrow_table" + databases++;
    db = open(() -> 5000L, new Random(1));
    TODOS.forEach(t -> db.add("todos", j(t)));
  }

  /** The engine under test over this test's data (the same files or the same MongoDB database each time). */
  private CloudDatabase open(LongSupplier clock, Random random) {
    return engines.open(engine, dir, database, clock, random);
  }

  static Stream<Arguments> queries() {
    return Stream.of(
        Arguments.of("literal equality", "{'done':true}", "t3,t4"),
        Arguments.of("nested object means sub-field equality", "{'style.color':'red'}", "t1,t3"),
        Arguments.of("array field equals one element", "{'tags':'cloud'}", "t1,t2"),
        Arguments.of("whole array equality", "{'tags':['storage']}", "t3"),
        Arguments.of("index path", "{'tags.1':'function'}", "t2"),
        Arguments.of("path through an array of objects", "{'places.city':'Shenzhen'}", "t2"),
        Arguments.of("eq", "{'progress':{'$eq':20}}", "t1"),
        Arguments.of("eq on a nested object is whole-object equality",
            "{'style':{'$eq':{'color':'red','size':12}}}", "t1"),
        Arguments.of("neq", "{'progress':{'$ne':20}}", "t2,t3,t4"),
        Arguments.of("neq matches documents without the field", "{'style.color':{'$ne':'red'}}", "t2,t4"),
        Arguments.of("lt", "{'progress':{'$lt':50}}", "t1"),
        Arguments.of("lte", "{'progress':{'$lte':50}}", "t1,t4"),
        Arguments.of("gt", "{'progress':{'$gt':50}}", "t2,t3"),
        Arguments.of("gte", "{'progress':{'$gte':60}}", "t2,t3"),
        Arguments.of("gt between types does not match", "{'description':{'$gt':1}}", ""),
        Arguments.of("gt on strings", "{'description':{'$gt':'learn cloud e'}}", "t2,t4"),
        Arguments.of("gt on dates", "{'due':{'$gt':{'$date':1500}}}", "t2,t3"),
        Arguments.of("in", "{'progress':{'$in':[20,95]}}", "t1,t3"),
        Arguments.of("in on an array field", "{'tags':{'$in':['node','storage']}}", "t2,t3"),
        Arguments.of("nin", "{'progress':{'$nin':[20,95]}}", "t2,t4"),
        Arguments.of("field-level and (_.gt(30).and(_.lt(70)))",
            "{'progress':{'$and':[{'$gt':30},{'$lt':70}]}}", "t2,t4"),
        Arguments.of("field-level or", "{'progress':{'$or':[{'$lt':30},{'$gt':90}]}}", "t1,t3"),
        Arguments.of("top-level or across fields", "{'$or':[{'progress':{'$gt':90}},{'style.color':'blue'}]}",
            "t2,t3"),
        Arguments.of("top-level and", "{'$and':[{'done':false},{'progress':{'$gt':30}}]}", "t2"),
        Arguments.of("not", "{'progress':{'$not':{'$eq':20}}}", "t2,t3,t4"),
        Arguments.of("exists true", "{'style':{'$exists':true}}", "t1,t2,t3"),
        Arguments.of("exists false", "{'style':{'$exists':false}}", "t4"),
        Arguments.of("exists counts a null value as present", "{'owner':{'$exists':true}}", "t4"),
        Arguments.of("eq null matches null and missing", "{'owner':null}", "t1,t2,t3,t4"),
        Arguments.of("size", "{'tags':{'$size':2}}", "t1"),
        Arguments.of("size 0", "{'tags':{'$size':0}}", "t4"),
        Arguments.of("all", "{'tags':{'$all':['cloud','database']}}", "t1"),
        Arguments.of("all with one element", "{'tags':{'$all':['cloud']}}", "t1,t2"),
        Arguments.of("elemMatch on objects", "{'places':{'$elemMatch':{'city':'Beijing','days':{'$gt':2}}}}",
            "t1"),
        Arguments.of("elemMatch needs one element for all conditions",
            "{'places':{'$elemMatch':{'city':'Shanghai','days':{'$gt':2}}}}", ""),
        Arguments.of("elemMatch on scalars", "{'tags':{'$elemMatch':{'$eq':'node'}}}", "t2"),
        Arguments.of("RegExp", "{'description':{'$regex':'^learn','$options':''}}", "t1,t2"),
        Arguments.of("RegExp case-insensitive", "{'description':{'$regex':'^learn','$options':'i'}}", "t1,t2,t3"),
        Arguments.of("numbers compare by value (int vs double)", "{'progress':{'$eq':20.0}}", "t1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void whereSelectsTheDocumentedDocuments(String command, String where, String ids) {
    List<String> got = db.find("todos", CloudDatabase.Find.where(j(where))).stream()
        .map(d -> d.get("_id").asText()).toList();
    assertThat(String.join(",", got)).as(command).isEqualTo(ids);
    assertThat(db.count("todos", j(where))).isEqualTo(got.size());
  }

  @Test
  void exprComparesFieldsOfEachDocument() {
    ObjectNode where = j("{'$expr':{'$and':[{'$gt':['$progress',30]},{'$lt':['$progress',90]}]}}");
    List<String> got = db.find("todos", CloudDatabase.Find.where(where)).stream()
        .map(d -> d.get("_id").asText()).toList();
    List<String> expected = db.find("todos", CloudDatabase.Find.where(j("{'progress':{'$gt':30,'$lt':90}}")))
        .stream().map(d -> d.get("_id").asText()).toList();
    assertThat(expected).isNotEmpty();
    assertThat(got).isEqualTo(expected);
  }

  private static final List<String> PLACES = List.of(
      "{'_id':'p3','location':{'type':'Point','coordinates':[113.36,23.12]}}",
      "{'_id':'p1','location':{'type':'Point','coordinates':[113.323809,23.097732]}}",
      "{'_id':'p4','location':{'type':'Point','coordinates':[116.4,39.9]}}",
      "{'_id':'p2','location':{'type':'Point','coordinates':[113.33,23.1]}}",
      "{'_id':'s1','area':{'type':'LineString','coordinates':[[0,0],[2,2]]}}",
      "{'_id':'s2','area':{'type':'Polygon','coordinates':[[[0,0],[3,2],[2,3],[0,0]]]}}",
      "{'_id':'s3','area':{'type':'Point','coordinates':[1,1]}}",
      "{'_id':'s4','area':{'type':'Point','coordinates':[10,10]}}",
      "{'_id':'s5','area':{'type':'MultiPoint','coordinates':[[1,1],[10,10]]}}");
  private static final String TOWER = "{'type':'Point','coordinates':[113.323809,23.097732]}";
  private static final String SQUARE_AT_1 = "[[0.5,0.5],[1.5,0.5],[1.5,1.5],[0.5,1.5],[0.5,0.5]]";

  /** The documented examples of geoNear, geoWithin and geoIntersects (ids in answer order). */
  static Stream<Arguments> geoQueries() {
    return Stream.of(
        Arguments.of("geoNear sorts nearest first within maxDistance",
            "{'location':{'$geoNear':{'geometry':" + TOWER + ",'maxDistance':5000}}}", "p1,p2,p3"),
        Arguments.of("geoNear between 1 km and 5 km (the documented example)",
            "{'location':{'$geoNear':{'geometry':" + TOWER + ",'minDistance':1000,'maxDistance':5000}}}", "p3"),
        Arguments.of("geoNear without bounds orders every point", "{'location':{'$geoNear':{'geometry':" + TOWER
            + "}}}", "p1,p2,p3,p4"),
        Arguments.of("geoWithin a polygon (the documented triangle)",
            "{'area':{'$geoWithin':{'geometry':{'type':'Polygon','coordinates':[[[0,0],[3,2],[2,3],[0,0]]]}}}}",
            "s1,s2,s3"),
        Arguments.of("geoWithin a holed polygon: a line through the hole, a polygon over it, a point in it are out",
            "{'area':{'$geoWithin':{'geometry':{'type':'Polygon','coordinates':"
                + "[[[0,0],[4,0],[4,4],[0,4],[0,0]]," + SQUARE_AT_1 + "]}}}}", ""),
        Arguments.of("geoWithin a polygon with a hole elsewhere", "{'area':{'$geoWithin':{'geometry':{'type':"
            + "'Polygon','coordinates':[[[0,0],[4,0],[4,4],[0,4],[0,0]],"
            + "[[1.6,0.2],[1.9,0.2],[1.9,0.5],[1.6,0.5],[1.6,0.2]]]}}}}", "s1,s2,s3"),
        Arguments.of("geoWithin a MultiPolygon", "{'area':{'$geoWithin':{'geometry':{'type':'MultiPolygon',"
            + "'coordinates':[[" + SQUARE_AT_1 + "],[[[9,9],[11,9],[11,11],[9,11],[9,9]]]]}}}}", "s3,s4,s5"),
        Arguments.of("geoWithin centerSphere (radius in radians: 100 km / 6378.1 km)",
            "{'area':{'$geoWithin':{'centerSphere':[[1,1]," + (100 / 6378.1) + "]}}}", "s3"),
        Arguments.of("geoIntersects a point: on a line, in a polygon, equal, in a MultiPoint",
            "{'area':{'$geoIntersects':{'geometry':{'type':'Point','coordinates':[1,1]}}}}", "s1,s2,s3,s5"),
        Arguments.of("geoIntersects a line", "{'area':{'$geoIntersects':{'geometry':{'type':'LineString',"
            + "'coordinates':[[9,10],[11,10]]}}}}", "s4,s5"),
        Arguments.of("geoIntersects a line crossing edges",
            "{'area':{'$geoIntersects':{'geometry':{'type':'LineString','coordinates':[[0,1.5],[1.5,0]]}}}}",
            "s1,s2"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("geoQueries")
  void geoCommandsSelectTheDocumentedDocuments(String command, String where, String ids) {
    assumeTrue(engine == CloudEngines.Engine.EMBEDDED || !engines.inMemory(),
        "mongo-java-server 1.47 answers $nearSphere/$geoWithin with 'not yet implemented' and lacks $geoIntersects");
    PLACES.forEach(p -> db.add("places", j(p)));
    List<String> got = db.find("places", CloudDatabase.Find.where(j(where))).stream()
        .map(d -> d.get("_id").asText()).toList();
    assertThat(String.join(",", got)).as(command).isEqualTo(ids);
  }

  @Test
  void geoCommandsBecomeMongoDbOperators() {
    MongoWire wire = new MongoWire(() -> 0L);
    assertThat(wire.query(j("{'location':{'$geoNear':{'geometry':" + TOWER + ",'minDistance':1000,"
        + "'maxDistance':5000}}}")).toJson()).isEqualTo(("{'location': {'$nearSphere': {'$geometry': "
            + "{'type': 'Point', 'coordinates': [113.323809, 23.097732]}, '$maxDistance': 5000, "
            + "'$minDistance': 1000}}}").replace('\'', '"'));
    assertThat(wire.query(j("{'a':{'$geoWithin':{'centerSphere':[[1,1],0.5]}}}")).toJson())
        .isEqualTo("{\"a\": {\"$geoWithin\": {\"$centerSphere\": [[1, 1], 0.5]}}}");
    assertThat(wire.query(j("{'a':{'$geoIntersects':{'geometry':{'type':'Point','coordinates':[1,2]}}}}"))
        .toJson()).isEqualTo("{\"a\": {\"$geoIntersects\": {\"$geometry\": {\"type\": \"Point\", "
            + "\"coordinates\": [1, 2]}}}}");
    assertThatThrownBy(() -> db.find("todos", CloudDatabase.Find.where(j("{'due':{'$geoWithin':"
        + "{'geometry':{'type':'Point','coordinates':[1,2]}}}}")))).isInstanceOf(CloudError.class);
    if (engine == CloudEngines.Engine.MONGODB && engines.inMemory()) { // mongo-java-server: a refusal, not a crash
      PLACES.forEach(p -> db.add("places", j(p)));
      assertThatThrownBy(() -> db.count("places", j("{'location':{'$geoNear':{'geometry':" + TOWER + "}}}")))
          .isInstanceOf(CloudError.class);
    }
  }

  static Stream<Arguments> updates() {
    return Stream.of(
        Arguments.of("set a nested field keeps its siblings", "{'style.color':{'$set':'green'}}",
            "style", "{'color':'green','size':12}"),
        Arguments.of("set replaces a whole object (_.set)", "{'style':{'$set':{'color':'green'}}}",
            "style", "{'color':'green'}"),
        Arguments.of("set creates missing objects", "{'a.b.c':{'$set':1}}", "a", "{'b':{'c':1}}"),
        Arguments.of("remove", "{'style':{'$unset':true}}", "style", null),
        Arguments.of("inc", "{'progress':{'$inc':10}}", "progress", "30"),
        Arguments.of("inc a missing field starts at 0", "{'views':{'$inc':2}}", "views", "2"),
        Arguments.of("inc by a fraction", "{'progress':{'$inc':0.5}}", "progress", "20.5"),
        Arguments.of("mul", "{'progress':{'$mul':3}}", "progress", "60"),
        Arguments.of("push one", "{'tags':{'$push':{'$each':['a']}}}", "tags", "['cloud','database','a']"),
        Arguments.of("push at a position", "{'tags':{'$push':{'$each':['a','b'],'$position':1}}}",
            "tags", "['cloud','a','b','database']"),
        Arguments.of("push with slice", "{'tags':{'$push':{'$each':['a'],'$slice':2}}}", "tags",
            "['cloud','database']"),
        Arguments.of("push with sort", "{'tags':{'$push':{'$each':['b'],'$sort':1}}}", "tags",
            "['b','cloud','database']"),
        Arguments.of("pop", "{'tags':{'$pop':true}}", "tags", "['cloud']"),
        Arguments.of("shift", "{'tags':{'$shift':true}}", "tags", "['database']"),
        Arguments.of("unshift", "{'tags':{'$unshift':{'$each':['x','y']}}}", "tags",
            "['x','y','cloud','database']"),
        Arguments.of("addToSet skips present values", "{'tags':{'$addToSet':{'$each':['cloud','new']}}}",
            "tags", "['cloud','database','new']"),
        Arguments.of("pull a value", "{'tags':{'$pull':'cloud'}}", "tags", "['database']"),
        Arguments.of("pull by a condition", "{'places':{'$pull':{'days':{'$gt':2}}}}", "places",
            "[{'city':'Shanghai','days':1}]"),
        Arguments.of("pullAll", "{'tags':{'$pullAll':['cloud','database']}}", "tags", "[]"),
        Arguments.of("serverDate", "{'at':{'$set':{'$serverDate':{'offset':100}}}}", "at", "{'$date':5100}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("updates")
  void updateCommandsChangeTheDocumentAsDocumented(String command, String update, String field, String expected) {
    assertThat(db.update("todos", j("{'_id':'t1'}"), j(update))).isEqualTo(1);
    ObjectNode doc = db.get("todos", "t1").orElseThrow();
    if (expected == null) {
      assertThat(doc.has(field)).as(command).isFalse();
    } else {
      assertThat(doc.get(field).toString()).as(command).isEqualTo(j("{'v':" + expected + "}").get("v").toString());
    }
  }

  @Test
  void orderSkipLimitAndFieldShapeTheResult() {
    List<ObjectNode> page = db.find("todos", new CloudDatabase.Find(j("{}"),
        List.of(new CloudDatabase.Order("progress", false)), 1, 2, j("{'progress':true}")));
    assertThat(page).containsExactly(j("{'_id':'t2','progress':60}"), j("{'_id':'t4','progress':50}"));
    List<ObjectNode> without = db.find("todos", new CloudDatabase.Find(j("{'_id':'t4'}"), List.of(), 0, 0,
        j("{'tags':false,'owner':false}")));
    assertThat(without).containsExactly(j("{'_id':'t4','description':'read the docs','progress':50,'done':true}"));
    List<String> byTwoKeys = db.find("todos", new CloudDatabase.Find(j("{}"),
        List.of(new CloudDatabase.Order("done", true), new CloudDatabase.Order("progress", false)), 0, 0, null))
        .stream().map(d -> d.get("_id").asText()).toList();
    assertThat(byTwoKeys).containsExactly("t2", "t1", "t3", "t4");
  }

  @Test
  void addGivesThirtyTwoHexIdsAndDataPersistsAcrossInstances() {
    String id = db.add("todos", j("{'description':'new','at':{'$serverDate':{}}}"));
    assertThat(id).matches("[0-9a-f]{32}");
    assertThat(db.set("todos", "t9", j("{'x':1}"))).isTrue();
    assertThat(db.set("todos", "t9", j("{'x':2}"))).isFalse();
    assertThat(db.remove("todos", j("{'_id':'t4'}"))).isEqualTo(1);
    CloudDatabase reopened = open(System::currentTimeMillis, new Random(2));
    assertThat(reopened.get("todos", id).orElseThrow().get("at").toString()).isEqualTo("{\"$date\":5000}");
    assertThat(reopened.get("todos", "t9").orElseThrow()).isEqualTo(j("{'_id':'t9','x':2}"));
    assertThat(reopened.get("todos", "t4")).isEmpty();
    assertThat(reopened.count("todos", j("{}"))).isEqualTo(5);
    assertThat(reopened.collections()).containsExactly("todos");
    if (engine == CloudEngines.Engine.EMBEDDED) {
      assertThat(dir.resolve("todos.jsonl")).exists();
    }
  }

  @Test
  void anAddTornByACrashIsDroppedAndTheFileStaysAppendable() throws Exception {
    assumeTrue(engine == CloudEngines.Engine.EMBEDDED, "a file of the embedded engine");
    Path file = dir.resolve("todos.jsonl");
    Files.writeString(file, "{\"_id\":\"half", StandardOpenOption.APPEND);
    JsonLinesDatabase reopened = new JsonLinesDatabase(dir, () -> 6000L, new Random(3));
    assertThat(reopened.count("todos", j("{}"))).isEqualTo(4);
    reopened.add("todos", j("{'_id':'t5'}"));
    JsonLinesDatabase again = new JsonLinesDatabase(dir, () -> 7000L, new Random(4));
    assertThat(again.find("todos", CloudDatabase.Find.where(j("{}"))).stream().map(d -> d.get("_id").asText()))
        .containsExactly("t1", "t2", "t3", "t4", "t5");
  }

  @Test
  void addAllWritesManyAtOnceAndReplacesOnlyWhenAsked() {
    assertThat(db.addAll("todos", List.of(j("{'_id':'t5','n':5}"), j("{'_id':'t1','n':1}"), j("{'n':0}")), true))
        .isEqualTo(3);
    assertThat(db.get("todos", "t1").orElseThrow()).isEqualTo(j("{'_id':'t1','n':1}"));
    assertThat(db.count("todos", j("{}"))).isEqualTo(6);
    assertThat(db.find("todos", CloudDatabase.Find.where(j("{'n':0}"))).get(0).get("_id").asText())
        .matches("[0-9a-f]{32}");
    assertThatThrownBy(() -> db.addAll("todos", List.of(j("{'_id':'t2'}")), false)).isInstanceOf(CloudError.class)
        .hasMessage("duplicate key error: _id t2 already exists");
    CloudDatabase reopened = open(() -> 0L, new Random(5));
    assertThat(reopened.get("todos", "t5").orElseThrow()).isEqualTo(j("{'_id':'t5','n':5}"));
    assertThat(reopened.count("todos", j("{}"))).isEqualTo(6);
  }

  @Test
  void badInputFailsWithAReasonNotACrash() {
    assertThatThrownBy(() -> db.add("todos", j("{'_id':'t1'}"))).isInstanceOf(CloudError.class);
    assertThatThrownBy(() -> db.update("todos", j("{}"), j("{'_id':{'$set':'x'}}")))
        .isInstanceOf(CloudError.class);
    assertThatThrownBy(() -> db.update("todos", j("{'_id':'t1'}"), j("{'description':{'$inc':1}}")))
        .isInstanceOf(CloudError.class);
    assertThat(db.get("todos", "t1").orElseThrow().get("description").asText()).isEqualTo("learn cloud database");
    assertThatThrownBy(() -> db.find("../x", CloudDatabase.Find.where(j("{}")))).isInstanceOf(CloudError.class);
    assertThatThrownBy(() -> db.count("todos", j("{'a':{'$regex':'('}}"))).isInstanceOf(CloudError.class);
  }
}
