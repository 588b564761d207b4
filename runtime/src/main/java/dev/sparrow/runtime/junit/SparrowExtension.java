package dev.sparrow.runtime.junit;

import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/** JUnit 5 extension behind {@link MiniProgram}: one session per test, closed afterwards. */
public final class SparrowExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SparrowExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Session.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    MiniProgram config = find(context)
        .orElseThrow(() -> new ParameterResolutionException("a Session parameter needs @MiniProgram on the test or its class"));
    ExtensionContext.Store store = context.getStore(NS);
    return store.getOrComputeIfAbsent("session", k -> new Closing(launch(config)), Closing.class).session;
  }

  private static Session launch(MiniProgram config) {
    SessionOptions options = SessionOptions.of(locate(config.value()));
    if (config.virtualClock()) {
      options.virtualClock();
    }
    if (!config.launchUrl().isEmpty()) {
      options.launchUrl(config.launchUrl());
    }
    return Sparrow.launch(options).awaitIdle();
  }

  private static Optional<MiniProgram> find(ExtensionContext context) {
    for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
      Optional<AnnotatedElement> element = c.get().getElement();
      if (element.isPresent() && element.get().isAnnotationPresent(MiniProgram.class)) {
        return Optional.of(element.get().getAnnotation(MiniProgram.class));
      }
    }
    return Optional.empty();
  }

  static Path locate(String project) {
    Path p = Path.of(project);
    if (p.isAbsolute()) {
      return p;
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(p))) {
        return dir.resolve(p);
      }
    }
    return p.toAbsolutePath();
  }

  /** Closes the session when JUnit closes the store at the end of the test (AutoCloseable for JUnit 5.13+). */
  private static final class Closing implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final Session session;

    Closing(Session session) {
      this.session = session;
    }

    @Override
    public void close() {
      session.close();
    }
  }
}
