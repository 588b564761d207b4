package dev.sparrow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live-reload watcher: saved sources, in folders that existed or were made later; not node_modules. */
class ProjectWatcherTest {
  @TempDir Path project;

  @Test
  void savedSourcesAreHandedOverOnceTheFolderIsQuiet() throws Exception {
    Files.createDirectories(project.resolve("pages/index"));
    Files.createDirectories(project.resolve("node_modules/lib"));
    BlockingQueue<List<String>> batches = new LinkedBlockingQueue<>();
    try (ProjectWatcher watcher = new ProjectWatcher(project, Duration.ofMillis(100), batches::add)) {
      Files.writeString(project.resolve("node_modules/lib/index.js"), "x");
      Files.writeString(project.resolve("pages/index/notes.txt"), "not a source");
      Files.writeString(project.resolve("pages/index/index.wxml"), "<view/>");
      Files.writeString(project.resolve("pages/index/index.wxss"), "view {}");
      assertThat(next(batches)).containsExactly("pages/index/index.wxml", "pages/index/index.wxss");

      Files.createDirectories(project.resolve("pages/new"));
      Files.writeString(project.resolve("pages/new/new.js"), "Page({})");
      assertThat(next(batches)).as("a folder made after the start, its file written at once")
          .contains("pages/new/new.js").noneMatch(f -> f.startsWith("node_modules"));
    }
  }

  private static List<String> next(BlockingQueue<List<String>> batches) throws InterruptedException {
    List<String> batch = batches.poll(30, TimeUnit.SECONDS);
    assertThat(batch).as("a batch of changes").isNotNull();
    return batch;
  }
}
