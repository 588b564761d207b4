package dev.sparrow.apis.cloud;

/**
 * Where the cloud environments of mini programs live: opens the database of one environment of one appid.
 * The default is the embedded {@link JsonLinesDatabase} under the data dir; {@link MongoCloudEngine} puts every
 * environment in a MongoDB server that several processes (CI runners) share.
 */
@FunctionalInterface
public interface CloudEngine {
  CloudDatabase open(String appId, String env);
}
