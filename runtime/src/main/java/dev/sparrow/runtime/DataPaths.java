package dev.sparrow.runtime;

import java.util.List;
import java.util.Map;

/** Reads a WeChat data path ({@code a.b[1].c}) out of plain Java data. */
final class DataPaths {
  private DataPaths() {}

  static Object get(Object root, String path) {
    Object cur = root;
    int i = 0;
    int n = path.length();
    StringBuilder name = new StringBuilder();
    while (i <= n) {
      char c = i < n ? path.charAt(i) : '.';
      if (c == '.' || c == '[') {
        if (name.length() > 0) {
          if (!(cur instanceof Map<?, ?> m)) {
            return null;
          }
          cur = m.get(name.toString());
          name.setLength(0);
        }
        if (c == '[') {
          int close = path.indexOf(']', i);
          if (close < 0) {
            return null;
          }
          int index;
          try {
            index = Integer.parseInt(path.substring(i + 1, close));
          } catch (NumberFormatException e) {
            return null;
          }
          if (!(cur instanceof List<?> l) || index < 0 || index >= l.size()) {
            return null;
          }
          cur = l.get(index);
          i = close + 1;
          continue;
        }
      } else {
        name.append(c);
      }
      i++;
    }
    return cur;
  }
}
