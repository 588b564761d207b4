package dev.sparrow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sparrow cloud import|export}: a fixture file goes into the store the project's sessions read (the data
 * dir, or a MongoDB server through {@code --cloud-db}) and comes back out byte for byte.
 */
class CloudCommandTest {
  private static final String FIXTURE = "{\"_id\":\"n1\",\"text\":\"买牛奶\",\"likes\":3,"
      + "\"at\":{\"$date\":\"2018-08-31T17:30:00.882Z\"},\"_openid\":\"oUserAlice000000000000000001\"}\n"
      + "{\"_id\":\"n2\",\"text\":\"write docs\",\"likes\":0.5,\"tags\":[\"a\",{\"b\":null}]}\n";

  @TempDir
  Path dir;

  @Test
  void importThenExportGivesTheFileBackAndTheAppSeesTheDocuments() throws Exception {
    String project = CliTest.example("cloud-notes");
    Path in = Files.writeString(dir.resolve("notes.json"), FIXTURE, StandardCharsets.UTF_8);
    Path data = dir.resolve("data");
    CliTest.Result imported = CliTest.run("--data-dir", data.toString(), "cloud", "import", project, "--env",
        "notes-dev", "--collection", "notes", in.toString());
    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(imported.err()).contains("imported 2 documents (notes-dev/notes)");
    Path out = dir.resolve("out.json");
    CliTest.Result exported = CliTest.run("--data-dir", data.toString(), "cloud", "export", project, "--env",
        "notes-dev", "--collection", "notes", out.toString());
    assertThat(exported.code()).as(exported.err()).isZero();
    assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(in));
    assertThat(data.resolve("wxsparrowcloud01/cloud/notes-dev/notes.jsonl")).exists();
    CliTest.Result again = CliTest.run("--data-dir", data.toString(), "cloud", "import", project, "--env",
        "notes-dev", "--collection", "notes", in.toString());
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("line 1: _id n1 already exists");
    CliTest.Result stdout = CliTest.run("--data-dir", data.toString(), "cloud", "export", project, "--env",
        "notes-dev", "--collection", "notes", "-");
    assertThat(stdout.out()).isEqualTo(FIXTURE);
  }

  @Test
  void anImportWhileASessionRunsReachesThatSessionAndItsWritesKeepTheImport() throws Exception {
    String project = CliTest.example("cloud-notes");
    Path data = dir.resolve("data");
    String texts = "function () { return wx.cloud.database().collection('notes').orderBy('text', 'asc').get()"
        + ".then(r => r.data.map(d => d.text)) }";
    try (Session s = Sparrow.launch(SessionOptions.of(Path.of(project)).dataDir(data).virtualClock()
        .cloudOpenid("oUserAlice000000000000000001")).awaitIdle()) {
      String id = (String) s.evaluate("function () { return wx.cloud.database().collection('notes')"
          + ".add({ data: { text: 'from the page' } }).then(r => r._id) }");
      assertThat(s.evaluate(texts)).isEqualTo(List.of("from the page"));

      Path in = Files.writeString(dir.resolve("notes.json"), FIXTURE, StandardCharsets.UTF_8);
      CliTest.Result imported = CliTest.run("--data-dir", data.toString(), "cloud", "import", project, "--env",
          "notes-dev", "--collection", "notes", in.toString());
      assertThat(imported.code()).as(imported.err()).isZero();
      // the running session reads the file again at its next access (n2 has no _openid: not Alice's to read)
      assertThat(s.evaluate(texts)).isEqualTo(List.of("from the page", "买牛奶"));

      Path changed = Files.writeString(dir.resolve("changed.json"), FIXTURE.replace("买牛奶", "buy bread"),
          StandardCharsets.UTF_8);
      CliTest.Result upserted = CliTest.run("--data-dir", data.toString(), "cloud", "import", project, "--env",
          "notes-dev", "--collection", "notes", "--mode", "upsert", changed.toString());
      assertThat(upserted.code()).as(upserted.err()).isZero();
      assertThat(s.evaluate(texts)).isEqualTo(List.of("buy bread", "from the page"));

      // the session's next write rewrites the collection file: the imported documents stay
      assertThat(s.evaluate("function (id) { return wx.cloud.database().collection('notes').doc(id)"
          + ".update({ data: { done: true } }).then(r => r.stats.updated) }", id)).isEqualTo(1);
    }
    CliTest.Result exported = CliTest.run("--data-dir", data.toString(), "cloud", "export", project, "--env",
        "notes-dev", "--collection", "notes", "-");
    assertThat(exported.out().lines().toList()).hasSize(3).anyMatch(l -> l.contains("\"done\":true"))
        .anyMatch(l -> l.contains("buy bread")).anyMatch(l -> l.contains("write docs"));
  }

  @Test
  void withCloudDbTheDocumentsGoToTheMongoDbServer() throws Exception {
    MongoServer server = new MongoServer(new MemoryBackend());
    try {
      server.bind("127.0.0.1", 0);
      String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/ci1";
      String project = CliTest.example("cloud-notes");
      Path in = Files.writeString(dir.resolve("notes.json"), FIXTURE, StandardCharsets.UTF_8);
      CliTest.Result imported = CliTest.run("--cloud-db", uri, "cloud", "import", project, "--env", "notes-dev",
          "--collection", "notes", in.toString());
      assertThat(imported.code()).as(imported.err()).isZero();
      Path out = dir.resolve("out.json");
      CliTest.Result exported = CliTest.run("cloud", "export", project, "--env", "notes-dev", "--collection",
          "notes", "--cloud-db", uri, out.toString());
      assertThat(exported.code()).as(exported.err()).isZero();
      assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(in));
      assertThat(CliTest.run("--cloud-db", "http://x", "cloud", "export", project, "--env", "e", "--collection",
          "c", "-").err()).contains("--cloud-db takes a mongodb:// connection string");
    } finally {
      server.shutdownNow();
    }
  }
}
