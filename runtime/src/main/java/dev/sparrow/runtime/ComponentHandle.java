package dev.sparrow.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A custom component rendered alone by {@link Sparrow#component}: find and act on its elements, read its data,
 * change its properties as a parent would, detach and attach it again, and see the events it triggered. Owns its
 * session: close it (try-with-resources) when the test ends.
 *
 * <pre>{@code
 * try (ComponentHandle counter = Sparrow.component(project, "components/counter/counter")
 *     .props(Map.of("count", 3, "step", 2)).render()) {
 *   counter.tap(".inc");
 *   assertThat(counter.data("count")).isEqualTo(5);
 *   assertThat(counter.events()).containsExactly(new ComponentHandle.Event("change", Map.of("count", 5)));
 * }
 * }</pre>
 */
public final class ComponentHandle implements AutoCloseable {
  /**
   * One {@code this.triggerEvent(name, detail, options)} of the component: the detail as JSON data (copied when it
   * was triggered) and the options.
   */
  public record Event(String name, Object detail, boolean bubbles, boolean composed, boolean capturePhase) {
    /** An event triggered without options. */
    public Event(String name, Object detail) {
      this(name, detail, false, false, false);
    }
  }

  private final Session session;
  private final ScratchDir host;
  private final String component;
  private final Set<String> props;

  ComponentHandle(Session session, ScratchDir host, String component, Set<String> props) {
    this.session = session;
    this.host = host;
    this.component = component;
    this.props = Set.copyOf(props);
  }

  /** The session the component runs in (its console, errors, wx APIs, clock). */
  public Session session() {
    return session;
  }

  /** The component's host element. */
  public PageElement element() {
    return hostPage().select("#" + ComponentBuilder.ID)
        .filter(PageElement::isComponent)
        .orElseThrow(() -> new IllegalStateException(component + " is not rendered (detached, or not a component)"));
  }

  /** The first element of the component's own WXML matching {@code selector}. */
  public Optional<PageElement> select(String selector) {
    return element().select(selector);
  }

  public List<PageElement> selectAll(String selector) {
    return element().selectAll(selector);
  }

  /** Taps the first element matching {@code selector}; returns once the session is idle. */
  public ComponentHandle tap(String selector) {
    find(selector).tap();
    return idle();
  }

  /** Types {@code text} into the input or textarea matching {@code selector}. */
  public ComponentHandle input(String selector, String text) {
    find(selector).input(text);
    return idle();
  }

  /** Dispatches {@code type} with {@code detail} on the element matching {@code selector}. */
  public ComponentHandle trigger(String selector, String type, Map<String, Object> detail) {
    find(selector).trigger(type, detail);
    return idle();
  }

  /** The component's {@code this.data} (properties included), as plain Java data. */
  public Map<String, Object> data() {
    return element().data();
  }

  /** One value of the component's data by WeChat path ({@code "list[2].title"}), or null. */
  public Object data(String path) {
    return element().data(path);
  }

  /** Calls a method of the component; returns its result as plain Java data. */
  public Object callMethod(String method, Object... args) {
    Object result = element().callMethod(method, args);
    idle();
    return result;
  }

  /**
   * Changes properties given to {@link ComponentBuilder#props} as the parent's {@code setData} would (observers
   * run); returns once the session is idle.
   *
   * @throws IllegalArgumentException for a property not given to {@code props} at render
   */
  public ComponentHandle setProps(Map<String, ?> values) {
    Map<String, Object> changes = new LinkedHashMap<>();
    values.forEach((name, value) -> {
      if (!props.contains(name)) {
        throw new IllegalArgumentException(name + " was not given to props() at render, so it is not bound");
      }
      changes.put(ComponentBuilder.PROPS + "." + name, value);
    });
    hostPage().setData(changes);
    return idle();
  }

  /** Removes the component from the page: its {@code detached} lifetime runs. */
  public ComponentHandle detach() {
    hostPage().setData(Map.of(ComponentBuilder.MOUNTED, false));
    return idle();
  }

  /** Renders the component again after {@link #detach}: a new instance is created, attached and ready. */
  public ComponentHandle attach() {
    hostPage().setData(Map.of(ComponentBuilder.MOUNTED, true));
    return idle();
  }

  /** Whether the component is on the page (not {@linkplain #detach detached}). */
  public boolean attached() {
    return hostPage().select("#" + ComponentBuilder.ID).isPresent();
  }

  /** Every event the component triggered since it was first rendered, oldest first. */
  public List<Event> events() {
    Object recorded = session.evaluate("function () { return globalThis.__sparrowComponentEvents__ || [] }");
    return ((List<?>) recorded).stream().map(o -> (Map<?, ?>) o)
        .map(m -> new Event((String) m.get("name"), m.get("detail"), (Boolean) m.get("bubbles"),
            (Boolean) m.get("composed"), (Boolean) m.get("capturePhase")))
        .toList();
  }

  /** The events named {@code name}, oldest first. */
  public List<Event> events(String name) {
    return events().stream().filter(e -> e.name().equals(name)).toList();
  }

  /**
   * The component's rendered WXML (its host element and the component's own tree), for snapshot assertions: the
   * same text for the same state in every run.
   */
  public String snapshot() {
    return element().outerWxml();
  }

  /** Closes the session and removes the host page's folder. */
  @Override
  public void close() {
    try {
      session.close();
    } finally {
      host.close();
    }
  }

  private PageHandle hostPage() {
    return session.currentPage();
  }

  private PageElement find(String selector) {
    return select(selector).orElseThrow(() -> new IllegalArgumentException("no element matches " + selector
        + " in " + component));
  }

  private ComponentHandle idle() {
    session.awaitIdle();
    return this;
  }
}
