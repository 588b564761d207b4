package dev.sparrow.runtime.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.view.custom.ComponentDefinition;
import dev.sparrow.view.custom.ComponentHost;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.graalvm.polyglot.Value;

/** One page's custom components as the view sees them: definitions from the catalog, instances in the logic layer. */
final class PageComponents implements ComponentHost {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int pageId;
  private final ComponentCatalog catalog;
  private final LogicLayer logic;
  private final BooleanSupplier pageReady;
  private final Optional<Appended> tabBar;

  /** @param tabBar the page's custom tab bar (its instance made with the page, in the logic layer), or empty */
  PageComponents(int pageId, ComponentCatalog catalog, LogicLayer logic, BooleanSupplier pageReady,
      Optional<Appended> tabBar) {
    this.pageId = pageId;
    this.catalog = catalog;
    this.logic = logic;
    this.pageReady = pageReady;
    this.tabBar = tabBar;
  }

  @Override
  public Optional<Appended> appended() {
    return tabBar;
  }

  @Override
  public Optional<ComponentDefinition> resolve(String ownerPath, String tag) {
    return catalog.resolve(ownerPath, tag);
  }

  @Override
  public boolean usesAny(String ownerPath) {
    return catalog.usesAny(ownerPath);
  }

  @Override
  public ObjectNode create(int instance, int owner, ComponentDefinition definition, ObjectNode properties,
      ObjectNode origins, ObjectNode host) {
    Value data = logic.call(definition.path() + " created", logic.fn("createComponent"), pageId, instance, owner,
        definition.path(), properties.toString(), host.toString(), origins.isEmpty() ? null : origins.toString());
    if (data == null || !data.isString()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(data.asString());
      return node instanceof ObjectNode o ? o : JSON.createObjectNode();
    } catch (Exception e) {
      return JSON.createObjectNode();
    }
  }

  @Override
  public void created(int instance) {
    logic.call("created", logic.fn("createdComponent"), pageId, instance);
  }

  @Override
  public void attached(int instance) {
    logic.call("attached", logic.fn("attachComponent"), pageId, instance, pageReady.getAsBoolean());
  }

  @Override
  public void propertiesChanged(int instance, ObjectNode changed, ObjectNode origins) {
    logic.call("properties", logic.fn("componentProperties"), pageId, instance, changed.toString(),
        origins.isEmpty() ? null : origins.toString());
  }

  @Override
  public void moved(int instance) {
    logic.call("moved", logic.fn("moveComponent"), pageId, instance);
  }

  @Override
  public void detached(int instance) {
    logic.call("detached", logic.fn("detachComponent"), pageId, instance);
  }
}
