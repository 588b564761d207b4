package dev.sparrow.runtime;

import java.util.Set;

/** WeChat's built-in component names, for {@code wx.canIUse('<component>.<attr>')}. */
final class BuiltinComponents {
  static final Set<String> NAMES = Set.of(
      "view", "scroll-view", "swiper", "swiper-item", "movable-area", "movable-view", "cover-view", "cover-image",
      "icon", "text", "rich-text", "progress", "button", "checkbox", "checkbox-group", "form", "input", "label",
      "picker", "picker-view", "picker-view-column", "radio", "radio-group", "slider", "switch", "textarea",
      "navigator", "image", "block", "template", "import", "include", "wxs");

  private BuiltinComponents() {}
}
