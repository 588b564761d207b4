package dev.sparrow.runtime.project;

import java.util.List;
import java.util.stream.Collectors;

/** A project that cannot run; {@link #problems()} says precisely why. */
public final class ProjectException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public ProjectException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")), null, false, false);
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
