package dev.sparrow.view.custom;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * What a page's view needs from the runtime to render custom components: which tags are components (a page's or
 * component's {@code usingComponents}, plus the app's global ones), their compiled definitions, and the logic-layer
 * instances behind them. Called on the page's thread while the view renders; the lifecycle callbacks
 * ({@link #attached}, {@link #propertiesChanged}, {@link #detached}) only run from {@code PageView.drain()}, after
 * the tree is committed, so the logic layer may call {@code setData} from them.
 */
public interface ComponentHost {

  /**
   * The component a tag names in the template of {@code ownerPath} ({@code pages/index/index},
   * {@code components/card/card}), or empty when the tag is not a custom component there.
   */
  Optional<ComponentDefinition> resolve(String ownerPath, String tag);

  /**
   * False when no tag can name a component in the template of {@code ownerPath} (it declares none and the app none
   * globally), so that its renders are not searched for hosts.
   */
  default boolean usesAny(String ownerPath) {
    return true;
  }

  /**
   * Creates the logic-layer instance with its initial data and the properties the host element sets; its
   * {@code created} lifetime runs later ({@link #created}), once its template is rendered.
   *
   * @param instance the new instance's id in this page (never 0: 0 is the page)
   * @param owner the instance whose template wrote the host element (0: the page)
   * @param properties the host element's property-like attributes (rendered names, e.g. {@code fooProp})
   * @param origins where values of {@code properties} were read in the owner's data, so the logic layer can pass
   *     its own (functions included): {@code {name: [{at: [path in the value], from: [path in the owner's data]}]}}
   * @param host {@code {id, dataset}} of the host element
   * @return the instance's data to render, or null when it cannot be created (the tag then renders as a plain element)
   */
  ObjectNode create(int instance, int owner, ComponentDefinition definition, ObjectNode properties, ObjectNode origins,
      ObjectNode host);

  /**
   * Runs the instance's {@code created} lifetime: after the render that created it is committed and after the
   * components its own template wrote (glass-easel renders a component's template before its {@code created}).
   */
  default void created(int instance) {}

  /** The instance entered the page tree (after the render that created it is committed). */
  void attached(int instance);

  /** The owner's render changed property-like attributes of the instance's host element (origins as in create). */
  void propertiesChanged(int instance, ObjectNode changed, ObjectNode origins);

  /** The instance moved among the instances its owner's template wrote (a keyed list reordered). */
  default void moved(int instance) {}

  /** The instance left the page tree. */
  void detached(int instance);

  /**
   * A component the page shows after its own content, outside its template: a tab page's custom tab bar
   * ({@code app.json} {@code tabBar.custom}). Empty by default.
   */
  default Optional<Appended> appended() {
    return Optional.empty();
  }

  /**
   * A component appended to the page: its host element's {@code tag}, and the {@code instance} id the logic layer
   * already gave it (its {@link #create} is asked for that instance's data; it is not created again).
   */
  record Appended(String tag, ComponentDefinition definition, int instance) {}
}
