package dev.sparrow.view.wxss;

import dev.sparrow.view.ViewProblem;
import java.util.List;

/**
 * Browser CSS plus the problems found; a bad rule is dropped and reported, the rest still applies.
 *
 * @param hostCss the {@code :host} rules, as {@code [is="<component path>"]} selectors; WeChat puts them in one
 *     sheet ahead of every other, so they lose ties against the rules of the page that uses the component
 */
public record WxssResult(String css, List<ViewProblem> problems, String hostCss) {
  public WxssResult {
    problems = List.copyOf(problems);
  }

  public WxssResult(String css, List<ViewProblem> problems) {
    this(css, problems, "");
  }
}
