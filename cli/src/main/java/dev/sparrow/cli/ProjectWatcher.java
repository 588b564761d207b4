package dev.sparrow.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches a project folder for saved sources (live reload in {@code sparrow run}): once the folder has been quiet
 * for {@code quiet} after a change, hands the changed files (relative to the folder, sorted) to {@code changed} on
 * its own thread. Folders created later are watched too; {@code node_modules} and dot folders are not.
 */
final class ProjectWatcher implements AutoCloseable {
  /** What a mini program is made of (and what compiles into it). */
  private static final Set<String> SOURCES = Set.of("js", "ts", "wxml", "wxss", "wxs", "json", "less", "scss", "sass");

  private final Path root;
  private final Duration quiet;
  private final Consumer<List<String>> changed;
  private final WatchService watch;
  private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();
  private final Thread thread;

  ProjectWatcher(Path root, Duration quiet, Consumer<List<String>> changed) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.quiet = quiet;
    this.changed = changed;
    this.watch = FileSystems.getDefault().newWatchService();
    register(this.root);
    this.thread = new Thread(this::loop, "sparrow-watch");
    thread.setDaemon(true);
    thread.start();
  }

  private void register(Path folder) throws IOException {
    Files.walkFileTree(folder, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        if (!dir.equals(root) && (name.equals("node_modules") || name.startsWith("."))) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        folders.put(dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE), dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private void loop() {
    try {
      while (true) {
        TreeSet<String> files = new TreeSet<>();
        collect(watch.take(), files);
        for (WatchKey more; (more = watch.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null; ) {
          collect(more, files);
        }
        if (!files.isEmpty()) {
          changed.accept(List.copyOf(files));
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed
    }
  }

  private void collect(WatchKey key, Set<String> files) {
    Path folder = folders.get(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (folder == null || !(event.context() instanceof Path name)) {
        continue;
      }
      Path file = folder.resolve(name);
      if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(file)) {
        try {
          register(file);
          try (Stream<Path> inside = Files.walk(file)) {   // written before the folder was watched
            inside.filter(Files::isRegularFile).forEach(f -> add(f, files));
          }
        } catch (IOException | UncheckedIOException e) {
          // gone again, or unreadable: nothing to watch
        }
      }
      add(file, files);
    }
    if (!key.reset()) {
      folders.remove(key);
    }
  }

  private void add(Path file, Set<String> files) {
    String n = file.getFileName().toString();
    String ext = n.substring(n.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    boolean ignored = root.relativize(file).toString().replace('\\', '/').matches("(.*/)?(node_modules|\\.[^/]*)/.*");
    if (n.contains(".") && SOURCES.contains(ext) && !ignored) {
      files.add(root.relativize(file).toString().replace('\\', '/'));
    }
  }

  @Override
  public void close() throws IOException {
    thread.interrupt();
    watch.close();
  }
}
