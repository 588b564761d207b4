package dev.sparrow.view;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when WXML (or a WXS module it needs) cannot be compiled; carries every problem found, in source order. */
public final class ViewException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<ViewProblem> problems;

  public ViewException(List<ViewProblem> problems) {
    super(problems.stream().map(ViewProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public ViewException(ViewProblem problem) {
    this(List.of(problem));
  }

  public List<ViewProblem> problems() {
    return problems;
  }
}
