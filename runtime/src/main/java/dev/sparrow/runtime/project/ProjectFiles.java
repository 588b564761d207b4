package dev.sparrow.runtime.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read access to a mini program's package (the {@code miniprogramRoot}), by project-relative path
 * with forward slashes. Nothing outside the root is reachable: {@code ..} past the root, absolute
 * host paths and symbolic links leading out are treated as missing. Folders Sparrow provides (an extended
 * library) can be {@linkplain #withMount mounted} at a path; the package's own files come first.
 */
public final class ProjectFiles {
  private final Path root;
  private final Path realRoot;
  /** Mount point ({@code miniprogram_npm/weui-miniprogram/}) → the folder it shows. */
  private final Map<String, Path> mounts;
  /** Extension ({@code .js}) → the extensions of files that stand for a missing one ({@code .ts}), in order. */
  private final Map<String, List<String>> standIns;
  /** A stand-in's extension ({@code .scss}) → what {@link #read} makes of its text. */
  private final Map<String, Compile> compilers;
  /** app.json's {@code resolveAlias}, which module and component paths go through. */
  private final ResolveAlias aliases;

  /** What a stand-in's text becomes when read as the file it stands for. */
  public interface Compile {
    String apply(String standInPath, String text);
  }

  public ProjectFiles(Path root) {
    this(root, Map.of(), Map.of(), Map.of(), ResolveAlias.none());
  }

  private ProjectFiles(Path root, Map<String, Path> mounts, Map<String, List<String>> standIns,
      Map<String, Compile> compilers, ResolveAlias aliases) {
    this.root = root.toAbsolutePath().normalize();
    this.mounts = mounts;
    this.standIns = standIns;
    this.compilers = compilers;
    this.aliases = aliases;
    try {
      this.realRoot = this.root.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open project " + root, e);
    }
  }

  /** These files with {@code folder} shown at {@code at} (a path ending in {@code /}) where the package has nothing. */
  public ProjectFiles withMount(String at, Path folder) {
    Map<String, Path> more = new LinkedHashMap<>(mounts);
    more.put(at, folder);
    return new ProjectFiles(root, Map.copyOf(more), standIns, compilers, aliases);
  }

  /**
   * These files where a missing {@code x<ext>} is found as {@code x<other>} for the first of {@code others} present:
   * what {@code setting.useCompilerPlugins} does ({@code .js} from {@code .ts}, {@code .wxss} from {@code .scss}).
   * {@link #file} then answers the stand-in's host path; its reader compiles it.
   */
  public ProjectFiles withStandIn(String ext, List<String> others) {
    Map<String, List<String>> more = new LinkedHashMap<>(standIns);
    more.put(ext, List.copyOf(others));
    return new ProjectFiles(root, mounts, Map.copyOf(more), compilers, aliases);
  }

  /** These files where {@link #read} of a file whose stand-in has extension {@code ext} answers {@code compile}'s. */
  public ProjectFiles withCompiler(String ext, Compile compile) {
    Map<String, Compile> more = new LinkedHashMap<>(compilers);
    more.put(ext, compile);
    return new ProjectFiles(root, mounts, standIns, Map.copyOf(more), aliases);
  }

  /** These files with app.json's {@code resolveAlias} rules for {@link #aliased}. */
  public ProjectFiles withAliases(ResolveAlias rules) {
    return new ProjectFiles(root, mounts, standIns, compilers, rules);
  }

  /**
   * The package path a {@code require} or {@code usingComponents} path stands for under {@code resolveAlias}
   * ({@code @/utils/util} → {@code utils/util} with {@code "@/*": "/*"}); empty when no rule matches.
   */
  public Optional<String> aliased(String request) {
    return aliases.apply(request);
  }

  /** {@link ResolveAlias#note}: what a not-found message adds for a path an alias rule matched. */
  public String aliasNote(String request) {
    return aliases.note(request);
  }

  public Path root() {
    return root;
  }

  /** Whether something is mounted at {@code at} ({@code miniprogram_npm/weui-miniprogram/}). */
  public boolean isMountPoint(String at) {
    return mounts.containsKey(at);
  }

  /** The folders mounted into the package (an extended library's files), which a file server must also allow. */
  public List<Path> mountedFolders() {
    return List.copyOf(mounts.values());
  }

  /**
   * Normalises {@code path} ({@code a/./b/../c} → {@code a/c}); a leading slash means the root.
   * Empty if it climbs above the root.
   */
  public static Optional<String> normalise(String path) {
    List<String> out = new ArrayList<>();
    for (String seg : path.replace('\\', '/').split("/")) {
      if (seg.isEmpty() || seg.equals(".")) {
        continue;
      }
      if (seg.equals("..")) {
        if (out.isEmpty()) {
          return Optional.empty();
        }
        out.remove(out.size() - 1);
      } else {
        out.add(seg);
      }
    }
    return Optional.of(String.join("/", out));
  }

  /**
   * {@link #normalise}, and a path that climbs above the root only to come back into it ({@code
   * ../miniprogram/styles/a.scss} from a root named {@code miniprogram}) as the package path it lands on: what a
   * compiler reading the disk (DevTools' Sass and Less) finds. Empty if it ends outside the package.
   */
  public Optional<String> inPackage(String path) {
    Optional<String> plain = normalise(path);
    if (plain.isPresent()) {
      return plain;
    }
    Path host = root.resolve(path.replace('\\', '/')).normalize();
    return host.startsWith(root) ? Optional.of(relativize(host)) : Optional.empty();
  }

  /**
   * The folder of {@code path} (a project-relative file path) and each folder above it up to the root, each with
   * a trailing slash, the root as {@code ""}: where {@code miniprogram_npm} (or {@code node_modules}) is looked for.
   */
  public static List<String> foldersUp(String path) {
    List<String> out = new ArrayList<>();
    String d = path.lastIndexOf('/') >= 0 ? path.substring(0, path.lastIndexOf('/') + 1) : "";
    while (true) {
      out.add(d);
      if (d.isEmpty()) {
        return out;
      }
      int cut = d.lastIndexOf('/', d.length() - 2);
      d = cut < 0 ? "" : d.substring(0, cut + 1);
    }
  }

  /**
   * The host path of a regular file inside the package, if there is one; for a missing file with a stand-in
   * ({@link #withStandIn}), the stand-in's.
   */
  public Optional<Path> file(String relative) {
    Optional<Path> found = plainFile(relative);
    return found.isPresent() || standIns.isEmpty() ? found : standIn(relative).flatMap(this::plainFile);
  }

  /** The package path of the file that stands in for missing {@code relative}, if one does. */
  public Optional<String> standIn(String relative) {
    int dot = relative.lastIndexOf('.');
    if (standIns.isEmpty() || dot < 0 || relative.indexOf('/', dot) >= 0 || plainFile(relative).isPresent()) {
      return Optional.empty();
    }
    String stem = relative.substring(0, dot);
    for (String other : standIns.getOrDefault(relative.substring(dot), List.of())) {
      if (plainFile(stem + other).isPresent()) {
        return Optional.of(stem + other);
      }
    }
    return Optional.empty();
  }

  private Optional<Path> plainFile(String relative) {
    Optional<String> norm = normalise(relative);
    if (norm.isEmpty() || norm.get().isEmpty()) {
      return Optional.empty();
    }
    Path p = root.resolve(norm.get());
    if (!Files.isRegularFile(p)) {
      return mounted(norm.get()).filter(Files::isRegularFile);
    }
    try {
      Path real = p.toRealPath();
      return real.startsWith(realRoot) ? Optional.of(p) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Where a normalised path lies in a mounted folder, if it is under a mount point. */
  private Optional<Path> mounted(String norm) {
    for (Map.Entry<String, Path> m : mounts.entrySet()) {
      if (norm.startsWith(m.getKey())) {
        return Optional.of(m.getValue().resolve(norm.substring(m.getKey().length())));
      }
    }
    return Optional.empty();
  }

  public boolean exists(String relative) {
    return file(relative).isPresent();
  }

  public boolean isDirectory(String relative) {
    Optional<String> norm = normalise(relative);
    return norm.isPresent() && (Files.isDirectory(root.resolve(norm.get()), LinkOption.NOFOLLOW_LINKS)
        || mounted(norm.get() + "/").filter(Files::isDirectory).isPresent());
  }

  /** The text of a package file (UTF-8), if it exists; a compiled stand-in's output for a missing one. */
  public Optional<String> read(String relative) {
    Optional<String> text = file(relative).map(p -> {
      try {
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    if (text.isEmpty() || compilers.isEmpty()) {
      return text;
    }
    Optional<String> standIn = standIn(relative);
    if (standIn.isEmpty()) {
      return text;
    }
    Compile compile = compilers.get(standIn.get().substring(standIn.get().lastIndexOf('.')));
    return compile == null ? text : Optional.of(compile.apply(standIn.get(), text.get()));
  }

  /** Project-relative path of a host path inside the root. */
  public String relativize(Path p) {
    return root.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }
}
