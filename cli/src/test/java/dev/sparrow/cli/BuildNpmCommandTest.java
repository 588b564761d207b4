package dev.sparrow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sparrow build-npm}: builds, then says it is up to date; --force rebuilds; nothing to build is an error. */
class BuildNpmCommandTest {
  @TempDir Path dir;

  private void write(String path, String text) throws IOException {
    TestFiles.write(dir.resolve(path), text);
  }

  @Test
  void buildsOnceThenIsUpToDate() throws IOException {
    write("project.config.json", "{}");
    write("package.json", "{\"dependencies\": {\"ui\": \"1\"}}");
    write("node_modules/ui/package.json", "{\"name\": \"ui\", \"version\": \"1.0.0\"}");
    write("node_modules/ui/miniprogram_dist/index.json", "{\"component\": true}");
    CliTest.Result r = CliTest.run("build-npm", dir.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("built 1 npm package in");
    assertThat(dir.resolve("miniprogram_npm/ui/index.json")).exists();
    assertThat(CliTest.run("build-npm", "--project", dir.toString()).out()).contains("miniprogram_npm is up to date");
    assertThat(CliTest.run("build-npm", dir.toString(), "--force").out()).contains("built 1 npm package");
  }

  @Test
  void nothingToBuildFails() throws IOException {
    write("project.config.json", "{}");
    CliTest.Result r = CliTest.run("build-npm", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("no npm packages to build");
    assertThat(CliTest.run("build-npm", dir.resolve("nope").toString()).code()).isEqualTo(2);
  }
}
