package dev.sparrow.view.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.view.template.CompiledPage;
import dev.sparrow.view.template.TemplateRenderer;
import dev.sparrow.view.tree.VElement;
import dev.sparrow.view.tree.VNode;
import dev.sparrow.view.wxs.WxsRuntime;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rendered template of a page: the page itself (id 0) or a custom component instance. Holds its data, its WXS
 * context, its last raw render (custom tags as host elements holding their slot content) and the component
 * instances its template created, by identity key.
 */
public final class Instance implements AutoCloseable {
  final int id;
  final String path;
  final ComponentDefinition definition;
  final Instance owner;
  final String key;
  final CompiledPage template;
  final TemplateRenderer renderer;
  final ObjectNode data;
  List<VNode> raw = List.of();
  /** Raw host elements of the last render, with the component each names and its identity key. */
  final Map<VElement, Child> hosts = new IdentityHashMap<>();
  /**
   * The node each raw node of the last render became in the committed page tree (the latest composition of it), for
   * replacing parts of the render; entries may be stale (a node composed no more), so check the node is in the tree.
   */
  final Map<VNode, VNode> composed = new IdentityHashMap<>();
  /** Instances created by this template, by identity key. */
  final Map<String, Instance> children = new LinkedHashMap<>();
  /** The instances this template wrote, in document order of its last render (for moves). */
  List<Instance> childOrder = List.of();
  /** The host element in the owner's last raw render (its children are the slot content). */
  VElement hostRaw;
  /** The host element in the committed page tree. */
  VElement host;
  /** Property-like attributes last sent to the logic layer: a copy, and the rendered values themselves. */
  ObjectNode properties;
  ObjectNode propertyNodes;
  /** Whether a tag of this template may name a component (see {@code ComponentTree.mayHost}); null until asked. */
  Boolean mayHost;
  /** The container nodes of {@code data} by identity with their paths, for its last render; null until asked. */
  Map<JsonNode, List<Object>> dataPaths;

  record Child(ComponentDefinition definition, String key) {}

  Instance(int id, String path, ComponentDefinition definition, Instance owner, String key, CompiledPage template,
      WxsRuntime wxs, ObjectNode data) {
    this.id = id;
    this.path = path;
    this.definition = definition;
    this.owner = owner;
    this.key = key;
    this.template = template;
    this.renderer = template.newRenderer(wxs);
    this.data = data;
  }

  public int id() {
    return id;
  }

  /** The template path without extension: the page route or the component path. */
  public String path() {
    return path;
  }

  /** The component definition; null for the page. */
  public ComponentDefinition definition() {
    return definition;
  }

  /** The instance whose template wrote this one's host (null for the page). */
  public Instance owner() {
    return owner;
  }

  public CompiledPage template() {
    return template;
  }

  /** The instance's current data as the view has it. */
  public ObjectNode data() {
    return data;
  }

  /** The host element in the page tree (null for the page). */
  public VElement host() {
    return host;
  }

  /** Warnings of the instance's last render. */
  public List<String> warnings() {
    return renderer.lastWarnings();
  }

  @Override
  public void close() {
    renderer.close();
  }
}
