package dev.sparrow.runtime;

import dev.sparrow.apis.system.SystemInfo;
import dev.sparrow.runtime.app.PageInstance;
import dev.sparrow.runtime.app.Router;
import dev.sparrow.runtime.project.Project;
import dev.sparrow.runtime.project.TabBar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the phone shows around the pages: each page's navigation bar (config plus setNavigationBar* changes), the
 * pull-down refresh dots, the tab pages hidden behind another tab, the window chrome. Loop thread, except
 * {@link #isRefreshing}.
 */
final class ScreenState {
  private final Project project;
  private final List<Screen> screens;
  private final Supplier<Router> router;
  private final Map<Integer, Map<String, Object>> navigationBars = new LinkedHashMap<>();
  /** Pages showing the pull-down refresh dots (from a pull or startPullDownRefresh until stopPullDownRefresh). */
  private final Set<Integer> refreshingPages = ConcurrentHashMap.newKeySet();

  /** {@code router} answers null until the session made it. */
  ScreenState(Project project, List<Screen> screens, Supplier<Router> router) {
    this.project = project;
    this.screens = screens;
    this.router = router;
  }

  /** Page {@code pageId} is pulled down (the user, startPullDownRefresh): the dots show, then its onPullDownRefresh. */
  void pullDownRefresh(int pageId) {
    refreshing(pageId, true);
    router.get().pullDownRefresh(pageId);
  }

  void refreshing(int pageId, boolean on) {
    if (on ? refreshingPages.add(pageId) : refreshingPages.remove(pageId)) {
      screens.forEach(s -> s.pullDownRefreshChanged(pageId, on));
    }
  }

  /** Whether page {@code pageId} shows the pull-down refresh dots; any thread. */
  boolean isRefreshing(int pageId) {
    return refreshingPages.contains(pageId);
  }

  SystemInfo.Chrome chrome() {
    Router r = router.get();
    Optional<PageInstance> top = r == null ? Optional.empty() : r.current();
    if (top.isEmpty()) {
      return SystemInfo.Chrome.DEFAULT;
    }
    String route = top.get().route();
    boolean custom = "custom".equals(project.windowOf(route).get("navigationStyle"));
    return new SystemInfo.Chrome(custom, project.app().isTabPage(route));
  }

  /** A setNavigationBar* call changed the shown page's bar. */
  void navigationBar(Map<String, Object> change) {
    router.get().current().ifPresent(p -> {
      navigationBars.computeIfAbsent(p.id(), k -> new LinkedHashMap<>()).putAll(change);
      if (!screens.isEmpty()) {
        Map<String, Object> bar = navigationBarOf(p);
        screens.forEach(s -> s.navigationBarChanged(p.id(), bar));
      }
    });
  }

  /** Tab pages alive but not on the stack (another tab shows). */
  List<Screen.PageRef> hiddenTabPages() {
    Set<Integer> onStack = new HashSet<>();
    router.get().stack().forEach(p -> onStack.add(p.id()));
    List<Screen.PageRef> out = new ArrayList<>();
    List<String> tabs = project.app().tabBar().map(t -> t.list().stream().map(TabBar.Item::pagePath).toList())
        .orElse(List.of());
    for (String route : tabs) {
      router.get().tabPage(route).filter(p -> !onStack.contains(p.id()))
          .ifPresent(p -> out.add(new Screen.PageRef(p.id(), p.route())));
    }
    return out;
  }

  /** Title and colours of a page's navigation bar: the page config with setNavigationBar* changes on top. */
  Map<String, Object> navigationBarOf(PageInstance page) {
    Map<String, Object> window = project.windowOf(page.route());
    Map<String, Object> bar = new LinkedHashMap<>();
    bar.put("title", window.getOrDefault("navigationBarTitleText", ""));
    Object textStyle = window.get("navigationBarTextStyle");
    boolean white = "white".equals(textStyle) || !window.containsKey("navigationBarTextStyle");
    bar.put("frontColor", white ? "#ffffff" : "#000000");
    bar.put("backgroundColor", window.getOrDefault("navigationBarBackgroundColor", "#000000"));
    bar.put("loading", false);
    bar.putAll(navigationBars.getOrDefault(page.id(), Map.of()));
    return bar;
  }

  /** The page is gone: its bar changes and refresh dots with it. */
  void pageClosed(int pageId) {
    navigationBars.remove(pageId);
    refreshingPages.remove(pageId);
  }
}
