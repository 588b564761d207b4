package dev.sparrow.view.wxs;

/**
 * The code of one WXS module. {@code id} is unique per page ({@code pages/a.wxml#tools} for an inline module,
 * the file path for a {@code .wxs} file); {@code path} is the file whose directory {@code require} resolves against;
 * {@code line} is where the code starts in that file, for error messages.
 */
public record WxsModuleSource(String id, String path, String code, int line) {}
