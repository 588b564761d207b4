package dev.sparrow.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.apis.cloud.CloudDatabase;
import dev.sparrow.apis.cloud.CloudIndex;
import java.util.List;

/**
 * The cloud benches' {@code where} over the 10,000-document collection {@code big} ({@code n} 0–9,999, {@code city}
 * of 4, {@code score} 0–999, two {@code tags} of 10), in one engine alone: each query timed without indexes, then
 * again after {@link #INDEXES} are declared (the answers checked equal). Rows are printed as {@link Rounds} prints.
 */
final class CloudWhere {
  /** What a team would declare for these queries in cloud/database.json. */
  static final List<CloudIndex> INDEXES = List.of(
      new CloudIndex("by_score", List.of(new CloudIndex.Key("score", false)), false),
      new CloudIndex("by_n", List.of(new CloudIndex.Key("n", true)), true),
      new CloudIndex("by_city", List.of(new CloudIndex.Key("city", true)), false));

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<Query> QUERIES = List.of(
      new Query("where({n: 4242}) (one document)", find("{\"n\": 4242}", null, 0)),
      new Query("where({score: _.gte(990)}) (about 1 %)", find("{\"score\": {\"$gte\": 990}}", null, 0)),
      new Query("where({city, score: _.gte(500), tags: 't3'}).orderBy('score', 'desc').limit(20)",
          find("{\"city\": \"Shanghai\", \"score\": {\"$gte\": 500}, \"tags\": \"t3\"}", "score", 20)),
      new Query("orderBy('score', 'desc').limit(20) (no filter)", find("{}", "score", 20)));

  /** Label and query. */
  private record Query(String label, CloudDatabase.Find find) {}

  private CloudWhere() {}

  private static CloudDatabase.Find find(String where, String descending, int limit) {
    try {
      return new CloudDatabase.Find((ObjectNode) JSON.readTree(where),
          descending == null ? List.of() : List.of(new CloudDatabase.Order(descending, false)), 0, limit, null);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(where, e);
    }
  }

  /**
   * Times each query on {@code big} in {@code plain} (no index) and in {@code indexed} (the same documents, given
   * {@link #INDEXES} here), round by round; the answers are checked equal first.
   */
  static void time(String engine, CloudDatabase plain, CloudDatabase indexed, int rounds) {
    INDEXES.forEach(index -> indexed.createIndex("big", index));
    for (Query q : QUERIES) {
      List<ObjectNode> expected = plain.find("big", q.find());
      if (expected.isEmpty() || !indexed.find("big", q.find()).equals(expected)) {
        throw new IllegalStateException("no answer, or the index changed it: " + q.label());
      }
      Rounds.interleaved(List.of(engine + ", no index: " + q.label(), engine + ", with indexes: " + q.label()), 5,
          rounds, List.of(i -> plain.find("big", q.find()), i -> indexed.find("big", q.find())));
    }
  }
}
