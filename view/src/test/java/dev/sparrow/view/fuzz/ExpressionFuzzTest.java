package dev.sparrow.view.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparrow.view.data.DataPath;
import dev.sparrow.view.expr.ExprSyntaxException;
import dev.sparrow.view.expr.Interpolation;
import dev.sparrow.view.expr.Js;
import dev.sparrow.view.expr.Scope;
import dev.sparrow.view.query.Selector;

/**
 * Any {@code {{ }}} text either parses (and then evaluates against any JSON data without throwing) or fails with
 * an {@link ExprSyntaxException} whose offset lies inside the text. Data paths and selectors fail only with
 * {@link IllegalArgumentException}.
 */
class ExpressionFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @FuzzTest(maxDuration = "60s")
  void expressionsParseOrFailAtAnOffsetAndNeverThrowWhenEvaluated(FuzzedDataProvider data) throws Exception {
    String text = data.consumeString(500);
    boolean objectBody = data.consumeBoolean();
    JsonNode json;
    try {
      json = JSON.readTree(data.consumeRemainingAsString());
    } catch (Exception e) {
      json = JSON.createObjectNode();
    }
    Interpolation parsed;
    try {
      parsed = Interpolation.parse(text, objectBody);
    } catch (ExprSyntaxException e) {
      assertThat(e.offset()).isBetween(0, text.length());
      return;
    }
    JsonNode env = json;
    Scope scope = name -> env != null && env.isObject() && env.has(name) ? env.get(name) : Js.UNDEFINED;
    parsed.evaluate(scope);
    parsed.evaluateString(scope);
  }

  @FuzzTest(maxDuration = "60s")
  void dataPathsAndSelectorsFailOnlyWithIllegalArgument(FuzzedDataProvider data) {
    String s = data.consumeRemainingAsString();
    try {
      DataPath.parse(s).apply(JSON.createObjectNode(), Js.NULL);
    } catch (IllegalArgumentException expected) {
      // malformed path
    }
    try {
      Selector.parse(s);
    } catch (IllegalArgumentException expected) {
      // malformed selector
    }
  }
}
