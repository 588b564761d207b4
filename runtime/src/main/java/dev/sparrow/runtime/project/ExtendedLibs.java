package dev.sparrow.runtime.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The extended libraries WeChat's base library ships, which {@code app.json}'s {@code useExtendedLib} turns on
 * ({@code "useExtendedLib": {"weui": true}}): the library's components then resolve as
 * {@code weui-miniprogram/cell/cell} without being in the package, and its stylesheet applies to every page.
 *
 * <p>Sparrow bundles {@code weui-miniprogram} (MIT; its {@code miniprogram_dist} as published on npm, with its
 * LICENSE, under {@code dev/sparrow/runtime/extended/}) and mounts it where WeChat's npm build would put it,
 * {@code miniprogram_npm/weui-miniprogram/}, so the usual npm resolution finds it.
 */
public final class ExtendedLibs {
  /**
   * One bundled library: its name in {@code useExtendedLib}, its npm package, the resource folder holding its files,
   * and its global stylesheet (inside it).
   */
  public record Lib(String name, String packageName, String resource, String stylesheet) {
    /** Where the package shows it: {@code miniprogram_npm/<package>/}. */
    public String mountedAt() {
      return "miniprogram_npm/" + packageName + "/";
    }
  }

  public static final Lib WEUI = new Lib("weui", "weui-miniprogram", "/dev/sparrow/runtime/extended/weui-miniprogram/", "weui-wxss/dist/style/weui.wxss");

  private static final List<Lib> ALL = List.of(WEUI);

  private ExtendedLibs() {}

  public static Optional<Lib> named(String name) {
    return ALL.stream().filter(l -> l.name().equals(name)).findFirst();
  }

  /** The folder holding {@code lib}'s files: a directory on the class path, or one inside Sparrow's jar. */
  static Path folder(Lib lib) {
    URL url = ExtendedLibs.class.getResource(lib.resource() + "LICENSE");
    if (url == null) {
      throw new IllegalStateException("the " + lib.name() + " extended library is missing from Sparrow's build");
    }
    try {
      URI uri = url.toURI();
      if (!"jar".equals(uri.getScheme())) {
        return Path.of(uri).getParent();
      }
      try {
        FileSystems.newFileSystem(uri, Map.of());
      } catch (FileSystemAlreadyExistsException alreadyOpen) {
        // another session opened Sparrow's jar already
      }
      return Path.of(uri).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
