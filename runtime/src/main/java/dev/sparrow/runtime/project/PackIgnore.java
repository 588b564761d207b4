package dev.sparrow.runtime.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code packOptions.ignore} of {@code project.config.json}: files DevTools leaves out of the package it previews and
 * uploads, so WeChat never sees them (Node scripts, notes, sources of generated files). Each rule is
 * {@code {type, value}} with type {@code folder}, {@code file}, {@code suffix}, {@code prefix}, {@code regexp} or
 * {@code glob}; values compare case-insensitively and paths are relative to {@code miniprogramRoot} (DevTools'
 * project-configuration page). {@code prefix} applies to the file's name, the others to its path. A rule Sparrow
 * cannot read (unknown type, bad pattern) ignores nothing.
 */
public final class PackIgnore {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Predicate<String>> rules;

  private PackIgnore(List<Predicate<String>> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The rules of {@code projectDir/project.config.json}; none when the file or the field is missing or unreadable. */
  public static PackIgnore read(Path projectDir) {
    Path config = projectDir.resolve("project.config.json");
    if (!Files.isRegularFile(config)) {
      return of(JSON.missingNode());
    }
    try {
      return of(JSON.readTree(config.toFile()).path("packOptions").path("ignore"));
    } catch (IOException e) {
      return of(JSON.missingNode()); // the loader reports an unreadable project.config.json
    }
  }

  /** The rules of a {@code packOptions.ignore} array. */
  public static PackIgnore of(JsonNode ignore) {
    List<Predicate<String>> rules = new ArrayList<>();
    for (JsonNode rule : ignore) {
      String value = rule.path("value").asText("").toLowerCase(Locale.ROOT);
      if (!value.isEmpty()) {
        Predicate<String> p = rule(rule.path("type").asText(""), value);
        if (p != null) {
          rules.add(p);
        }
      }
    }
    return new PackIgnore(rules);
  }

  /** Whether a file of the package ({@code /}-separated, relative to {@code miniprogramRoot}) is left out. */
  public boolean ignores(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    return rules.stream().anyMatch(r -> r.test(p));
  }

  private static Predicate<String> rule(String type, String value) {
    String path = trimSlashes(value);
    return switch (type) {
      case "folder" -> p -> p.equals(path) || p.startsWith(path + "/");
      case "file" -> p -> p.equals(path);
      case "suffix" -> p -> p.endsWith(value);
      case "prefix" -> p -> p.substring(p.lastIndexOf('/') + 1).startsWith(value);
      case "regexp" -> regexp(value);
      case "glob" -> glob(path);
      default -> null;
    };
  }

  private static Predicate<String> regexp(String value) {
    try {
      Pattern pattern = Pattern.compile(value, Pattern.CASE_INSENSITIVE);
      return p -> pattern.matcher(p).find();
    } catch (PatternSyntaxException e) {
      return null;
    }
  }

  private static Predicate<String> glob(String value) {
    try {
      // Java's "**/" needs at least one folder where DevTools' globs (minimatch) also match none
      PathMatcher full = FileSystems.getDefault().getPathMatcher("glob:" + value);
      PathMatcher none = FileSystems.getDefault().getPathMatcher("glob:" + value.replace("**/", ""));
      return p -> full.matches(Path.of(p)) || none.matches(Path.of(p));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String trimSlashes(String value) {
    String v = value.startsWith("./") ? value.substring(2) : value;
    int start = 0;
    int end = v.length();
    while (start < end && v.charAt(start) == '/') {
      start++;
    }
    while (end > start && v.charAt(end - 1) == '/') {
      end--;
    }
    return v.substring(start, end);
  }
}
