package dev.sparrow.apis.cloud;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The cloud environments open in this process, one {@link CloudStore} per key (a data folder's appid and env,
 * or a MongoDB database): every session handed the same registry shares one store per environment, so two live
 * sessions of one app see each other's writes and {@code watch} events. Not a JVM-wide static: whoever runs
 * several sessions hands one registry to each (SessionOptions.cloudStores); a session left without one gets its
 * own.
 */
public final class CloudStores implements AutoCloseable {
  private final Map<String, CloudStore> stores = new HashMap<>();

  /** The store under {@code key}, made from {@code open} on first use. */
  public synchronized CloudStore open(String key, Supplier<CloudDatabase> open) {
    return stores.computeIfAbsent(key, k -> new CloudStore(open.get()));
  }

  /** Closes every store ({@link CloudStore#close}: the embedded engine's files compacted); they stay usable. */
  @Override
  public synchronized void close() {
    stores.values().forEach(CloudStore::close);
  }
}
