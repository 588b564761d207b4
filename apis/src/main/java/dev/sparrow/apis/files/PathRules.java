package dev.sparrow.apis.files;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Which local paths exist for a mini program, as pure rules (table-tested and fuzzed).
 *
 * <ul>
 *   <li>{@code wxfile://tmp_<name>}, {@code wxfile://store_<name>}, {@code wxfile://usr[/…]} with
 *       the {@code wxfile} scheme; {@code http://tmp/<name>}, {@code http://store/<name>}, {@code
 *       http://usr[/…]} with the DevTools {@code http} scheme. Only the session's scheme is
 *       recognised: an app that hard-codes the other one fails here as it would on that platform.
 *   <li>Any other {@code x://} form (another scheme, {@code file://}) names nothing.
 *   <li>Anything else is a code-package path, {@code /a/b} or {@code a/b}; {@code .} and {@code ..}
 *       segments make it invalid (spec files.md §1).
 *   <li>In user paths {@code .} and {@code ..} are resolved, but never above {@code usr}; empty
 *       segments collapse. Temp and saved names are one segment that does not start with a dot.
 *   <li>Nothing is percent-decoded: {@code %2e%2e} is a literal name. A NUL or backslash makes a
 *       path invalid. A segment over {@value #MAX_NAME_BYTES} UTF-8 bytes, or a path over {@value
 *       #MAX_PATH_BYTES}, fails with {@code File name too long} (as the device's file system would).
 * </ul>
 */
public final class PathRules {
  /** Longest file name in UTF-8 bytes (Linux NAME_MAX). */
  public static final int MAX_NAME_BYTES = 255;
  /** Longest path in UTF-8 bytes (Linux PATH_MAX). */
  public static final int MAX_PATH_BYTES = 4096;

  private PathRules() {}

  /** The prefix of {@code area}'s local paths under {@code scheme}, e.g. {@code wxfile://tmp_}. */
  public static String prefix(FileSandbox.Scheme scheme, LocalPath.Area area) {
    boolean wx = scheme == FileSandbox.Scheme.WXFILE;
    return switch (area) {
      case TEMP -> scheme.prefix() + (wx ? "tmp_" : "tmp/");
      case STORE -> scheme.prefix() + (wx ? "store_" : "store/");
      case USER -> scheme.prefix() + "usr";
      case PACKAGE -> "/";
    };
  }

  /** The local path of {@code relative} in {@code area}. */
  public static String format(FileSandbox.Scheme scheme, LocalPath.Area area, String relative) {
    if (area == LocalPath.Area.USER) {
      return relative.isEmpty() ? prefix(scheme, area) : prefix(scheme, area) + "/" + relative;
    }
    return prefix(scheme, area) + relative;
  }

  /**
   * Parses {@code path}. Empty when it names nothing the mini program can reach.
   *
   * @throws dev.sparrow.apis.ApiFailure {@code File name too long} (1300036)
   */
  public static Optional<LocalPath> parse(FileSandbox.Scheme scheme, String path) {
    if (path == null || path.isEmpty() || path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0) {
      return Optional.empty();
    }
    if (utf8Length(path) > MAX_PATH_BYTES) {
      throw FileErrors.nameTooLong();
    }
    for (LocalPath.Area area : new LocalPath.Area[] {LocalPath.Area.TEMP, LocalPath.Area.STORE}) {
      String prefix = prefix(scheme, area);
      if (path.startsWith(prefix)) {
        String name = path.substring(prefix.length());
        return validName(name) ? Optional.of(new LocalPath(area, path, name)) : Optional.empty();
      }
    }
    String usr = prefix(scheme, LocalPath.Area.USER);
    if (path.startsWith(usr) && (path.length() == usr.length() || path.charAt(usr.length()) == '/')) {
      return normaliseUser(path.substring(usr.length())).map(rel -> new LocalPath(LocalPath.Area.USER, path, rel));
    }
    if (path.contains("://")) {
      return Optional.empty();
    }
    return normalisePackage(path).map(rel -> new LocalPath(LocalPath.Area.PACKAGE, path, rel));
  }

  private static boolean validName(String name) {
    if (name.isEmpty() || name.indexOf('/') >= 0 || name.startsWith(".")) {
      return false;
    }
    checkNameLength(name);
    return true;
  }

  private static Optional<String> normaliseUser(String rest) {
    Deque<String> out = new ArrayDeque<>();
    for (String seg : rest.split("/", -1)) {
      if (seg.isEmpty() || seg.equals(".")) {
        continue;
      }
      if (seg.equals("..")) {
        if (out.isEmpty()) {
          return Optional.empty();
        }
        out.removeLast();
        continue;
      }
      checkNameLength(seg);
      out.addLast(seg);
    }
    return Optional.of(String.join("/", out));
  }

  private static Optional<String> normalisePackage(String path) {
    String rel = path.startsWith("/") ? path.substring(1) : path;
    StringBuilder out = new StringBuilder();
    for (String seg : rel.split("/", -1)) {
      if (seg.isEmpty()) {
        continue;
      }
      if (seg.equals(".") || seg.equals("..")) {
        return Optional.empty();
      }
      checkNameLength(seg);
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(seg);
    }
    return out.length() == 0 ? Optional.empty() : Optional.of(out.toString());
  }

  private static void checkNameLength(String segment) {
    if (segment.length() > MAX_NAME_BYTES / 3 && utf8Length(segment) > MAX_NAME_BYTES) {
      throw FileErrors.nameTooLong();
    }
  }

  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
