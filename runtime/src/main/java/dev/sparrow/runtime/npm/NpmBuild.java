package dev.sparrow.runtime.npm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparrow.runtime.js.CompileCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * WeChat DevTools' "build npm" (miniprogram-ci {@code packNpm} / {@code packNpmManually}): turns the packages a
 * project's {@code package.json} lists in {@code dependencies} (and theirs, as npm installed them) into a
 * {@code miniprogram_npm} folder the mini program can use.
 *
 * <ul>
 *   <li>Which {@code package.json}s: by default every one inside {@code miniprogramRoot} (outside
 *       {@code node_modules}), each built next to itself; with {@code setting.packNpmManually}, the pairs of
 *       {@code setting.packNpmRelationList} ({@code packageJsonPath} → {@code miniprogramNpmDistDir}).
 *   <li>A mini program package (its {@code miniprogram} folder, default {@code miniprogram_dist}, exists) is copied
 *       as it is; any other package is packed from its entry ({@code main}, else {@code index.js}) into one
 *       {@code index.js} ({@link JsPacker}).
 *   <li>The layout mirrors {@code node_modules}: a dependency npm nested under a package lands in that package's
 *       own {@code miniprogram_npm}.
 * </ul>
 *
 * <p>Each {@code miniprogram_npm} is built beside the old one and swapped in, so a failed build leaves the previous
 * one intact. Not thread-safe per project.
 */
public final class NpmBuild {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OUT = "miniprogram_npm";
  private static final List<String> LOCKS = List.of("package.json", "package-lock.json", "yarn.lock", "pnpm-lock.yaml",
      "node_modules/.package-lock.json");

  /** One {@code package.json} and the folder its {@code miniprogram_npm} goes in. */
  public record Target(Path packageJson, Path distDir) {
    Path nodeModules() {
      return packageJson.getParent().resolve("node_modules");
    }

    Path output() {
      return distDir.resolve(OUT);
    }
  }

  /** What a build did: packages copied or packed (by output path), and warnings for the ones it skipped. */
  public record Report(List<String> built, List<String> warnings) {}

  private NpmBuild() {}

