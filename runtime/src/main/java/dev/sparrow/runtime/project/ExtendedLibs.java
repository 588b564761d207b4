package dev.sparrow.runtime.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparrow.runtime.npm.NpmTarball;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The extended libraries WeChat's base library provides, which {@code app.json}'s {@code useExtendedLib} turns on
 * ({@code "useExtendedLib": {"weui": true}}): the library's components then resolve as
 * {@code weui-miniprogram/cell/cell} without being in the package, and its stylesheet applies to every page.
 *
 * <p>Sparrow ships none of their code. As DevTools downloads an extended library when a project first uses it, a
 * library's files come, in this order, from the project's own {@code node_modules/<package>} (its
 * {@code miniprogram_dist}), or from Sparrow's cache folder ({@code <cacheDir>/extended/<package>@<version>/}, the
 * published tarball unpacked whole, its LICENSE with it), which is filled from the npm registry the first time
 * (the pinned version, checked against its published sha512 integrity). The folder is mounted where WeChat's npm
 * build would put it, {@code miniprogram_npm/<package>/}, so the usual npm resolution finds it. (A project whose
 * own {@code miniprogram_npm} has the package uses that; see {@link ProjectLoader}.)
 */
public final class ExtendedLibs {
  /**
   * One library: its name in {@code useExtendedLib}, the npm package version Sparrow pins, and its global stylesheet
   * (inside the package's {@code miniprogram_dist}).
   */
  public record Lib(String name, NpmTarball tarball, String stylesheet) {
    public String packageName() {
      return tarball.name();
    }

    /** Where the package shows it: {@code miniprogram_npm/<package>/}. */
    public String mountedAt() {
      return "miniprogram_npm/" + packageName() + "/";
    }

    /** The one line saying how to make it available. */
    public String howToGet() {
      return "run Sparrow once online (it downloads " + packageName() + "@" + tarball.version()
          + " into its cache) or `npm install " + packageName() + "` in the project";
    }
  }

  /** weui-miniprogram 1.5.6 (MIT), the latest published version, for {@code weui: true}. */
  public static final Lib WEUI = new Lib("weui", new NpmTarball("weui-miniprogram", "1.5.6",
      "sha512-bGRHUdrQkFf6FzNT5UTapAMRdZQF0UP2uKu9ZR4MkPNwO3cWzlrkW8vBLxdS6k02O3VeNFATj/AsBCjHAsMBzA=="),
      "weui-wxss/dist/style/weui.wxss");

  /** Where a library's files were found ({@code folder} is its {@code miniprogram_dist}), or why not. */
  public record Located(Optional<Path> folder, String source, String problem) {
    static Located found(Path folder, String source) {
      return new Located(Optional.of(folder), source, "");
    }

    static Located missing(String problem) {
      return new Located(Optional.empty(), "", problem);
    }
  }

  private static final List<Lib> ALL = List.of(WEUI);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path cacheDir;
  private final URI registry;
  private final Duration timeout;

  private ExtendedLibs(Path cacheDir, URI registry, Duration timeout) {
    this.cacheDir = cacheDir.toAbsolutePath().normalize();
    this.registry = registry;
    this.timeout = timeout;
  }

  /**
   * Sparrow's cache folder ({@link #defaultCacheDir}) and npm's public registry: what {@link ProjectLoader#load(Path)}
   * and a session use unless told otherwise.
   */
  public static ExtendedLibs defaults() {
    Map<String, String> env = System.getenv();
    return new ExtendedLibs(defaultCacheDir(env, System.getProperty("user.home"), System.getProperty("os.name", "")),
        defaultRegistry(env), Duration.ofSeconds(60));
  }

  /**
   * The registry downloads come from: {@code SPARROW_NPM_REGISTRY}, else npm's own setting as npm hands it to scripts
   * ({@code npm_config_registry}, e.g. a mirror), else npm's public registry. The integrity pin holds whichever it is.
   */
  public static URI defaultRegistry(Map<String, String> env) {
    for (String name : List.of("SPARROW_NPM_REGISTRY", "npm_config_registry")) {
      String value = env.get(name);
      if (value != null && value.matches("https?://\\S+")) {
        return URI.create(value);
      }
    }
    return NpmTarball.REGISTRY;
  }

