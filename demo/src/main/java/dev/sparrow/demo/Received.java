package dev.sparrow.demo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the demo backend received, oldest first, for tests and the simulator suite: uploads (as the
 * upload endpoint reported them), postcode queries, CDN requests (with their Range) and WebSocket
 * messages. Thread-safe.
 */
public final class Received {
  /** One uploaded file. */
  public record UploadedFile(String field, String fileName, String contentType, long size, String md5) {}

  /** One upload request: its form fields and files. */
  public record Upload(Map<String, String> fields, List<UploadedFile> files) {}

  /** A postcode query: {@code GET} or {@code POST} and the parameters the service read. */
  public record Query(String method, Map<String, String> params) {}

  /** A CDN request: method, path and the {@code Range} header (null without one); status answered. */
  public record Fetch(String method, String path, String range, int status) {}

  private final List<Upload> uploads = new CopyOnWriteArrayList<>();
  private final List<Query> queries = new CopyOnWriteArrayList<>();
  private final List<Fetch> fetches = new CopyOnWriteArrayList<>();
  private final List<String> messages = new CopyOnWriteArrayList<>();

  public List<Upload> uploads() {
    return List.copyOf(uploads);
  }

  public List<Query> queries() {
    return List.copyOf(queries);
  }

  public List<Fetch> fetches() {
    return List.copyOf(fetches);
  }

  /** WebSocket messages the echo server got: text as is, binary as {@code <binary N bytes>}. */
  public List<String> messages() {
    return List.copyOf(messages);
  }

  void upload(Upload u) {
    uploads.add(u);
  }

  void query(Query q) {
    queries.add(q);
  }

  void fetch(Fetch f) {
    fetches.add(f);
  }

  void message(String m) {
    messages.add(m);
  }

  /** Everything, as plain data (the backend's inspection endpoint answers it as JSON). */
  Map<String, Object> toMap() {
    return Map.of("uploads", uploads(), "queries", queries(), "fetches", fetches(), "messages", messages());
  }
}
