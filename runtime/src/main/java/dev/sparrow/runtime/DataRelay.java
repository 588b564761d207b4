package dev.sparrow.runtime;

import dev.sparrow.runtime.app.LogicLayer;
import dev.sparrow.runtime.app.ViewLayer;
import dev.sparrow.runtime.js.EventLoop;
import dev.sparrow.view.ModelUpdate;
import java.util.List;
import org.graalvm.polyglot.Value;

/**
 * The {@code setData} path from the logic layer to the view: the payload becomes the page's (or a component's)
 * patches at once, on the session thread; the callback runs as its own task after them, as WeChat's runs once the
 * view has the change.
 */
final class DataRelay {
  private final EventLoop loop;
  private final ViewLayer view;
  private final LogicLayer logic;
  /** The base library's callback runner, looked up once instead of at every callback (a polyglot member read). */
  private Value runner;

  DataRelay(EventLoop loop, ViewLayer view, LogicLayer logic) {
    this.loop = loop;
    this.view = view;
    this.logic = logic;
  }

  /** A page's setData: {@code json} is the payload (data-path keys); {@code callback} may be null. */
  void page(int pageId, String json, Value callback) {
    view.setData(pageId, json);
    after(callback);
  }

  /** A custom component's setData (instance {@code instance} of page {@code pageId}). */
  void component(int pageId, int instance, String json, Value callback) {
    view.setData(pageId, instance, json);
    List<ModelUpdate> models = view.modelUpdates(pageId, instance, json);
    if (!models.isEmpty()) {
      // the host's model: bindings carry the component's own property change to its owner, through the view as in
      // WeChat: after this setData, not inside it
      loop.post(() -> models.forEach(m -> logic.writeModel(pageId, m)));
    }
    after(callback);
  }

  private void after(Value callback) {
    if (callback != null && !callback.isNull()) {
      if (runner == null) {
        runner = logic.fn("callback");
      }
      Value run = runner;
      loop.post(SetDataCallbackEvent.timed(() -> logic.call("setData callback", run, callback)));
    }
  }
}
