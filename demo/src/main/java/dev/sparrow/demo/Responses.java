package dev.sparrow.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writing whole answers from the backend's handlers. */
final class Responses {
  static final ObjectMapper JSON = new ObjectMapper();

  private Responses() {}

  static void bytes(Response response, Callback callback, int status, String contentType, byte[] body) {
    response.setStatus(status);
    if (contentType != null) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    }
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  static void text(Response response, Callback callback, int status, String contentType, String body) {
    bytes(response, callback, status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  static void json(Response response, Callback callback, int status, Object value) {
    try {
      bytes(response, callback, status, "application/json;charset=utf-8", JSON.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      callback.failed(e);
    }
  }
}
