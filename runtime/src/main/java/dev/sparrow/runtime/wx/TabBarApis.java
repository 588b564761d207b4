package dev.sparrow.runtime.wx;

import static dev.sparrow.runtime.bridge.JsType.BOOLEAN;
import static dev.sparrow.runtime.bridge.JsType.NUMBER;
import static dev.sparrow.runtime.bridge.JsType.STRING;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.runtime.bridge.ApiCall;
import dev.sparrow.runtime.bridge.ApiSpec;
import dev.sparrow.runtime.project.TabBar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The tab bar calls: {@code setTabBarBadge}, {@code removeTabBarBadge}, {@code showTabBarRedDot}, {@code
 * hideTabBarRedDot}, {@code setTabBarItem}, {@code setTabBarStyle}, {@code showTabBar}, {@code hideTabBar}.
 * They change the app's tab bar (one per app, kept while the session runs) and only work while a tab page
 * shows ({@code fail not TabBar page}, WeChat's text). With {@code tabBar.custom} every one fails with {@code fail
 * custom Tabbar} (WeChat's text; the app's custom-tab-bar component draws the bar). The state is what a screen paints
 * ({@link #state}).
 */
public final class TabBarApis {
  private final Optional<TabBar> config;
  private final BooleanSupplier onTabPage;
  private final Consumer<Map<String, Object>> changed;
  private final List<Map<String, Object>> items = new ArrayList<>();
  private final Map<String, Object> style = new LinkedHashMap<>();
  private boolean hidden;

  /**
   * @param onTabPage whether the page on top is a tab page
   * @param changed receives the whole new state after each change
   */
  public TabBarApis(Optional<TabBar> config, BooleanSupplier onTabPage, Consumer<Map<String, Object>> changed) {
    this.config = config;
    this.onTabPage = onTabPage;
    this.changed = changed;
    config.ifPresent(bar -> {
      for (TabBar.Item i : bar.list()) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("pagePath", i.pagePath());
        item.put("text", i.text());
        item.put("iconPath", i.iconPath());
        item.put("selectedIconPath", i.selectedIconPath());
        item.put("badge", null);
        item.put("redDot", false);
        items.add(item);
      }
      style.put("color", bar.color());
      style.put("selectedColor", bar.selectedColor());
      style.put("backgroundColor", bar.backgroundColor());
      style.put("borderStyle", bar.borderStyle());
    });
  }

  public List<ApiSpec> specs() {
    return List.of(
        ApiSpec.async("setTabBarBadge").required("index", NUMBER).required("text", STRING)
            .handle(c -> item(c, i -> {
              i.put("badge", c.string("text"));
              i.put("redDot", false);
            })),
        ApiSpec.async("removeTabBarBadge").required("index", NUMBER).handle(c -> item(c, i -> i.put("badge", null))),
        ApiSpec.async("showTabBarRedDot").required("index", NUMBER).handle(c -> item(c, i -> {
          i.put("redDot", true);
          i.put("badge", null);
        })),
        ApiSpec.async("hideTabBarRedDot").required("index", NUMBER).handle(c -> item(c, i -> i.put("redDot", false))),
        ApiSpec.async("setTabBarItem").required("index", NUMBER).optional("text", STRING).optional("iconPath", STRING)
            .optional("selectedIconPath", STRING).optional("pagePath", STRING)
            .handle(c -> item(c, i -> {
              for (String k : List.of("text", "iconPath", "selectedIconPath")) {
                if (c.has(k)) {
                  i.put(k, c.string(k));
                }
              }
            })),
        ApiSpec.async("setTabBarStyle").optional("color", STRING).optional("selectedColor", STRING)
            .optional("backgroundColor", STRING).optional("borderStyle", STRING)
            .handle(c -> change(c, () -> {
              for (String k : List.of("color", "selectedColor", "backgroundColor", "borderStyle")) {
                if (c.has(k)) {
                  style.put(k, c.string(k));
                }
              }
            })),
        ApiSpec.async("showTabBar").optional("animation", BOOLEAN, false).handle(c -> change(c, () -> hidden = false)),
        ApiSpec.async("hideTabBar").optional("animation", BOOLEAN, false).handle(c -> change(c, () -> hidden = true)));
  }

  /** The tab bar as it stands: {@code items} (pagePath, text, icons, badge, redDot), {@code style}, {@code hidden}. */
  public synchronized Map<String, Object> state() {
    Map<String, Object> s = new LinkedHashMap<>();
    List<Object> list = new ArrayList<>();
    for (Map<String, Object> i : items) {
      list.add(new LinkedHashMap<>(i));
    }
    s.put("items", list);
    s.put("style", new LinkedHashMap<>(style));
    s.put("hidden", hidden);
    return s;
  }

  private void item(ApiCall c, Consumer<Map<String, Object>> edit) {
    change(c, () -> {
      int index = (int) c.number("index");
      if (index < 0 || index >= items.size() || c.number("index") != index) {
        throw ApiFailure.of("tabbar item not found");
      }
      edit.accept(items.get(index));
    });
  }

  private void change(ApiCall c, Runnable edit) {
    if (config.map(TabBar::custom).orElse(false)) {
      throw ApiFailure.of("custom Tabbar");
    }
    if (config.isEmpty() || !onTabPage.getAsBoolean()) {
      throw ApiFailure.of("not TabBar page");
    }
    synchronized (this) {
      edit.run();
    }
    changed.accept(state());
    c.resolve();
  }
}
