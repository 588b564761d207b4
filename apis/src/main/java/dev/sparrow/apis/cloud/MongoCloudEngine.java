package dev.sparrow.apis.cloud;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Cloud environments in a MongoDB server, named by a connection string such as
 * {@code mongodb://127.0.0.1:27017} (CLI {@code --cloud-db}). Each environment is one database named after the
 * environment id, as in WeChat where an environment id is unique across apps; a database in the string
 * ({@code mongodb://host/ci42}) is a prefix ({@code ci42_<env>}) so that runs can keep apart on one server. The
 * engine owns the client: close it when the sessions using it are done.
 */
public final class MongoCloudEngine implements CloudEngine, AutoCloseable {
  /** MongoDB's limit on database names, in characters. */
  private static final int NAME_LIMIT = 63;
  private static final int DEFAULT_SELECTION_SECONDS = 5;

  private final MongoClient client;
  private final String prefix;
  private final LongSupplier clock;
  private final Random random;

  private MongoCloudEngine(MongoClient client, String prefix, LongSupplier epochMillis, Random random) {
    this.client = client;
    this.prefix = prefix;
    this.clock = epochMillis;
    this.random = random;
  }

  /**
   * Connects lazily (the server is reached on the first call); ids from {@code random}. A call waits at most
   * {@code serverSelectionTimeoutMS} for an unreachable server (5 s unless the string says; the driver's own
   * default is 30 s, long for a page whose database call holds its event loop).
   */
  public static MongoCloudEngine connect(String uri, LongSupplier epochMillis, Random random) {
    ConnectionString cs = new ConnectionString(uri);
    MongoClientSettings.Builder settings = MongoClientSettings.builder().applyConnectionString(cs);
    if (cs.getServerSelectionTimeout() == null) {
      settings.applyToClusterSettings(c -> c.serverSelectionTimeout(DEFAULT_SELECTION_SECONDS, TimeUnit.SECONDS));
    }
    return new MongoCloudEngine(MongoClients.create(settings.build()), cs.getDatabase(), epochMillis, random);
  }

  /** The database that holds environment {@code env}. */
  public String databaseName(String env) {
    String name = prefix == null || prefix.isEmpty() ? env : prefix + "_" + env;
    if (name.length() > NAME_LIMIT) {
      throw CloudError.invalid("env " + env + " is too long for a MongoDB database name");
    }
    return name;
  }

  @Override
  public CloudDatabase open(String appId, String env) {
    return new MongoCloudDatabase(client.getDatabase(databaseName(env)), clock, random);
  }

  @Override
  public void close() {
    client.close();
  }
}