  /** Libraries cached in {@code cacheDir}, downloaded from npm's public registry when missing. */
  public static ExtendedLibs cachedIn(Path cacheDir) {
    return new ExtendedLibs(cacheDir, NpmTarball.REGISTRY, Duration.ofSeconds(60));
  }

  /** The same cache, downloading from {@code registry} (an npm registry's root URL). */
  public ExtendedLibs registry(URI registry) {
    return new ExtendedLibs(cacheDir, registry, timeout);
  }

  /** The same cache, never downloading. */
  public ExtendedLibs offline() {
    return new ExtendedLibs(cacheDir, null, timeout);
  }

  public Path cacheDir() {
    return cacheDir;
  }

  /**
   * {@code SPARROW_CACHE} if set, else the platform's user cache folder: {@code $XDG_CACHE_HOME/sparrow} or
   * {@code ~/.cache/sparrow}, {@code ~/Library/Caches/sparrow} on macOS, {@code %LOCALAPPDATA%\sparrow} on Windows.
   */
  public static Path defaultCacheDir(Map<String, String> env, String home, String osName) {
    String own = env.get("SPARROW_CACHE");
    if (own != null && !own.isBlank()) {
      return Path.of(own);
    }
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows") && env.get("LOCALAPPDATA") != null) {
      return Path.of(env.get("LOCALAPPDATA"), "sparrow");
    }
    if (os.startsWith("mac")) {
      return Path.of(home, "Library", "Caches", "sparrow");
    }
    String xdg = env.get("XDG_CACHE_HOME");
    return xdg != null && !xdg.isBlank() ? Path.of(xdg, "sparrow") : Path.of(home, ".cache", "sparrow");
  }

  public static Optional<Lib> named(String name) {
    return ALL.stream().filter(l -> l.name().equals(name)).findFirst();
  }

  /** Where this cache keeps {@code lib} (the unpacked tarball: package.json, LICENSE, miniprogram_dist). */
  public Path cached(Lib lib) {
    return cacheDir.resolve("extended").resolve(lib.packageName().replace('/', '+') + "@" + lib.tarball().version());
  }

  /**
   * Finds {@code lib}'s files for the project in {@code projectDir} (package root {@code root}): its
   * {@code node_modules}, then the cache, then a download into the cache.
   */
  public Located locate(Lib lib, Path projectDir, Path root) {
    for (Path base : root.equals(projectDir) ? List.of(projectDir) : List.of(root, projectDir)) {
      Path pkg = base.resolve("node_modules").resolve(lib.packageName());
      Optional<Path> dist = distOf(pkg);
      if (dist.isPresent()) {
        return Located.found(dist.get(), projectDir.relativize(pkg).toString().replace('\\', '/'));
      }
    }
    Path cached = cached(lib);
    Optional<Path> dist = distOf(cached);
    if (dist.isPresent()) {
      return Located.found(dist.get(), cached.toString());
    }
    if (registry == null) {
      return Located.missing(lib.packageName() + "@" + lib.tarball().version() + " is not in Sparrow's cache ("
          + cached + ") and downloading is off: " + lib.howToGet());
    }
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NORMAL).build();
      lib.tarball().download(http, registry, timeout, cached);
    } catch (IOException e) {
      if (distOf(cached).isEmpty()) {
        return Located.missing(lib.packageName() + "@" + lib.tarball().version() + " could not be downloaded ("
            + e.getMessage() + "): " + lib.howToGet());
      }
    }
    return distOf(cached).map(d -> Located.found(d, cached.toString()))
        .orElseGet(() -> Located.missing(cached + " has no miniprogram_dist: delete it and " + lib.howToGet()));
  }

  /** A package folder's mini program files: its {@code miniprogram} field's folder, default miniprogram_dist. */
  private static Optional<Path> distOf(Path pkg) {
    Path json = pkg.resolve("package.json");
    if (!Files.isRegularFile(json)) {
      return Optional.empty();
    }
    String field = "miniprogram_dist";
    try {
      JsonNode node = JSON.readTree(json.toFile());
      field = node.path("miniprogram").asText(field);
    } catch (IOException e) {
      // a damaged package.json: try the default folder
    }
    Path dist = pkg.resolve(field).normalize();
    return dist.startsWith(pkg) && Files.isDirectory(dist) ? Optional.of(dist) : Optional.empty();
  }
}
