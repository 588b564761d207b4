package dev.sparrow.apis.cloud;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * The engines the cloud table tests run on, and the MongoDB server a test class shares: mongo-java-server's in-memory
 * backend on 127.0.0.1, or the real server {@code SPARROW_TEST_MONGODB} names ({@code mongodb://127.0.0.1:27017}).
 */
final class CloudEngines implements AutoCloseable {
  enum Engine { EMBEDDED, MONGODB }

  private final MongoServer server;
  private final MongoClient client;

  private CloudEngines(MongoServer server, MongoClient client) {
    this.server = server;
    this.client = client;
  }

  /** Connects to the server {@code SPARROW_TEST_MONGODB} names, or starts an in-memory one. */
  static CloudEngines start() {
    String real = System.getenv("SPARROW_TEST_MONGODB");
    if (real != null && !real.isBlank()) {
      return new CloudEngines(null, MongoClients.create(real));
    }
    MongoServer server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", 0);
    return new CloudEngines(server, MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort()));
  }

  /** {@code engine} over a test's data: the files under {@code dir}, or the MongoDB {@code database}. */
  CloudDatabase open(Engine engine, Path dir, String database, LongSupplier clock, Random random) {
    return engine == Engine.EMBEDDED ? new JsonLinesDatabase(dir, clock, random)
        : new MongoCloudDatabase(client.getDatabase(database), clock, random);
  }

  /** True for mongo-java-server, false for a real server. */
  boolean inMemory() {
    return server != null;
  }

  /** Drops a test's MongoDB database. */
  void drop(String database) {
    client.getDatabase(database).drop();
  }

  @Override
  public void close() {
    client.close();
    if (server != null) {
      server.shutdownNow();
    }
  }
}
