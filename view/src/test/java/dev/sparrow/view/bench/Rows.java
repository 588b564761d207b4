package dev.sparrow.view.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.view.ViewSources;
import dev.sparrow.view.template.CompiledPage;
import dev.sparrow.view.template.WxmlCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The benchmark page (src/test/resources/bench/rows.wxml) and its data; bench-render.js builds the same data. */
public final class Rows {
  private Rows() {}

  public static String template() {
    try (InputStream in = Rows.class.getResourceAsStream("/bench/rows.wxml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static CompiledPage compile() {
    return new WxmlCompiler(ViewSources.of(Map.of("index.wxml", template()))).compile("index");
  }

  /** {@code rows[i] = {id: i, title: "Item i", price: i % 7 + 0.5, qty: i % 3 + 1, done: i % 4 == 0}}. */
  public static ObjectNode data(int n) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    ArrayNode rows = data.putArray("rows");
    for (int i = 0; i < n; i++) {
      rows.addObject().put("id", i).put("title", "Item " + i).put("price", i % 7 + 0.5).put("qty", i % 3 + 1)
          .put("done", i % 4 == 0);
    }
    return data;
  }
}
