package dev.sparrow.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code https://www.baidu.com/}: a small home page (the demo's "fetch an HTML page" topic). */
final class HomePageSite extends Handler.Abstract {
  private final byte[] page;

  HomePageSite() {
    try (InputStream in = HomePageSite.class.getResourceAsStream("www.baidu.com.html")) {
      page = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    if (!path.equals("/") && !path.equals("/index.html")) {
      Responses.text(response, callback, 404, "text/html;charset=utf-8", "<!DOCTYPE html><title>404</title><h1>404 Not Found</h1>");
      return true;
    }
    response.getHeaders().put("Cache-Control", "private, no-cache");
    Responses.bytes(response, callback, 200, "text/html;charset=utf-8", page);
    return true;
  }
}
