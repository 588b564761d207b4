package dev.sparrow.view.wxs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What WXS event handlers and {@code change:} observers act on through their ComponentDescriptors: the page's
 * elements by node id, and the logic layer of the page or component instance that owns them (0: the page). The
 * {@link dev.sparrow.view.PageView} implements it.
 */
public interface WxsElements {
  /** A descriptor's element: its node id and the instance whose methods {@code callMethod} reaches. */
  record Ref(int id, int instance) {}

  /** Sets the inline style WXS gives the element (over its template style); {@code css} is declarations. */
  void setStyle(int id, String css);

  void addClass(int id, String name);

  void removeClass(int id, String name);

  boolean hasClass(int id, String name);

  /** The element's {@code data-*} attributes as an event's dataset has them. */
  JsonNode dataset(int id);

  /** Calls {@code name(args)} of instance {@code instance} in the logic layer, after the WXS call returns. */
  void callMethod(int instance, String name, JsonNode args);

  /** {@code this.triggerEvent(name, detail)} of component instance {@code instance}, after the WXS call returns. */
  void triggerEvent(int instance, String name, JsonNode detail);

  /** The elements {@code selector} finds among those written by template {@code instance}, in document order. */
  List<Ref> select(int instance, String selector);

  /** Runs {@code frame} at the next frame (after the current event or render). */
  void requestAnimationFrame(Runnable frame);
}
