package dev.sparrow.view.custom;

import dev.sparrow.view.template.CompiledPage;
import dev.sparrow.view.wxss.StyleScope;
import java.util.List;
import java.util.Set;

/**
 * A custom component as the view renders it: its path ({@code components/card/card}), its compiled WXML (once per
 * path) and the options that shape rendering.
 *
 * @param multipleSlots {@code options.multipleSlots}: named {@code <slot name>}s; otherwise the first slot takes all
 *     slot content
 * @param styleIsolation {@code isolated} (default), {@code apply-shared} or {@code shared}
 *     ({@code addGlobalClass: true} means {@code apply-shared})
 * @param externalClasses class names the user of the component passes in ({@code externalClasses: ['my-class']})
 * @param builtinBehaviors the {@code wx://…} behaviors it uses ({@code wx://form-field}, {@code wx://form-field-group},
 *     {@code wx://form-field-button}, {@code wx://component-export})
 * @param virtualHost {@code options.virtualHost}: the host element has no box; its {@code class} reaches the
 *     component only as the external class {@code class}, its {@code style} only as a {@code style} property
 * @param generics its abstract nodes ({@code componentGenerics} in its json): tags its template uses that the
 *     host's {@code generic:tag="…"} names, in the host writer's {@code usingComponents}
 */
public record ComponentDefinition(String path, CompiledPage template, boolean multipleSlots, String styleIsolation,
    List<String> externalClasses, Set<String> builtinBehaviors, boolean virtualHost, Set<String> generics) {

  public static final String FORM_FIELD = "wx://form-field";
  public static final String FORM_FIELD_GROUP = "wx://form-field-group";
  public static final String FORM_FIELD_BUTTON = "wx://form-field-button";

  public ComponentDefinition {
    externalClasses = List.copyOf(externalClasses);
    builtinBehaviors = Set.copyOf(builtinBehaviors);
    generics = Set.copyOf(generics);
    styleIsolation = styleIsolation == null || styleIsolation.isEmpty() ? "isolated" : styleIsolation;
  }

  /**
   * The class prefix of the component's style scope ({@link StyleScope#classPrefix}: {@code components/card/card}
   * → {@code components-card-card--}); the browser simulator compiles the component's WXSS with it and elements
   * carry it in {@code cssClass}.
   */
  public String classPrefix() {
    return StyleScope.classPrefix(path);
  }

  public boolean hasBehavior(String builtin) {
    return builtinBehaviors.contains(builtin);
  }

  /** Whether page and app styles reach into the component ({@code apply-shared}, {@code shared}). */
  public boolean sharesOuterStyles() {
    return !styleIsolation.equals("isolated");
  }
}
