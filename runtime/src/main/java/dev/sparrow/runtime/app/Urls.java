package dev.sparrow.runtime.app;

import dev.sparrow.runtime.project.ProjectFiles;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Page URLs as the routing APIs take them: {@code /pages/a/a?x=1} (from the package root) or
 * {@code ../b/b?y=2} (from the current page's folder). Query values are kept as written — WeChat
 * does not URL-decode them (see docs/decisions.md).
 */
public final class Urls {
  private Urls() {}

  /** A page route and its query. {@code route} is null when the path climbs out of the package. */
  public record Target(String route, Map<String, String> query) {}

  public static Target parse(String url, String currentRoute) {
    String path = url;
    String queryText = "";
    int q = url.indexOf('?');
    if (q >= 0) {
      path = url.substring(0, q);
      queryText = url.substring(q + 1);
    }
    int hash = queryText.indexOf('#');
    if (hash >= 0) {
      queryText = queryText.substring(0, hash);
    }
    String dir = "";
    if (!path.startsWith("/") && currentRoute != null && currentRoute.lastIndexOf('/') >= 0) {
      dir = currentRoute.substring(0, currentRoute.lastIndexOf('/') + 1);
    }
    String route = ProjectFiles.normalise(path.startsWith("/") ? path : dir + path).orElse(null);
    if (route != null && route.endsWith(".html")) {
      route = route.substring(0, route.length() - 5);
    }
    return new Target(route, query(queryText));
  }

  /** {@code a=1&b=2} → {a=1, b=2}; a key without '=' maps to "". */
  public static Map<String, String> query(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq < 0) {
        out.put(pair, "");
      } else {
        out.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return out;
  }
}
