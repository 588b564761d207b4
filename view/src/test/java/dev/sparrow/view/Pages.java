package dev.sparrow.view;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.view.template.WxmlCompiler;
import java.util.Map;

/** Test helpers: pages from inline WXML and JSON written with single quotes. */
public final class Pages {
  public static final ObjectMapper JSON = new ObjectMapper();

  private Pages() {}

  /** Opens index.wxml with {@code data} (JSON, single quotes allowed) and a clock stuck at 42 ms. */
  public static PageView open(String wxml, String data) {
    return open(Map.of("index.wxml", wxml), data);
  }

  public static PageView open(Map<String, String> files, String data) {
    return PageView.open(new WxmlCompiler(ViewSources.of(files)).compile("index"), json(data), () -> 42);
  }

  public static ObjectNode json(String singleQuoted) {
    try {
      return (ObjectNode) JSON.readTree(singleQuoted.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
