package dev.sparrow.view.tree;

/** A text node; its text is already interpolated and never entity-decoded. */
public final class VText extends VNode {
  String text;

  public VText(String text, int origin, String key) {
    super(origin, key);
    this.text = text;
  }

  public String text() {
    return text;
  }
}
