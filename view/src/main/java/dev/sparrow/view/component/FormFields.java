package dev.sparrow.view.component;

import static dev.sparrow.view.component.Elements.descendants;
import static dev.sparrow.view.component.Elements.string;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.view.expr.Js;
import dev.sparrow.view.tree.VElement;
import dev.sparrow.view.tree.VNode;

/**
 * A form's named fields, as WeChat's {@code submit} event reports them: input and textarea → string, switch →
 * boolean, slider → number (default 0), picker → its value (default 0), checkbox-group → array of the checked
 * checkboxes' values, radio-group → the checked radio's value or "". Fields nested in a group are not reported
 * on their own.
 */
final class FormFields {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final ComponentState state;

  FormFields(ComponentState state) {
    this.state = state;
  }

  ObjectNode values(VElement form) {
    ObjectNode values = F.objectNode();
    collect(form, values);
    return values;
  }

  /** Drops every user change inside the form, so fields show their attributes again. */
  void reset(VElement el) {
    resetState(el);
  }

  private void collect(VElement el, ObjectNode values) {
    for (VNode n : el.children()) {
      if (!(n instanceof VElement)) {
        continue;
      }
      VElement c = (VElement) n;
      String name = string(c.attribute("name"));
      if (!name.isEmpty() && fieldValue(c) != null) {
        values.set(name, fieldValue(c));
      }
      if (!c.tag().equals("checkbox-group") && !c.tag().equals("radio-group")) {
        collect(c, values);
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
