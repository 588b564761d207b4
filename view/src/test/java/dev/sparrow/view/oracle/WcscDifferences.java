package dev.sparrow.view.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where Sparrow's CSS deliberately differs from wcsc's (docs/view-oracle-differences.md has the same list).
 * Stylesheets wcsc rejects as a whole are own cases with a {@code deliberate} section giving the reason.
 */
final class WcscDifferences {
  /** wcsc turns a package path in {@code url()} into a marker; Sparrow keeps it for the simulator to serve. */
  private static final Pattern LOCAL_URL = Pattern.compile(" ?-do-not-use-local-path-[^)]*&\\d+&\\d+");
  private static final Pattern QUOTED_URL = Pattern.compile("url\\(\\s*(['\"])([^'\"]*)\\1\\s*\\)");

  private WcscDifferences() {}

  /** The differing rules of {@code d} that no deliberate difference explains. */
  static List<String> unexplained(RuleDiff d) {
    List<String> sparrow = new ArrayList<>(d.onlySparrow());
    List<String> out = new ArrayList<>();
    for (String w : d.onlyWcsc()) {
      String local = LOCAL_URL.matcher(w).replaceAll("");
      if (!local.equals(w) && sparrow.removeIf(r -> QUOTED_URL.matcher(r).replaceAll("url($2)").equals(local))) {
        continue;
      }
      out.add("wcsc:    " + w);
    }
    sparrow.forEach(r -> out.add("sparrow: " + r));
    return out;
  }

  /** Why Sparrow compiles a stylesheet that wcsc rejects, if the case says so. */
  static String whyRejected(OracleCase c) {
    return c.files().getOrDefault("deliberate", "").strip();
  }
}
