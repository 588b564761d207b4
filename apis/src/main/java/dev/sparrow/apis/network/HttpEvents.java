package dev.sparrow.apis.network;

/**
 * What an HTTP task tells its page while running (called from network threads; implementations
 * post to the session loop). Progress is reported when the whole percentage changes, and at the end.
 */
public interface HttpEvents {
  HttpEvents NONE = new HttpEvents() {};

  /** Response head arrived (before the body): {@code onHeadersReceived}. */
  default void headers(int status, Headers headers) {}

  /** One piece of the body with {@code enableChunked}: {@code onChunkReceived}. */
  default void chunk(byte[] data) {}

  /** Upload: bytes sent of the body; download: bytes written of the file ({@code total} 0 when unknown). */
  default void progress(int percent, long done, long total) {}
}
