package dev.sparrow.view.wxs;

import java.util.ArrayDeque;
import java.util.Deque;

/** Project-relative path resolution shared by WXML ({@code import}, {@code include}, {@code wxs src}) and WXS. */
public final class WxsPaths {
  private WxsPaths() {}

  /**
   * Resolves {@code ref} against the directory of {@code from}: a leading {@code /} means the project root,
   * {@code .} and {@code ..} segments are applied ({@code ..} above the root stays at the root).
   */
  public static String resolve(String from, String ref) {
    Deque<String> parts = new ArrayDeque<>();
    if (!ref.startsWith("/")) {
      String[] base = from.split("/");
      for (int i = 0; i < base.length - 1; i++) {
        if (!base[i].isEmpty()) {
          parts.addLast(base[i]);
        }
      }
    }
    for (String seg : ref.split("/")) {
      if (seg.isEmpty() || seg.equals(".")) {
        continue;
      }
      if (seg.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(seg);
      }
    }
    return String.join("/", parts);
  }
}
