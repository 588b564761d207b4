package dev.sparrow.apis.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One environment folder written by two processes, as when {@code sparrow cloud import} runs while a session does:
 * a child JVM ({@link CloudImportChild}) imports with its own {@link JsonLinesDatabase} while this JVM's instance
 * (the running session's) reads and writes. The running instance sees the import at its next access, its own
 * writes afterwards keep the imported documents, concurrent writes of both lose nothing, and an import killed
 * mid-way leaves each batch whole or absent. Real files, real processes.
 */
class CloudFolderSharingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectNode ALL = JSON.createObjectNode();

  @TempDir
  Path env;

  private JsonLinesDatabase open() {
    return new JsonLinesDatabase(env, System::currentTimeMillis, new SecureRandom());
  }

  private static ObjectNode doc(String text) throws IOException {
    return (ObjectNode) JSON.readTree(text);
  }

  private Process child(String prefix, int rounds, int batch) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        CloudImportChild.class.getName(), env.toString(), "notes", prefix, String.valueOf(rounds),
        String.valueOf(batch));
    pb.redirectErrorStream(true);
    return pb.start();
  }

  /** The child's output up to {@code until} (or to its end when null); the child keeps running. */
  private static List<String> readUntil(BufferedReader out, String until) throws IOException {
    List<String> seen = new ArrayList<>();
    for (String line; (line = out.readLine()) != null; ) {
      seen.add(line);
      if (line.equals(until)) {
        break;
      }
    }
    return seen;
  }

  private static BufferedReader output(Process p) {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
  }

  private static List<String> ids(JsonLinesDatabase db) {
    return db.find("notes", CloudDatabase.Find.where(ALL)).stream().map(d -> d.get("_id").asText()).toList();
  }

  @Test
  void aRunningInstanceSeesAnotherProcesssImportAndKeepsItWhenItWritesNext() throws Exception {
    JsonLinesDatabase running = open();
    running.add("notes", doc("{\"_id\":\"mine\",\"text\":\"before\"}"));
    assertThat(running.count("notes", ALL)).isEqualTo(1);

    Process cli = child("cli", 1, 3);
    List<String> said = readUntil(output(cli), null);
    assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(cli.exitValue()).as(String.join("\n", said)).isZero();

    assertThat(running.count("notes", ALL)).isEqualTo(4);
    assertThat(running.get("notes", "cli-0-2")).map(d -> d.get("round").asInt()).contains(0);
    // a write that rewrites the whole file keeps what the other process added
    assertThat(running.update("notes", doc("{\"_id\":\"mine\"}"), doc("{\"text\":{\"$set\":\"after\"}}")))
        .isEqualTo(1);
    JsonLinesDatabase fresh = open();
    assertThat(ids(fresh)).containsExactly("mine", "cli-0-0", "cli-0-1", "cli-0-2");
    assertThat(fresh.get("notes", "mine")).map(d -> d.get("text").asText()).contains("after");
  }

  @Test
  void writesOfTwoProcessesAtOnceLoseNothing() throws Exception {
    JsonLinesDatabase running = open();
    running.add("notes", doc("{\"_id\":\"counter\",\"n\":0}"));
    Process cli = child("cli", 20, 50);
    BufferedReader out = output(cli);
    assertThat(readUntil(out, "ready")).contains("ready");
    for (int i = 0; i < 100; i++) {
      running.add("notes", doc("{\"_id\":\"own-" + i + "\"}"));
      if (i % 10 == 0) {
        running.update("notes", doc("{\"_id\":\"counter\"}"), doc("{\"n\":{\"$inc\":1}}"));
      }
    }
    List<String> said = readUntil(out, null);
    assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(cli.exitValue()).as(String.join("\n", said)).isZero();

    for (JsonLinesDatabase db : List.of(running, open())) {
      List<String> ids = ids(db);
      assertThat(ids).hasSize(1 + 100 + 20 * 50).doesNotHaveDuplicates();
      assertThat(ids).contains("own-0", "own-99", "cli-0-0", "cli-19-49");
      assertThat(db.get("notes", "counter")).map(d -> d.get("n").asInt()).contains(10);
    }
  }

  @Test
  void anImportKilledMidWayLeavesEachBatchWholeOrAbsent() throws Exception {
    int batch = 2000;
    Process cli = child("big", 1000, batch);
    int confirmed = 0;
    try (BufferedReader out = output(cli)) {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith("imported ")) {
          confirmed++;
        }
        if (line.equals("importing 3")) {
          cli.destroyForcibly(); // while the fourth batch is being checked or written
          break;
        }
      }
    } finally {
      cli.destroyForcibly();
      assertThat(cli.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(confirmed).isEqualTo(3);
    Map<Integer, Integer> perRound = new TreeMap<>();
    for (ObjectNode d : open().find("notes", CloudDatabase.Find.where(ALL))) {
      JsonNode round = d.get("round");
      perRound.merge(round.asInt(), 1, Integer::sum);
    }
    assertThat(perRound.keySet()).contains(0, 1, 2).isSubsetOf(0, 1, 2, 3);
    assertThat(perRound.values()).allMatch(n -> n == batch);
  }
}
