package dev.sparrow.view.wxml;

/**
 * One attribute as written. {@code value} is null for a valueless attribute ({@code <view hidden>}), which WeChat
 * treats as boolean {@code true}. Values are never entity-decoded.
 */
public record WxmlAttribute(String name, String value, int line, int column, int valueLine, int valueColumn) {}
