package dev.sparrow.apis.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link MongoCloudEngine}: environment databases, and a server that is not there. */
class MongoCloudEngineTest {
  @Test
  void eachEnvironmentIsADatabaseThePrefixOfTheUriKeepsRunsApart() {
    try (MongoCloudEngine plain = MongoCloudEngine.connect("mongodb://127.0.0.1:1", () -> 0L, new Random(1));
        MongoCloudEngine prefixed = MongoCloudEngine.connect("mongodb://127.0.0.1:1/run42", () -> 0L, new Random(1))) {
      assertThat(plain.databaseName("prod-3g2kd93")).isEqualTo("prod-3g2kd93");
      assertThat(prefixed.databaseName("prod-3g2kd93")).isEqualTo("run42_prod-3g2kd93");
      assertThatThrownBy(() -> prefixed.databaseName("e".repeat(64))).isInstanceOf(CloudError.class)
          .hasMessageContaining("too long for a MongoDB database name");
    }
  }

  @Test
  void anUnreachableServerIsAStorageFailureNotAHang() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    try (MongoCloudEngine engine = MongoCloudEngine.connect("mongodb://127.0.0.1:" + port
        + "/?serverSelectionTimeoutMS=300&connectTimeoutMS=300", () -> 0L, new Random(1))) {
      CloudDatabase db = engine.open("wxapp", "dev");
      assertThatThrownBy(() -> db.count("notes", new ObjectMapper().createObjectNode()))
          .isInstanceOf(UncheckedIOException.class).hasMessageStartingWith("java.io.IOException: MongoDB: ");
    }
  }
}
