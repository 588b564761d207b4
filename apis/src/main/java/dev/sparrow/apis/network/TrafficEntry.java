package dev.sparrow.apis.network;

/**
 * One finished network task as the session's traffic log records it. {@code url} is the URL the
 * page wrote (with its query); {@code mappedTo} names the address a host mapping sent it to.
 *
 * @param api {@code request}, {@code uploadFile}, {@code downloadFile} or {@code connectSocket}
 * @param status the HTTP status (101 for an opened socket), or 0 when none arrived
 * @param protocol {@code http1.1}, {@code h2}, {@code websocket}, or empty
 * @param requestBytes body bytes sent (socket: message bytes sent)
 * @param responseBytes body bytes received (socket: message bytes received)
 * @param startedAt session-clock time of the start, ms since the epoch
 * @param queuedMillis time spent waiting for one of the 10 slots
 * @param headersMillis from start to response headers (-1 if none)
 * @param durationMillis from start to end
 * @param error the fail reason ({@code timeout}, {@code abort}, {@code net::ERR_…}), or null
 * @param note extra facts (socket close code and reason, cache hits, redirects)
 */
public record TrafficEntry(
    long id,
    String api,
    String method,
    String url,
    String mappedTo,
    int status,
    String protocol,
    long requestBytes,
    long responseBytes,
    long startedAt,
    long queuedMillis,
    long headersMillis,
    long durationMillis,
    String error,
    String note) {

  /** One line for logs: {@code GET https://x/y -> 200 (123 B, 4 ms)}. */
  @Override
  public String toString() {
    return api + " " + method + " " + url + (mappedTo == null ? "" : " [via " + mappedTo + "]") + " -> "
        + (error != null ? "fail " + error : String.valueOf(status)) + " (" + requestBytes + " B up, " + responseBytes + " B down, "
        + durationMillis + " ms" + (note == null ? "" : ", " + note) + ")";
  }
}
