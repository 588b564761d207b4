package dev.sparrow.view.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs {@code src/test/oracle/wcc-oracle.js} (WeChat's wcc) over a batch of cases through {@link NodeOracle}. */
final class WccOracle {
  private static final ObjectMapper JSON = new ObjectMapper();

  private WccOracle() {}

  /** WeChat's result per case name: {@code {"tree": ...}} or {@code {"error": "..."}}. */
  static Map<String, JsonNode> render(List<OracleCase> cases) throws IOException, InterruptedException {
    ArrayNode arr = JSON.createArrayNode();
    for (OracleCase c : cases) {
      ObjectNode o = arr.addObject();
      o.put("name", c.name());
      ObjectNode files = o.putObject("files");
      c.files().forEach(files::put);
      o.set("data", JSON.readTree(c.data()));
    }
    Map<String, JsonNode> results = new HashMap<>();
    for (JsonNode r : NodeOracle.call("wcc-oracle.js", arr)) {
      results.put(r.get("name").asText(), r);
    }
    return results;
  }
}
