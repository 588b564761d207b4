package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.sparrow.apis.cloud.MongoCloudEngine;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code SessionOptions.cloudEngine} with a {@link MongoCloudEngine}: two sessions with their own data dirs (two
 * CI runners) share one cloud environment through a MongoDB server (mongo-java-server on 127.0.0.1), and nothing
 * of it is written under the data dirs.
 */
class CloudMongoEngineTest {
  @TempDir
  Path runnerA;
  @TempDir
  Path runnerB;
  private MongoServer server;
  private MongoCloudEngine engine;

  @BeforeEach
  void start() {
    server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", 0);
    int port = server.getLocalAddress().getPort();
    engine = MongoCloudEngine.connect("mongodb://127.0.0.1:" + port + "/ci7", System::currentTimeMillis,
        new SecureRandom());
  }

  @AfterEach
  void stop() {
    engine.close();
    server.shutdownNow();
  }

  private Session launch(Path dataDir) {
    return Sparrow.launch(SessionOptions.of(Examples.path("cloud-notes")).dataDir(dataDir).virtualClock()
        .cloudOpenid("oUserAlice000000000000000001").cloudEngine(engine)).awaitIdle();
  }

  private static List<String> notes(Session s) {
    return s.currentPage().selectAll(".note").stream().map(PageElement::text).toList();
  }

  @Test
  void twoRunnersWithTheirOwnDataDirsShareOneEnvironment() {
    Path appDir;
    try (Session a = launch(runnerA)) {
      appDir = a.dataDir();
      a.currentPage().selectAll("#add-milk").get(0).tap();
      a.awaitIdle();
      assertThat(notes(a)).containsExactly("buy milk");
      assertThat(a.cloudEnvironments()).containsExactly("notes-dev");
      assertThat(a.cloudDatabase("notes-dev").collections()).containsExactly("notes");
      assertThat(a.errors()).isEmpty();
    }
    try (Session b = launch(runnerB)) {
      assertThat(notes(b)).containsExactly("buy milk");
      assertThat(b.errors()).isEmpty();
    }
    assertThat(engine.databaseName("notes-dev")).isEqualTo("ci7_notes-dev");
    assertThat(appDir.resolve("cloud")).doesNotExist();
  }
}
