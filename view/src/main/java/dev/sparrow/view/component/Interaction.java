package dev.sparrow.view.component;

import dev.sparrow.view.event.HandlerCall;
import java.util.List;

/**
 * What a headless interaction caused: page handlers to call, in order, and navigations and button open types to
 * perform after them. Empty when the target ignores the interaction (e.g. a disabled button).
 */
public record Interaction(List<HandlerCall> calls, List<NavigationRequest> navigations,
    List<OpenTypeRequest> openTypes) {
  public static final Interaction NONE = new Interaction(List.of(), List.of());

  public Interaction {
    calls = List.copyOf(calls);
    navigations = List.copyOf(navigations);
    openTypes = List.copyOf(openTypes);
  }

  public Interaction(List<HandlerCall> calls, List<NavigationRequest> navigations) {
    this(calls, navigations, List.of());
  }

  /** The handler names in call order; handy in tests. */
  public List<String> handlers() {
    return calls.stream().map(HandlerCall::handler).toList();
  }
}
