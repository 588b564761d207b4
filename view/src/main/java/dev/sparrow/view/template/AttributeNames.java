package dev.sparrow.view.template;

/**
 * How WeChat's compiler names attributes in the rendered tree (checked against wcc):
 * <ul>
 *   <li>{@code data-*} names are kept as written ({@code data-element-type});</li>
 *   <li>names with a colon are kept ({@code bind:tap}, {@code catch:my-event}, {@code mark:a-b});</li>
 *   <li>except {@code model:x-y}, the two-way binding form, which becomes {@code xY};</li>
 *   <li>{@code generic:*} never reaches the attributes (it selects an abstract node's implementation);</li>
 *   <li>every other name is camel-cased at dashes: {@code stroke-width} → {@code strokeWidth},
 *       {@code hover-class} → {@code hoverClass}, {@code A-B} → {@code AB}; a trailing dash is dropped.</li>
 * </ul>
 */
public final class AttributeNames {
  private AttributeNames() {}

  /** The rendered name, or null when the attribute is not rendered. */
  static String rendered(String name) {
    if (name.startsWith("generic:")) {
      return null;
    }
    if (name.startsWith("data-")) {
      return name;
    }
    if (name.startsWith("model:")) {
      return camel(name.substring("model:".length()));
    }
    if (name.indexOf(':') >= 0) {
      return name;
    }
    return camel(name);
  }

  /** {@code name} camel-cased at its dashes, as the rendered tree names attributes ({@code hover-class}). */
  public static String camel(String name) {
    if (name.indexOf('-') < 0) {
      return name;
    }
    StringBuilder sb = new StringBuilder(name.length());
    boolean upper = false;
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (ch == '-') {
        upper = true;
      } else {
        sb.append(upper ? Character.toUpperCase(ch) : ch);
        upper = false;
      }
    }
    return sb.toString();
  }
}
