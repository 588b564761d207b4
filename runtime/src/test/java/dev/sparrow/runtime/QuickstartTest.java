package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuickstartTest {
  @Test
  void launchesTheQuickstartAndNavigatesToTheLog() {
    try (Session s = Sparrow.launch(SessionOptions.of(Examples.path("quickstart")))) {
      s.awaitIdle();
      assertThat(s.errors()).as("%s", s.errors().stream().map(e -> e.origin() + " | " + e.stack()).toList()).isEmpty();
      PageHandle index = s.currentPage();
      assertThat(index.route()).isEqualTo("pages/index/index");
      assertThat(index.data("userName")).isEqualTo("sparrow");
      index.callMethod("increment");
      index.callMethod("increment");
      assertThat(index.data("count")).isEqualTo(2);
      index.callMethod("bindViewTap");
      PageHandle logs = s.currentPage();
      assertThat(logs.route()).isEqualTo("pages/logs/logs");
      assertThat((java.util.List<?>) logs.data("logs")).hasSize(1);
      assertThat((String) logs.data("logs[0].date")).matches("\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d");
      assertThat(s.console()).extracting(ConsoleMessage::text).anyMatch(t -> t.startsWith("launched at pages/index/index scene 1001"));
    }
  }
}
