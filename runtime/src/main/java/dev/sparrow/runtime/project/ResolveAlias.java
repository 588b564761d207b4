package dev.sparrow.runtime.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code app.json}'s {@code resolveAlias}: path rules such as {@code "@/*": "/*"} or {@code "@utils/*": "utils/*"}
 * that {@code require}/{@code import} and {@code usingComponents} paths go through. Keys and values end in
 * {@code /*}; a value is a path from the package root (a leading {@code /} or not); of the keys a path starts with,
 * the longest wins. A rule not of that shape is a located problem and is left out.
 */
public final class ResolveAlias {
  private static final ResolveAlias NONE = new ResolveAlias(List.of());

  /**
   * {@code from}: the key without its {@code *}; {@code to}: the value's root path without {@code /*};
   * {@code written}: the rule as app.json has it, for messages.
   */
  private record Rule(String from, String to, String written) {}

  private final List<Rule> rules;

  private ResolveAlias(List<Rule> rules) {
    this.rules = rules;
  }

  public static ResolveAlias none() {
    return NONE;
  }

  /**
   * @param node app.json's {@code resolveAlias} (missing: no rules)
   * @param file where problems are located ({@code app.json} with the root's prefix)
   * @param text app.json's text, for line numbers
   */
  static ResolveAlias parse(JsonNode node, String file, String text, List<Problem> problems) {
    if (node.isMissingNode() || node.isNull()) {
      return NONE;
    }
    int from = Math.max(0, text.indexOf("\"resolveAlias\""));
    if (!node.isObject()) {
      problems.add(new Problem(file, ProjectLoader.lineOf(text, "\"resolveAlias\"", 0), 0,
          "\"resolveAlias\" must be an object of \"alias/*\": \"path/*\""));
      return NONE;
    }
    List<Rule> rules = new ArrayList<>();
    node.fields().forEachRemaining(e -> {
      String key = e.getKey();
      String value = e.getValue().asText("");
      if (!key.endsWith("/*") || !e.getValue().isTextual() || !value.endsWith("/*")) {
        problems.add(new Problem(file, ProjectLoader.lineOf(text, "\"" + key + "\"", from), 0,
            "resolveAlias \"" + key + "\": the key and the value must end with /*"));
        return;
      }
      Optional<String> to = ProjectFiles.normalise(value.substring(0, value.length() - 1));
      if (to.isEmpty()) {
        problems.add(new Problem(file, ProjectLoader.lineOf(text, "\"" + key + "\"", from), 0,
            "resolveAlias \"" + key + "\": \"" + value + "\" leads out of the package"));
        return;
      }
      rules.add(new Rule(key.substring(0, key.length() - 1), to.get().isEmpty() ? "" : to.get() + "/",
          "\"" + key + "\": \"" + value + "\""));
    });
    rules.sort(Comparator.comparingInt((Rule r) -> r.from().length()).reversed());
    return new ResolveAlias(List.copyOf(rules));
  }

  /** The package path {@code request} stands for under the longest rule it starts with; empty when none. */
  public Optional<String> apply(String request) {
    for (Rule r : rules) {
      if (request.startsWith(r.from())) {
        return ProjectFiles.normalise(r.to() + request.substring(r.from().length()));
      }
    }
    return Optional.empty();
  }

  /**
   * For a message about {@code request} that was not found: {@code , alias is "@/x" (app.json resolveAlias "@/*":
   * "/*")} when a rule matched it, else empty text.
   */
  public String note(String request) {
    for (Rule r : rules) {
      if (request.startsWith(r.from())) {
        return ", alias is \"" + request + "\" (app.json resolveAlias " + r.written() + ")";
      }
    }
    return "";
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }
}
