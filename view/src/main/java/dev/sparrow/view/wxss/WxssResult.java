package dev.sparrow.view.wxss;

import dev.sparrow.view.ViewProblem;
import java.util.List;

/** Browser CSS plus the problems found; a bad rule is dropped and reported, the rest still applies. */
public record WxssResult(String css, List<ViewProblem> problems) {
  public WxssResult {
    problems = List.copyOf(problems);
  }
}
