package dev.sparrow.view.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every corpus case must render to the same tree as WeChat's own compiler, or fail to compile in both (then the
 * line numbers of the first error must agree; wcc's columns are 0-based and point elsewhere, so they are not
 * compared). Normalisation: see docs/view-oracle-differences.md.
 *
 * <p>Needs Node and npm; without them the test is skipped locally and fails on CI ({@code CI} set).
 */
class WccOracleTest {

  @TestFactory
  List<DynamicTest> sparrowRendersWhatWeChatRenders() throws Exception {
    NodeOracle.assumeAvailable("WXML oracle");
    List<OracleCase> cases = OracleCase.loadCorpus();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(200);
    Map<String, JsonNode> wechat = WccOracle.render(cases);
    List<DynamicTest> tests = new ArrayList<>();
    for (OracleCase c : cases) {
      tests.add(DynamicTest.dynamicTest(c.name(), () -> compare(c, wechat.get(c.name()))));
    }
    return tests;
  }

  private static void compare(OracleCase c, JsonNode theirs) throws Exception {
    JsonNode ours = SparrowSide.render(c);
    if (theirs.has("error")) {
      assertThat(ours.has("error"))
          .as("wcc rejects this template (%s) but Sparrow rendered %s", theirs.get("error").asText(),
              ours.get("tree"))
          .isTrue();
      String wccError = theirs.get("error").asText();
      if (!wccError.startsWith("runtime:")) {
        int wccLine = Integer.parseInt(wccError.replaceFirst("(?s)^[^:]*:(\\d+):.*$", "$1").strip());
        assertThat(ours.get("line").asInt()).as("error line; wcc says %s, we say %s", wccError,
            ours.get("error").asText()).isEqualTo(wccLine);
      }
      return;
    }
    assertThat(ours.has("error")).as("Sparrow rejects a template wcc accepts: %s", ours.get("error")).isFalse();
    assertThat(SparrowSide.canonical(ours.get("tree")))
        .as("tree of %s", c.name())
        .isEqualTo(SparrowSide.canonical(theirs.get("tree")));
  }
}
