package dev.sparrow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
