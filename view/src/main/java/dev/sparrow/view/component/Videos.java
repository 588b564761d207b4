package dev.sparrow.view.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.view.event.HandlerCall;
import dev.sparrow.view.expr.Js;
import dev.sparrow.view.tree.VElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The headless player behind each {@code <video>}: what {@code VideoContext}'s methods do to it and the component
 * events they fire. Playing moves the position on the page clock at the playback rate; there is no decoder, so the
 * video has no duration, never ends and reports no {@code timeupdate}.
 *
 * <ul>
 *   <li>{@code play} / {@code pause}: {@code play} / {@code pause} with detail {@code {}} when the state changes;
 *       {@code stop}: paused at 0 ({@code pause} if it was playing).</li>
 *   <li>{@code seek(position)}: position in seconds, then {@code seekcomplete {position}}.</li>
 *   <li>{@code playbackRate(rate)}: the rate (0.5, 0.8, 1.0, 1.25, 1.5, 2.0).</li>
 *   <li>{@code requestFullScreen({direction})} / {@code exitFullScreen}: {@code fullscreenchange
 *       {fullScreen, direction}} with direction {@code "vertical"} for 0, else {@code "horizontal"}.</li>
 *   <li>{@code sendDanmu({text, color})}: kept in the player's danmu list.</li>
 *   <li>{@code showStatusBar}, {@code hideStatusBar}, picture-in-picture, background playback and casting requests:
 *       accepted, nothing to show headless.</li>
 * </ul>
 */
final class Videos {
  /** The methods of WeChat's VideoContext. */
  static final Set<String> METHODS = Set.of("play", "pause", "stop", "seek", "playbackRate", "requestFullScreen",
      "exitFullScreen", "sendDanmu", "showStatusBar", "hideStatusBar", "requestPictureInPicture",
      "exitPictureInPicture", "requestBackgroundPlayback", "exitBackgroundPlayback", "startCasting", "switchCasting",
      "reconnectCasting", "exitCasting");
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Dispatches a component event on an element. */
  interface Dispatch {
    List<HandlerCall> fire(VElement el, String type, JsonNode detail);
  }

  private final LongSupplier clock;
  private final Dispatch dispatch;
  private final Map<Integer, Player> players = new HashMap<>();

  private static final class Player {
    boolean playing;
    double position;
    long since;
    double rate = 1;
    boolean fullScreen;
    final ArrayNode danmu = F.arrayNode();
  }

  Videos(LongSupplier clock, Dispatch dispatch) {
    this.clock = clock;
    this.dispatch = dispatch;
  }

  Interaction call(VElement video, String method, List<JsonNode> args) {
    if (!video.tag().equals("video")) {
      throw new IllegalArgumentException("<" + video.tag() + "> has no VideoContext");
    }
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException("VideoContext." + method + " is not a function");
    }
    Player p = players.computeIfAbsent(video.id(), k -> new Player());
    JsonNode arg = args.isEmpty() ? F.objectNode() : args.get(0);
    long now = clock.getAsLong();
    List<HandlerCall> calls = new ArrayList<>();
    switch (method) {
      case "play" -> {
        if (!p.playing) {
          p.playing = true;
          p.since = now;
          calls.addAll(dispatch.fire(video, "play", F.objectNode()));
        }
      }
      case "pause", "stop" -> {
        boolean was = p.playing;
        p.position = method.equals("stop") ? 0 : position(p, now);
        p.playing = false;
        if (was) {
          calls.addAll(dispatch.fire(video, "pause", F.objectNode()));
        }
      }
      case "seek" -> {
        double to = Math.max(0, number(arg, 0));
        p.position = to;
        p.since = now;
        calls.addAll(dispatch.fire(video, "seekcomplete", F.objectNode().set("position", Js.number(to))));
      }
      case "playbackRate" -> {
        p.position = position(p, now);
        p.since = now;
        p.rate = number(arg, 1);
      }
      case "requestFullScreen", "exitFullScreen" -> {
        boolean full = method.equals("requestFullScreen");
        JsonNode direction = arg.path("direction");
        p.fullScreen = full;
        ObjectNode detail = F.objectNode().put("fullScreen", full);
        detail.put("direction", !full || (direction.isNumber() && direction.asInt() == 0) ? "vertical" : "horizontal");
        calls.addAll(dispatch.fire(video, "fullscreenchange", detail));
      }
      case "sendDanmu" -> {
        ObjectNode d = p.danmu.addObject();
        d.put("text", Js.toDisplay(arg.path("text").isMissingNode() ? F.textNode("") : arg.path("text")));
        d.put("color", arg.path("color").asText(""));
      }
      default -> {
        // status bar, picture-in-picture, background playback, casting: nothing to show headless
      }
    }
    return new Interaction(calls, List.of());
  }

  /** The player's state for reads: {@code {paused, currentTime, playbackRate, fullScreen, danmu}}. */
  ObjectNode state(VElement video) {
    Player p = players.computeIfAbsent(video.id(), k -> new Player());
    ObjectNode s = F.objectNode();
    s.put("paused", !p.playing);
    s.set("currentTime", Js.number(position(p, clock.getAsLong())));
    s.set("playbackRate", Js.number(p.rate));
    s.put("fullScreen", p.fullScreen);
    s.set("danmu", p.danmu.deepCopy());
    return s;
  }

  private static double position(Player p, long now) {
    return p.playing ? p.position + (now - p.since) * p.rate / 1000.0 : p.position;
  }

  private static double number(JsonNode v, double fallback) {
    double d = v == null || v.isMissingNode() || v.isObject() ? Double.NaN : Js.toNumber(v);
    return Double.isNaN(d) ? fallback : d;
  }
}
