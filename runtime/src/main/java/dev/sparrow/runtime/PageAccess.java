package dev.sparrow.runtime;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparrow.view.ElementHandle;
import dev.sparrow.view.PageView;
import dev.sparrow.view.component.Interaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * What {@link PageHandle} and {@link PageElement} do to a session's pages, elements and component instances: find,
 * read, interact, read and set data, call methods. Each call runs on the session thread and waits, as
 * {@link Session}'s own methods do.
 */
final class PageAccess {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** WeChat's long-press time. */
  private static final Duration LONG_PRESS = Duration.ofMillis(350);

  private final Session session;
  private final SessionCore core;

  PageAccess(Session session, SessionCore core) {
    this.session = session;
    this.core = core;
  }

  Optional<PageElement> select(int pageId, String selector) {
    return session.onLoop(() -> view(pageId).find(selector).map(h -> element(pageId, h)));
  }

  List<PageElement> selectAll(int pageId, String selector) {
    return session.onLoop(() -> view(pageId).findAll(selector).stream().map(h -> element(pageId, h)).toList());
  }

  Optional<PageElement> element(int pageId, int nodeId) {
    return session.onLoop(() -> view(pageId).handle(nodeId).map(h -> element(pageId, h)));
  }

  List<PageElement> selectByXpath(int pageId, String expression) {
    return session.onLoop(() -> {
      PageView v = view(pageId);
      List<PageElement> out = new ArrayList<>();
      for (int id : XPaths.select(v.root(), expression)) {
        v.handle(id).ifPresent(h -> out.add(element(pageId, h)));
      }
      return out;
    });
  }

  String wxml(int pageId) {
    return session.onLoop(() -> view(pageId).wxml());
  }

  <T> T readElement(int pageId, int nodeId, Function<ElementHandle, T> reader) {
    return session.onLoop(() -> reader.apply(view(pageId).handle(nodeId)
        .orElseThrow(() -> new IllegalStateException("element " + nodeId + " is no longer on the page"))));
  }

  /** The style animations give an element now (see {@link PageElement#animatedStyle()}). */
  Map<String, String> animatedStyle(int pageId, int nodeId) {
    return session.onLoop(() -> core.animations().style(pageId, nodeId));
  }

  /**
   * A driver's finger goes down on element {@code nodeId}: a timer 350 ms of session time later tells the element the
   * finger still rests (its {@code longpress}, see {@code Interactions.pressHeld} in the view). Set before the
   * touchstart runs; a timer not yet due does not keep the session busy.
   */
  void holdPress(int pageId, int nodeId) {
    core.loop().schedule(LONG_PRESS.toMillis(), () -> {
      try {
        core.interactions().interact(pageId, nodeId, ElementHandle::pressHeld);
      } catch (IllegalStateException gone) {
        // the page or the element went away while the finger rested
      }
    });
  }

  void interact(int pageId, int nodeId, Function<ElementHandle, Interaction> action) {
    session.onLoop(() -> {
      core.interactions().interact(pageId, nodeId, action);
      return null;
    });
    session.awaitIdle();
  }

  Map<String, Object> pageData(int id) {
    String json = session.onLoop(() -> {
      Value v = core.logic().fn("pageData").execute(id);
      return v.isNull() ? null : v.asString();
    });
    if (json == null) {
      throw new IllegalStateException("page " + id + " is no longer open");
    }
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A custom component instance's {@code this.data}; see {@link PageElement#data()}. */
  Map<String, Object> componentData(int pageId, int instance) {
    String json = session.onLoop(() -> {
      Value v = core.logic().fn("componentData").execute(pageId, instance);
      return v.isNull() ? null : v.asString();
    });
    if (json == null) {
      throw new IllegalStateException("component " + instance + " of page " + pageId + " is no longer on the page");
    }
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  void componentSetData(int pageId, int instance, Map<String, Object> changes) {
    session.onLoop(() -> {
      try {
        core.logic().fn("componentSetData").execute(pageId, instance, core.logic().values().toJs(changes));
      } catch (PolyglotException e) {
        throw new IllegalStateException(e.getMessage());
      }
      return null;
    });
    session.awaitIdle();
  }

  Object componentCall(int pageId, int instance, String method, List<Object> args) {
    Object[] outcome = session.await(completion -> {
      Value result;
      try {
        result = core.logic().fn("componentCall").execute(pageId, instance, method, core.logic().values().toJs(args));
      } catch (PolyglotException e) {
        ScriptError error = core.logic().thrown(e, "callMethod " + method);
        core.log().error(error);
        throw new ScriptException(error);
      }
      core.logic().fn("settleValue").execute(result, completion);
    });
    session.awaitIdle();
    if (!(Boolean) outcome[0]) {
      throw new ScriptException(ScriptError.of(String.valueOf(outcome[1]), "", "callMethod " + method));
    }
    return outcome[1];
  }

  void pageSetData(int id, Map<String, Object> changes) {
    session.evaluate("function (id, changes) { var p = getCurrentPages()"
        + ".filter(function (x) { return x.__pageId__ === id; })[0] || null;"
        + " if (!p) throw new Error('page ' + id + ' is not on the stack'); p.setData(changes); }", id, changes);
    session.awaitIdle();
  }

  Object pageCall(int id, String method, List<Object> args) {
    Object[] outcome = session.await(completion -> {
      Value result;
      try {
        result = core.logic().fn("callMethod").execute(id, method, core.logic().values().toJs(args));
      } catch (PolyglotException e) {
        ScriptError error = core.logic().thrown(e, "callMethod " + method);
        core.log().error(error);
        throw new ScriptException(error);
      }
      core.logic().fn("settleValue").execute(result, completion);
    });
    session.awaitIdle();
    if (!(Boolean) outcome[0]) {
      throw new ScriptException(ScriptError.of(String.valueOf(outcome[1]), "", "callMethod " + method));
    }
    return outcome[1];
  }

  Map<String, Object> navigationBar(int id) {
    return session.onLoop(() -> core.router().page(id).map(core.screenState()::navigationBarOf)
        .orElseThrow(() -> new IllegalStateException("page " + id + " is no longer open")));
  }

  private PageView view(int pageId) {
    return core.view().view(pageId)
        .orElseThrow(() -> new IllegalStateException("page " + pageId + " has no rendered view"));
  }

  private PageElement element(int pageId, ElementHandle h) {
    return new PageElement(session, pageId, h.id(), h.tag());
  }
}
