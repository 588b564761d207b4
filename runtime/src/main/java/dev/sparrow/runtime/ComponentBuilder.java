package dev.sparrow.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparrow.runtime.project.ProjectLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One custom component rendered alone, as {@code miniprogram-simulate} does for JavaScript tests: {@link
 * Sparrow#component}{@code (projectDir, "components/counter/counter").props(Map.of("count", 3)).render()}.
 *
 * <p>The project's app runs as usual ({@code getApp()} works); the component is the only child of a host page
 * Sparrow adds to the project for the session (mounted at {@value #MOUNT}, never written into the project), its
 * properties bound to the host's data so that {@link ComponentHandle#setProps} updates them as a parent would.
 */
public final class ComponentBuilder {
  /** Where the host page is mounted in the package. */
  static final String MOUNT = "__sparrow__/";
  static final String HOST_ROUTE = MOUNT + "host";
  /** The id of the component's element on the host page. */
  static final String ID = "sparrow-under-test";
  /** Page data key holding the properties. */
  static final String PROPS = "sparrowProps";
  static final String MOUNTED = "sparrowMounted";
  private static final Pattern NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * The event probe: a component written before the one under test, whose {@code created} wraps the instances'
   * shared {@code triggerEvent} so that every event the component under test triggers is recorded (name, a JSON
   * copy of the detail, the options) before it is delivered as usual.
   */
  private static final String PROBE_JS = String.join("\n",
      "Component({",
      "  lifetimes: {",
      "    created() {",
      "      let proto = Object.getPrototypeOf(this)",
      "      while (proto && !Object.prototype.hasOwnProperty.call(proto, 'triggerEvent')) {",
      "        proto = Object.getPrototypeOf(proto)",
      "      }",
      "      if (!proto || globalThis.__sparrowComponentEvents__) return",
      "      const events = []",
      "      Object.defineProperty(globalThis, '__sparrowComponentEvents__', { value: events })",
      "      const trigger = proto.triggerEvent",
      "      proto.triggerEvent = function (name, detail, options) {",
      "        if (this.id === '" + ID + "') {",
      "          const o = options || {}",
      "          let copy",
      "          try {",
      "            copy = detail === undefined ? {} : JSON.parse(JSON.stringify(detail))",
      "          } catch (e) {",
      "            copy = String(detail)",
      "          }",
      "          events.push({ name: String(name), detail: copy === undefined ? null : copy,",
      "            bubbles: !!o.bubbles, composed: !!o.composed, capturePhase: !!o.capturePhase })",
      "        }",
      "        return trigger.call(this, name, detail, options)",
      "      }",
      "    }",
      "  }",
      "})",
      "");

  private final Path projectDir;
  private final String component;
  private final Map<String, Object> props = new LinkedHashMap<>();
  private Consumer<SessionOptions> adjust = o -> {};

  ComponentBuilder(Path projectDir, String component) {
    this.projectDir = locate(projectDir);
    this.component = component.replaceFirst("^/", "");
  }

  /**
   * The properties the component gets, by their JavaScript names ({@code "maxCount"}, written {@code max-count}
   * on the host element); only these can change later with {@link ComponentHandle#setProps}.
   */
  public ComponentBuilder props(Map<String, ?> values) {
    values.forEach((name, value) -> {
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("not a property name: " + name);
      }
      props.put(name, value);
    });
    return this;
  }

  /** Adjusts the session's options (a virtual clock, a data folder, a device…) before it launches. */
  public ComponentBuilder options(Consumer<SessionOptions> adjust) {
    this.adjust = this.adjust.andThen(adjust);
    return this;
  }

  /**
   * Launches the project with the host page and returns once the component is created, attached and ready and
   * the session is idle.
   *
   * @throws IllegalStateException when the component cannot be rendered (a wrong path: the problems are in the
   *     message)
   */
  public ComponentHandle render() {
    ScratchDir host;
    try {
      host = ScratchDir.create("component");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the host page's folder", e);
    }
    Session session = null;
    try {
      writeHost(host.path());
      SessionOptions options = SessionOptions.of(projectDir);
      adjust.accept(options);
      options.launchUrl(HOST_ROUTE)
          .extraPage(new ProjectLoader.ExtraPage(MOUNT, host.path(), HOST_ROUTE));
      session = Sparrow.launch(options).awaitIdle();
      ComponentHandle handle = new ComponentHandle(session, host, component, props.keySet());
      handle.element();
      return handle;
    } catch (IOException e) {
      host.close();
      throw new UncheckedIOException("cannot write the host page", e);
    } catch (RuntimeException e) {
      IllegalStateException failure = session == null ? null : new IllegalStateException("cannot render " + component
          + ": " + session.console().stream().map(ConsoleMessage::text).toList() + " " + session.errors(), e);
      if (session != null) {
        session.close();
      }
      host.close();
      throw failure != null ? failure : e;
    }
  }

  private void writeHost(Path dir) throws IOException {
    Map<String, Object> using = new LinkedHashMap<>();
    using.put("sparrow-event-probe", "./probe");
    using.put("sparrow-under-test", "/" + component);
    write(dir, "host.json", JSON.writeValueAsString(Map.of("usingComponents", using)));
    StringBuilder wxml = new StringBuilder("<sparrow-event-probe/>\n<sparrow-under-test wx:if=\"{{" + MOUNTED
        + "}}\" id=\"" + ID + "\"");
    props.keySet().stream().sorted().forEach(name -> wxml.append(' ').append(attribute(name))
        .append("=\"{{").append(PROPS).append('.').append(name).append("}}\""));
    write(dir, "host.wxml", wxml.append("/>\n").toString());
    write(dir, "host.js", "Page({ data: " + json(Map.of(PROPS, props, MOUNTED, true)) + " })\n");
    write(dir, "probe.json", "{ \"component\": true }\n");
    write(dir, "probe.wxml", "");
    write(dir, "probe.js", PROBE_JS);
  }

  /** A relative folder is looked up from the working directory and each of its parents, as {@code @MiniProgram}'s. */
  private static Path locate(Path project) {
    if (project.isAbsolute()) {
      return project;
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(project))) {
        return dir.resolve(project);
      }
    }
    return project.toAbsolutePath();
  }

  /** {@code maxCount} → {@code max-count}: how a property is written as an attribute. */
  static String attribute(String property) {
    return property.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
  }

  private static String json(Object value) throws JsonProcessingException {
    return JSON.writeValueAsString(value);
  }

  private static void write(Path dir, String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}
