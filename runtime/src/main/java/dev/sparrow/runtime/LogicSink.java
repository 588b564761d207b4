package dev.sparrow.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparrow.runtime.app.ElementAnimations;
import dev.sparrow.runtime.app.LogicLayer;
import dev.sparrow.runtime.app.ViewLayer;
import dev.sparrow.runtime.js.EventLoop;
import dev.sparrow.view.ElementHandle;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.graalvm.polyglot.Value;

/**
 * What the logic layer asks of the rest of the session (loop thread): console and errors to the log, setData to the
 * {@link DataRelay}, component and node queries to the view, animations and layout questions to the screens.
 */
final class LogicSink implements LogicLayer.Sink {
  private final EventLoop loop;
  private final SessionLog log;
  private final ViewLayer view;
  private final ElementAnimations animations;
  private final List<Screen> screens;
  private final Supplier<DataRelay> relay;
  private final Supplier<Interactions> interactions;

  /** {@code relay} and {@code interactions} are made after the logic layer; they answer once it exists. */
  LogicSink(EventLoop loop, SessionLog log, ViewLayer view, ElementAnimations animations, List<Screen> screens,
      Supplier<DataRelay> relay, Supplier<Interactions> interactions) {
    this.loop = loop;
    this.log = log;
    this.view = view;
    this.animations = animations;
    this.screens = screens;
    this.relay = relay;
    this.interactions = interactions;
  }

  @Override
  public void console(ConsoleMessage message) {
    log.console(message);
  }

  @Override
  public void error(ScriptError error) {
    log.error(error);
  }

  @Override
  public void setData(int pageId, String json, Value callback) {
    relay.get().page(pageId, json, callback);
  }

  @Override
  public void setComponentData(int pageId, int instance, String json, Value callback) {
    relay.get().component(pageId, instance, json, callback);
  }

  @Override
  public String componentEvent(int pageId, int instance, String type, boolean bubbles, boolean composed,
      boolean capturePhase) {
    return view.componentEvent(pageId, instance, type, bubbles, composed, capturePhase);
  }

  @Override
  public String componentAncestors(int pageId, int instance) {
    return view.componentAncestors(pageId, instance);
  }

  @Override
  public String componentOrder(int pageId) {
    return view.componentOrder(pageId);
  }

  @Override
  public String selectComponents(int pageId, int instance, String selector) {
    return view.selectComponents(pageId, instance, selector);
  }

  @Override
  public String queryNodes(int pageId, int instance, String selector) {
    return view.queryNodes(pageId, instance, selector);
  }

  @Override
  public void animate(int pageId, List<Integer> nodes, JsonNode keyframes, long duration) {
    animations.animate(pageId, nodes, keyframes, duration);
    screens.forEach(s -> s.animated(pageId, nodes, keyframes, duration));
  }

  /** A page's VideoContext call: the first {@code <video>} with that id plays it, after the calling code. */
  @Override
  public void videoContext(int pageId, int instance, String id, String method, List<JsonNode> args) {
    List<ElementHandle> found;
    try {
      found = view.view(pageId).map(v -> v.query(instance, "#" + id)).orElse(List.of());
    } catch (IllegalArgumentException notASelector) {
      return; // an id no element can have: the context drives nothing, as in WeChat
    }
    found.stream().filter(e -> e.tag().equals("video")).findFirst().ifPresent(video -> loop.post(() -> {
      try {
        interactions.get().interact(pageId, video.id(), h -> h.videoContext(method, args));
      } catch (IllegalStateException gone) {
        // the page or the video went away before the call ran
      }
    }));
  }

  @Override
  public void clearAnimation(int pageId, List<Integer> nodes, Set<String> properties) {
    animations.clear(pageId, nodes, properties);
    screens.forEach(s -> s.animationCleared(pageId, nodes, properties));
  }

  /** Asks the screens for layout (the first that has one answers); headless, or after 2 s, the answer is null. */
  @Override
  public void measure(int pageId, String request, Consumer<String> answer) {
    CompletableFuture<String> result = null;
    for (Screen screen : screens) {
      CompletionStage<String> stage = screen.measure(pageId, request);
      if (stage != null) {
        result = stage.toCompletableFuture();
        break;
      }
    }
    if (result == null) {
      loop.post(() -> answer.accept(null));
      return;
    }
    loop.beginIo(); // the page waits for the answer: the session is not idle meanwhile
    result.completeOnTimeout(null, 2, TimeUnit.SECONDS).whenComplete((json, t) -> loop.post(() -> {
      try {
        answer.accept(t == null ? json : null);
      } finally {
        loop.endIo();
      }
    }));
  }
}