  /** The package.json files of a project and where each one's miniprogram_npm goes (empty: nothing to build). */
  public static List<Target> targets(Path projectDir) {
    Path project = projectDir.toAbsolutePath().normalize();
    JsonNode config = readJson(project.resolve("project.config.json")).orElse(JSON.createObjectNode());
    JsonNode setting = config.path("setting");
    List<Target> out = new ArrayList<>();
    if (setting.path("packNpmManually").asBoolean(false)) {
      for (JsonNode r : setting.path("packNpmRelationList")) {
        Path pkg = project.resolve(r.path("packageJsonPath").asText("./package.json")).normalize();
        Path dist = project.resolve(r.path("miniprogramNpmDistDir").asText("./")).normalize();
        if (pkg.startsWith(project) && dist.startsWith(project) && Files.isRegularFile(pkg)) {
          out.add(new Target(pkg, dist));
        }
      }
      return out;
    }
    Path root = project.resolve(config.path("miniprogramRoot").asText("")).normalize();
    if (!root.startsWith(project) || !Files.isDirectory(root)) {
      return out;
    }
    // cloud functions install their own node_modules and run on Sparrow's wx-server-sdk: not the mini program's npm
    String cloudRoot = config.path("cloudfunctionRoot").asText("");
    Path functions = cloudRoot.isBlank() ? null : project.resolve(cloudRoot).normalize();
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
          if (!dir.equals(root) && (name.equals("node_modules") || name.equals(OUT) || name.startsWith(".")
              || dir.equals(functions))) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          Path pkg = dir.resolve("package.json");
          if (Files.isRegularFile(pkg)) {
            out.add(new Target(pkg, dir));
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * Why the project's npm needs building, or empty when every target's {@code miniprogram_npm} is newer than its
   * {@code package.json} and lock files (or a target lists no dependencies, or npm has not installed them).
   */
  public static Optional<String> staleness(Path projectDir) {
    Path project = projectDir.toAbsolutePath().normalize();
    for (Target t : targets(project)) {
      if (dependencies(t.packageJson()).isEmpty() || !Files.isDirectory(t.nodeModules())) {
        continue;
      }
      Path out = t.output();
      String shown = project.relativize(out).toString().replace('\\', '/');
      if (!Files.isDirectory(out)) {
        return Optional.of(shown + " is missing");
      }
      FileTime built = modified(out);
      for (String lock : LOCKS) {
        Path f = t.packageJson().getParent().resolve(lock);
        if (Files.isRegularFile(f) && modified(f).compareTo(built) > 0) {
          return Optional.of(shown + " is older than " + project.relativize(f).toString().replace('\\', '/'));
        }
      }
    }
    return Optional.empty();
  }

  /** Builds every target's miniprogram_npm afresh, compiling with no cache. */
  public static Report build(Path projectDir) {
    return build(projectDir, CompileCache.none());
  }

  /** Builds every target's miniprogram_npm afresh; ES modules {@link JsPacker} packs compile through {@code cache}. */
  public static Report build(Path projectDir, CompileCache cache) {
    List<String> built = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Path project = projectDir.toAbsolutePath().normalize();
    for (Target t : targets(project)) {
      List<String> deps = dependencies(t.packageJson());
      if (deps.isEmpty()) {
        continue;
      }
      if (!Files.isDirectory(t.nodeModules())) {
        warnings.add(rel(project, t.packageJson()) + " lists " + deps.size() + " dependencies but "
            + rel(project, t.nodeModules()) + " is missing: run npm install in " + rel(project, t.packageJson().getParent()));
        continue;
      }
      new Run(project, t, built, warnings, cache).build(deps);
    }
    return new Report(built, warnings);
  }

  /**
   * Builds when {@link #staleness} says so, telling {@code notice} one line first; returns the report (empty when
   * nothing was stale).
   */
  public static Report buildIfStale(Path projectDir, Consumer<String> notice, CompileCache cache) {
    Optional<String> why = staleness(projectDir);
    if (why.isEmpty()) {
      return new Report(List.of(), notInstalled(projectDir));
    }
    notice.accept("sparrow: " + why.get() + ", building npm (as DevTools' \"build npm\")");
    return build(projectDir, cache);
  }

  /**
   * What to do for each target that lists dependencies but has neither {@code node_modules} nor a built
   * {@code miniprogram_npm} (a fresh clone): its modules cannot load until npm installs them.
   */
  static List<String> notInstalled(Path projectDir) {
    Path project = projectDir.toAbsolutePath().normalize();
    List<String> out = new ArrayList<>();
    for (Target t : targets(project)) {
      List<String> deps = dependencies(t.packageJson());
      if (!deps.isEmpty() && !Files.isDirectory(t.nodeModules()) && !Files.isDirectory(t.output())) {
        out.add(rel(project, t.packageJson()) + " lists " + String.join(", ", deps) + " but "
            + rel(project, t.nodeModules()) + " is missing: run npm install in "
            + rel(project, t.packageJson().getParent()));
      }
    }
    return out;
  }

  /** The names in a package.json's {@code dependencies} (devDependencies are not built, as in DevTools). */
  public static List<String> dependencies(Path packageJson) {
    List<String> out = new ArrayList<>();
    readJson(packageJson).ifPresent(j -> j.path("dependencies").fieldNames().forEachRemaining(out::add));
    return out;
  }

  static Optional<JsonNode> readJson(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readTree(file.toFile()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  private static String rel(Path project, Path p) {
    String r = project.relativize(p).toString().replace('\\', '/');
    return r.isEmpty() ? "." : r;
  }

  /** One target's build into a fresh folder, swapped in at the end. */
  private static final class Run {
    private final Path project;
    private final Target target;
    private final List<String> built;
    private final List<String> warnings;
    private final Path staging;
    private final Set<Path> done = new HashSet<>();
    private final CompileCache cache;

    Run(Path project, Target target, List<String> built, List<String> warnings, CompileCache cache) {
      this.cache = cache;
      this.project = project;
      this.target = target;
      this.built = built;
      this.warnings = warnings;
      this.staging = target.distDir().resolve(".sparrow-tmp-" + OUT);
    }

    void build(List<String> deps) {
      try {
        deleteTree(staging);
        Files.createDirectories(staging);
        for (String name : deps) {
          place(name, target.packageJson().getParent(), staging, target.packageJson());
        }
        Path out = target.output();
        Path old = target.distDir().resolve(".sparrow-old-" + OUT);
        deleteTree(old);
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
          Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
      } catch (IOException e) {
        try {
          deleteTree(staging);
        } catch (IOException ignored) {
          // the next build clears it
        }
        throw new UncheckedIOException("build npm failed for " + rel(project, target.packageJson()) + ": " + e.getMessage(), e);
      }
    }

    /**
     * Builds dependency {@code name} as npm resolves it from {@code from} (its node_modules, then each one above it
     * up to the target's), into the miniprogram_npm that mirrors where npm put it.
     */
    private void place(String name, Path from, Path outBase, Path requiredBy) throws IOException {
      Path top = target.nodeModules();
      Path dir = from;
      Path out = outBase;
      while (true) {
        Path candidate = dir.resolve("node_modules").resolve(name);
        if (Files.isRegularFile(candidate.resolve("package.json"))) {
          buildPackage(name, candidate, out);
          return;
        }
        if (dir.equals(top.getParent()) || !dir.startsWith(top.getParent())) {
          warnings.add("npm package \"" + name + "\" (a dependency of " + rel(project, requiredBy)
              + ") is not installed in " + rel(project, top) + ": run npm install");
          return;
        }
        // one node_modules/<pkg> level up: the package folder, then the node_modules holding it
        dir = parentPackage(dir);
        out = parentOut(out);
      }
    }

    /** The package folder above {@code pkgDir} ({@code node_modules/a/node_modules/b} → {@code node_modules/a}). */
    private Path parentPackage(Path pkgDir) {
      Path nm = pkgDir.getParent();
      while (nm != null && !nm.getFileName().toString().equals("node_modules")) {
        nm = nm.getParent();
      }
      return nm == null ? target.packageJson().getParent() : nm.getParent();
    }

    private Path parentOut(Path out) {
      Path p = out.getParent();
      while (p != null && !p.getFileName().toString().equals(OUT) && !p.equals(staging)) {
        p = p.getParent();
      }
      return p == null ? staging : p;
    }

    private void buildPackage(String name, Path pkgDir, Path outBase) throws IOException {
      Path real = pkgDir.toRealPath();
      Path dest = outBase.resolve(name);
      if (!done.add(dest)) {
        return;
      }
      JsonNode pkg = readJson(pkgDir.resolve("package.json")).orElse(JSON.createObjectNode());
      String field = pkg.path("miniprogram").asText("miniprogram_dist");
      Path dist = real.resolve(field).normalize();
      Files.createDirectories(dest);
      if (dist.startsWith(real) && Files.isDirectory(dist)) {
        copyTree(dist, dest);
      } else {
        Optional<String> problem = JsPacker.pack(real, pkg, dest.resolve("index.js"), cache);
        if (problem.isPresent()) {
          warnings.add("npm package \"" + name + "\": " + problem.get());
          deleteTree(dest);
          return;
        }
      }
      built.add(rel(project, target.output().resolve(staging.relativize(dest))));
      Path nested = dest.resolve(OUT);
      for (String dep : readDeps(pkg)) {
        place(dep, pkgDir, nested, pkgDir.resolve("package.json"));
      }
      removeIfEmpty(nested);
    }

    private static List<String> readDeps(JsonNode pkg) {
      List<String> out = new ArrayList<>();
      pkg.path("dependencies").fieldNames().forEachRemaining(out::add);
      return out;
    }
  }

  private static void removeIfEmpty(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        if (s.findAny().isEmpty()) {
          Files.delete(dir);
        }
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Path realFrom = from.toRealPath();
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (attrs.isRegularFile() && file.toRealPath().startsWith(realFrom)) {
          Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
