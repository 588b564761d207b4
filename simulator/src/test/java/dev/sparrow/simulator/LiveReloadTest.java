package dev.sparrow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparrow.runtime.PageHandle;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Simulator.reload, what `sparrow run` calls when a project file is saved: a WXSS change restyles the open pages in
 * place, another change relaunches at the same page stack and reloads the tabs, a broken save keeps the last good
 * session and says why.
 */
class LiveReloadTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path project;
  private Simulator sim;
  private final List<JsonNode> sent = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    project = dir.resolve("quickstart");
    Path from = Path.of("../examples/quickstart");
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path to = project.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    }
    sim = Simulator.start(SessionOptions.of(project).dataDir(dir.resolve("data")), Simulator.Config.DEFAULT);
    sim.session().awaitIdle();
    sim.tap(text -> {
      try {
        sent.add(JSON.readTree(text));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    sim.session().callWx("navigateTo", Map.of("url", "/pages/logs/logs?from=test"));
    sim.session().awaitIdle();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private List<JsonNode> sent(String type) {
    return sent.stream().filter(m -> m.path("t").asText().equals(type)).toList();
  }

  @Test
  void aSavedWxmlRelaunchesAtTheSamePageStackAndTheTabsReload() throws Exception {
    Session before = sim.session();
    Files.writeString(project.resolve("pages/logs/logs.wxml"), "<view class=\"saved\">edited</view>\n");
    assertThat(sim.reload(List.of("pages/logs/logs.wxml"))).isEmpty();
    Session after = sim.session();
    assertThat(after).isNotSameAs(before);
    assertThat(after.pageStack()).extracting(PageHandle::route).containsExactly("pages/index/index", "pages/logs/logs");
    assertThat(after.currentPage().query()).containsEntry("from", "test");
    assertThat(after.currentPage().select(".saved").orElseThrow().text()).isEqualTo("edited");
    assertThat(sent("reload")).hasSize(1);
  }

  @Test
  void aSavedWxssRestylesTheOpenPagesWithoutAReload() throws Exception {
    Session before = sim.session();
    Files.writeString(project.resolve("pages/index/index.wxss"), ".userinfo { color: rgb(1, 2, 3); }\n");
    assertThat(sim.reload(List.of("pages/index/index.wxss"))).isEmpty();
    assertThat(sim.session()).isSameAs(before);
    assertThat(sent("reload")).isEmpty();
    List<JsonNode> css = sent("page.css");
    assertThat(css).hasSize(2);
    assertThat(css.get(0).path("css").asText()).contains("rgb(1, 2, 3)");
  }

  @Test
  void aSyntaxErrorOrABrokenAppJsonKeepsTheLastGoodSession() throws Exception {
    Session before = sim.session();
    Files.writeString(project.resolve("pages/logs/logs.js"), "Page({ data: {\n");
    assertThat(sim.reload(List.of("pages/logs/logs.js"))).singleElement().asString().contains("pages/logs/logs.js");
    Files.writeString(project.resolve("app.json"), "{ \"pages\": [ }");
    assertThat(sim.reload(List.of("app.json"))).isNotEmpty();
    assertThat(sim.session()).isSameAs(before);
    assertThat(before.currentPage().route()).isEqualTo("pages/logs/logs");
    assertThat(sent("console")).extracting(m -> m.toString()).anyMatch(t -> t.contains("not reloaded"));
    assertThat(sent("reload")).isEmpty();
  }
}
