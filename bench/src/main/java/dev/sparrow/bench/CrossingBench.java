package dev.sparrow.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * The ways a 1,000-row {@code setData} payload can cross from page JS to the view's Jackson tree, each timed alone
 * (CPU time of this thread per payload) in a GraalJS context as the runtime runs it (interpreter on a stock JDK):
 * {@code JSON.stringify} (which WeChat's 1 MB rule needs anyway), handing that text to a Java method, Jackson's
 * {@code readTree}, a hand-written streaming build of the same tree, and Java walking the JS object through polyglot
 * {@link Value}s into the same tree with no text at all. The rows are those of {@link SetDataBench}'s fill. Run with
 * the launcher's flags: {@code BENCH_JAVA_OPTS='-XX:TieredStopAtLevel=1 -XX:+UseSerialGC' bench/run CrossingBench 100}.
 *
 * <p>{@code bench/run CrossingBench [payloads per round]}
 */
public final class CrossingBench {
  private static final String SETUP = """
      var fresh = (tag) => {
        const rows = []
        for (let i = 0; i < 1000; i++) {
          rows.push({ id: i, title: tag + ' ' + i, price: i % 50, qty: 2, done: i % 7 == 0 })
        }
        return rows
      }
      var make = (n) => { const out = []; for (let i = 0; i < n; i++) out.push({ rows: fresh('R' + i) }); return out }
      var stringify = (ps) => { let n = 0; for (const p of ps) n += JSON.stringify(p).length; return n }
      var handOver = (ps, sink) => { for (const p of ps) sink.take(JSON.stringify(p)) }
      """;

  private final ObjectMapper json = new ObjectMapper();
  private final JsonFactory factory = json.getFactory();
  private final JsonNodeFactory nodes = JsonNodeFactory.instance;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  /** The Java method page JS hands the text to. */
  public static final class Sink {
    private String last;

    @HostAccess.Export
    public void take(String text) {
      last = text;
    }
  }

  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    new CrossingBench().run(n);
  }

  private void run(int n) throws IOException {
    try (Context js = Context.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build()) {
      js.eval("js", SETUP);
      Value fns = js.getBindings("js");
      Sink sink = new Sink();
      for (int round = 0; round < 4; round++) {
        Value payloads = fns.getMember("make").execute(n);
        long t0 = cpu();
        fns.getMember("stringify").execute(payloads);
        long t1 = cpu();
        fns.getMember("handOver").execute(payloads, sink);
        long t2 = cpu();
        String text = sink.last;
        for (int i = 0; i < n; i++) {
          json.readTree(text);
        }
        long t3 = cpu();
        for (int i = 0; i < n; i++) {
          stream(text);
        }
        long t4 = cpu();
        for (int i = 0; i < n; i++) {
          walk(payloads.getArrayElement(i));
        }
        long t5 = cpu();
        if (!json.readTree(text).equals(stream(text)) || !stream(text).equals(walk(payloads.getArrayElement(n - 1)))) {
          throw new IllegalStateException("the three trees differ");
        }
        System.out.printf("round %d, %d chars, CPU per payload: JSON.stringify %.3f ms; stringify + hand to Java %.3f;"
            + " Jackson readTree %.3f; streaming build %.3f; polyglot Value walk %.3f%n", round, text.length(),
            ms(t1 - t0, n), ms(t2 - t1, n), ms(t3 - t2, n), ms(t4 - t3, n), ms(t5 - t4, n));
      }
    }
  }

  private long cpu() {
    return threads.getCurrentThreadCpuTime();
  }

  private static double ms(long nanos, int n) {
    return nanos / 1e6 / n;
  }

  private ObjectNode stream(String text) throws IOException {
    try (JsonParser p = factory.createParser(text)) {
      return (ObjectNode) value(p, p.nextToken());
    }
  }

  private JsonNode value(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT -> {
        ObjectNode o = nodes.objectNode();
        for (String k = p.nextFieldName(); k != null; k = p.nextFieldName()) {
          o.set(k, value(p, p.nextToken()));
        }
        return o;
      }
      case START_ARRAY -> {
        ArrayNode a = nodes.arrayNode();
        for (JsonToken x = p.nextToken(); x != JsonToken.END_ARRAY; x = p.nextToken()) {
          a.add(value(p, x));
        }
        return a;
      }
      case VALUE_STRING -> {
        return TextNode.valueOf(p.getText());
      }
      case VALUE_NUMBER_INT -> {
        return p.getNumberType() == JsonParser.NumberType.INT ? IntNode.valueOf(p.getIntValue())
            : LongNode.valueOf(p.getLongValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return DoubleNode.valueOf(p.getDoubleValue());
      }
      case VALUE_TRUE -> {
        return BooleanNode.TRUE;
      }
      case VALUE_FALSE -> {
        return BooleanNode.FALSE;
      }
      default -> {
        return NullNode.instance;
      }
    }
  }

  private JsonNode walk(Value v) {
    if (v.isNull()) {
      return NullNode.instance;
    }
    if (v.isBoolean()) {
      return BooleanNode.valueOf(v.asBoolean());
    }
    if (v.isString()) {
      return TextNode.valueOf(v.asString());
    }
    if (v.isNumber()) {
      return v.fitsInInt() ? IntNode.valueOf(v.asInt()) : DoubleNode.valueOf(v.asDouble());
    }
    if (v.hasArrayElements()) {
      ArrayNode a = nodes.arrayNode();
      for (long i = 0; i < v.getArraySize(); i++) {
        a.add(walk(v.getArrayElement(i)));
      }
      return a;
    }
    ObjectNode o = nodes.objectNode();
    for (String k : v.getMemberKeys()) {
      o.set(k, walk(v.getMember(k)));
    }
    return o;
  }
}
