package dev.sparrow.view.component;

import static dev.sparrow.view.component.Elements.descendants;
import static dev.sparrow.view.component.Elements.string;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.view.custom.ComponentDefinition;
import dev.sparrow.view.custom.Instance;
import dev.sparrow.view.expr.Js;
import dev.sparrow.view.tree.VElement;
import dev.sparrow.view.tree.VNode;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * A form's named fields, as WeChat's {@code submit} event reports them: input and textarea → string, switch →
 * boolean, slider → number (default 0), picker → its value (default 0), checkbox-group → array of the checked
 * checkboxes' values, radio-group → the checked radio's value or "". Fields nested in a group are not reported
 * on their own.
 *
 * <p>Custom components as WeChat's form sees them: only fields written by the form's own template (and slot content
 * it passes) count; a component with {@code wx://form-field} is a field ({@code name} → its {@code value} data), one
 * with {@code wx://form-field-group} shows its own fields to the form, and a {@code <button form-type>} inside a
 * component reaches the form around it only through {@code wx://form-field-button}.
 */
final class FormFields {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final ComponentState state;
  private final IntFunction<Instance> components;

  FormFields(ComponentState state, IntFunction<Instance> components) {
    this.state = state;
    this.components = components;
  }

  ObjectNode values(VElement form) {
    ObjectNode values = F.objectNode();
    Set<Integer> scopes = new HashSet<>();
    scopes.add(form.scope());
    collect(form, values, scopes);
    return values;
  }

  /** The form a submit/reset button belongs to, crossing out of components only through wx://form-field-button. */
  VElement formOf(VElement button) {
    VElement cur = button;
    while (true) {
      VElement up = cur.logicalParent();
      if (up == null) {
        VElement host = cur.parent();
        Instance in = host == null || host.hosted() == 0 ? null : components.apply(host.hosted());
        if (in == null || in.definition() == null || !in.definition().hasBehavior(ComponentDefinition.FORM_FIELD_BUTTON)) {
          return null;
        }
        up = host;
      }
      if (up.tag().equals("form")) {
        return up;
      }
      cur = up;
    }
  }

  /** Drops every user change inside the form, so fields show their attributes again. */
  void reset(VElement el) {
    resetState(el);
  }

  private void collect(VElement el, ObjectNode values, Set<Integer> scopes) {
    for (VNode n : el.children()) {
      if (!(n instanceof VElement)) {
        continue;
      }
      VElement c = (VElement) n;
      boolean visible = scopes.contains(c.scope());
      Instance in = c.hosted() == 0 ? null : components.apply(c.hosted());
      if (visible && in != null && in.definition() != null) {
        if (in.definition().hasBehavior(ComponentDefinition.FORM_FIELD)) {
          String name = Js.toDisplay(in.data().path("name"));
          if (!name.isEmpty() && !in.data().path("name").isMissingNode()) {
            values.set(name, in.data().has("value") ? in.data().get("value") : Js.NULL);
          }
          continue;
        }
        if (in.definition().hasBehavior(ComponentDefinition.FORM_FIELD_GROUP)) {
          scopes.add(in.id());
        }
      }
      String name = string(c.attribute("name"));
      if (visible && !name.isEmpty() && fieldValue(c) != null) {
        values.set(name, fieldValue(c));
      }
      if (!c.tag().equals("checkbox-group") && !c.tag().equals("radio-group")) {
        collect(c, values, scopes);
      }
    }
  }

  private JsonNode fieldValue(VElement c) {
    switch (c.tag()) {
      case "input":
      case "textarea":
        return Js.string(text(c));
      case "switch":
        return Js.bool(Js.truthy(state.get(c, "checked")));
      case "slider": {
        JsonNode v = state.get(c, "value");
        return Js.number(v == null ? 0 : Js.toNumber(v));
      }
      case "picker": {
        JsonNode v = state.get(c, "value");
        return v == null ? Js.number(0) : v;
      }
      case "checkbox-group": {
        ArrayNode a = F.arrayNode();
        for (VElement box : descendants(c, "checkbox")) {
          if (Js.truthy(state.get(box, "checked"))) {
            a.add(string(box.attribute("value")));
          }
        }
        return a;
      }
      case "radio-group": {
        for (VElement r : descendants(c, "radio")) {
          if (Js.truthy(state.get(r, "checked"))) {
            return Js.string(string(r.attribute("value")));
          }
        }
        return Js.string("");
      }
      default:
        return null;
    }
  }

  private void resetState(VElement el) {
    state.reset(el.id());
    for (VElement c : el.elementChildren()) {
      resetState(c);
    }
  }

  private String text(VElement field) {
    JsonNode v = state.get(field, "value");
    return v == null ? "" : Js.toDisplay(v);
  }
}
