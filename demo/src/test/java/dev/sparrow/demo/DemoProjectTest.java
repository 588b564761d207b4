package dev.sparrow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** examples/demo is what a team would ship: urlCheck on, a real-looking appid, and only the origins DemoSite maps. */
class DemoProjectTest {
  @Test
  void theProjectIsFoundAndChecksDomains() throws Exception {
    Path project = Demo.project();
    assertThat(project.resolve("app.json")).isRegularFile();
    JsonNode config = new ObjectMapper().readTree(project.resolve("project.config.json").toFile());
    assertThat(config.path("setting").path("urlCheck").asBoolean()).isTrue();
    assertThat(config.path("appid").asText()).matches("wx[0-9a-f]{16}");
  }

  @Test
  void everyOriginThePagesUseIsADemoSiteAndEverySiteIsUsed() throws Exception {
    Pattern url = Pattern.compile("(https?|wss?)://[A-Za-z0-9.-]+");
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Demo.project())) {
      for (Path js : files.filter(p -> p.toString().endsWith(".js")).toList()) {
        Matcher m = url.matcher(Files.readString(js));
        while (m.find()) {
          used.add(m.group());
        }
      }
    }
    assertThat(used).isEqualTo(Arrays.stream(DemoSite.values()).map(DemoSite::origin).collect(Collectors.toCollection(TreeSet::new)));
  }
}
