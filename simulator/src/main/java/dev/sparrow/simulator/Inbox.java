package dev.sparrow.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.WxCallException;
import dev.sparrow.view.ElementHandle;
import dev.sparrow.view.component.Interaction;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the browser says, applied to the session (one message at a time, on the inbox thread): the
 * person's taps, typing and gestures go through the runtime's interaction API (WeChat's event
 * rules run in Java; the browser only reports "tapped node N at x, y"), answers go to the devices,
 * panel requests are answered to the tab that asked. See docs/simulator.md for every message.
 */
final class Inbox implements Browsers.Handler {
  private final Simulator simulator;

  Inbox(Simulator simulator) {
    this.simulator = simulator;
  }

  @Override
  public void connected(BrowserSocket socket) {
    Session session = simulator.awaitSession();
    if (session == null) {
      return;
    }
    socket.send(simulator.hello().toString());
    simulator.mirror().paint(session, socket);
  }

  @Override
  public void allGone() {
    SimulatorDevices d = simulator.devices();
    if (d.speaker != null) {
      d.speaker.detachAll();
    }
  }

  @Override
  public void binary(ByteBuffer payload) {
    SimulatorDevices d = simulator.devices();
    if (d.microphone != null) {
      d.microphone.frame(payload);
    }
  }

  @Override
  public void message(BrowserSocket from, ObjectNode m) {
    Session session = simulator.session();
    if (session == null || session.isClosed()) {
      return;
    }
    SimulatorDevices d = simulator.devices();
    int id = m.path("id").asInt();
    try {
      switch (m.path("t").asText()) {
        case "event" -> event(session, m);
        case "measure.answer" -> simulator.mirror().measured(id, m.path("layout"));
        case "page.pull" -> session.pullDownRefreshLater(m.path("page").asInt());
        case "page.scroll" -> session.pageScrolledLater(m.path("page").asInt(), m.path("scrollTop").asDouble(), m.path("toBottom").asDouble());
        case "back" -> quietly(() -> session.callWx("navigateBack", Map.of("delta", 1)));
        case "tab" -> quietly(() -> session.tapTabLater(m.path("route").asText()));
        case "modal.answer" -> d.dialogs.answerModal(id, m.path("confirm").asBoolean(), m.path("content").asText(""));
        case "sheet.answer" -> d.dialogs.answerSheet(id, m.path("index").asInt(-1));
        case "permission.answer" -> d.permissions.answer(id, m.path("allow").asBoolean());
        case "pick.done" -> d.album.answerPick(id, uploads(m.path("uploads")), m.path("source").asText("album"), m.path("original").asBoolean());
        case "pick.cancel" -> d.album.answerPick(id, List.of(), "album", false);
        case "preview.closed" -> d.album.closePreview(id);
        case "audio.state" -> d.speaker.report(m);
        case "document.closed" -> d.documents.closed(id);
        case "panel" -> from.send(simulator.panels().answer(session, m).toString());
        case "storage.set" -> {
          simulator.panels().setStorage(session, m.path("key").asText(), m.path("value").asText());
          from.send(simulator.panels().answer(session, Messages.of("panel").put("name", "storage")).toString());
        }
        case "storage.remove" -> {
          quietly(() -> session.callWxSync("removeStorageSync", m.path("key").asText()));
          from.send(simulator.panels().answer(session, Messages.of("panel").put("name", "storage")).toString());
        }
        case "storage.clear" -> {
          quietly(() -> session.callWxSync("clearStorageSync"));
          from.send(simulator.panels().answer(session, Messages.of("panel").put("name", "storage")).toString());
        }
        case "device" -> simulator.switchDevice(m.path("name").asText());
        default -> { }
      }
    } catch (RuntimeException e) {
      simulator.mirror().keep(Messages.of("console").put("level", "warn").put("text", "simulator: " + m.path("t").asText() + ": " + e.getMessage()));
    }
  }

  private List<Path> uploads(JsonNode ids) {
    List<Path> out = new ArrayList<>();
    for (JsonNode id : ids) {
      simulator.uploadFile(id.asText()).ifPresent(out::add);
    }
    return out;
  }

  /** A person's gesture on element {@code id} of page {@code page}. */
  private void event(Session session, ObjectNode m) {
    int page = m.path("page").asInt();
    int node = m.path("node").asInt();
    String type = m.path("type").asText();
    double x = m.path("x").asDouble();
    double y = m.path("y").asDouble();
    boolean touches = m.path("touches").asBoolean(true);
    JsonNode detail = m.path("detail").isObject() ? m.path("detail") : Browsers.JSON.createObjectNode();
    Function<ElementHandle, Interaction> action = switch (type) {
      case "tap" -> h -> h.tap(x, y, touches);
      case "longpress" -> h -> h.longPress(x, y, touches);
      case "input" -> h -> h.input(m.path("value").asText(""));
      // an input's Enter; the legacy <modal>'s button carries a detail
      case "confirm" -> m.has("detail") ? h -> h.trigger(type, detail) : ElementHandle::confirm;
      case "focus" -> ElementHandle::focus;
      case "blur" -> ElementHandle::blur;
      case "change" -> m.has("value") ? h -> h.change(m.path("value")) : h -> h.trigger(type, detail);
      default -> h -> h.trigger(type, detail);
    };
    session.interactLater(page, node, action).exceptionally(t -> null);
    if (type.equals("scroll")) {
      session.layoutChangedLater(page); // a scroll-view moved what IntersectionObservers watch
    }
  }

  private static void quietly(Runnable r) {
    try {
      r.run();
    } catch (WxCallException e) {
      // the page saw the failure the way page code would (e.g. navigateBack at the first page)
    }
  }
}
