package dev.sparrow.view.wxml;

/** A node of a parsed WXML file: an element or a text run. Positions are 1-based. */
public sealed interface WxmlNode permits WxmlElement, WxmlText {
  int line();

  int column();
}
