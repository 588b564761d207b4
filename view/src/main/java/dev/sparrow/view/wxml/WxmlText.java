package dev.sparrow.view.wxml;

/**
 * A run of text between tags, verbatim: WeChat decodes no entities ({@code &amp;lt;} reaches the view as written)
 * and keeps whitespace, except that whitespace-only runs are dropped by the compiler.
 */
public record WxmlText(String text, int line, int column) implements WxmlNode {}
