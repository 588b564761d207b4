package dev.sparrow.view.wxml;

import java.util.List;
import java.util.Optional;

/** An element with its attributes in source order (a repeated name: the last one wins) and its children. */
public record WxmlElement(String tag, List<WxmlAttribute> attributes, List<WxmlNode> children, int line, int column)
    implements WxmlNode {

  /** The last attribute called {@code name}, as WeChat keeps the last of duplicates. */
  public Optional<WxmlAttribute> attribute(String name) {
    for (int i = attributes.size() - 1; i >= 0; i--) {
      if (attributes.get(i).name().equals(name)) {
        return Optional.of(attributes.get(i));
      }
    }
    return Optional.empty();
  }

  public boolean has(String name) {
    return attribute(name).isPresent();
  }
}
