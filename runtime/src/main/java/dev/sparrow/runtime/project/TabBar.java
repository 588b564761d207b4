package dev.sparrow.runtime.project;

import java.util.List;

/** {@code app.json} {@code tabBar}: 2 to 5 items, each a page of the main package. */
public record TabBar(
    List<Item> list, String color, String selectedColor, String backgroundColor, String borderStyle, String position, boolean custom) {
  public TabBar {
    list = List.copyOf(list);
  }

  /** One tab. {@code pagePath} is a route without leading slash. */
  public record Item(String pagePath, String text, String iconPath, String selectedIconPath) {}

  public boolean contains(String route) {
    return list.stream().anyMatch(i -> i.pagePath().equals(route));
  }

  public int indexOf(String route) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).pagePath().equals(route)) {
        return i;
      }
    }
    return -1;
  }
}
