package dev.sparrow.runtime.app;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.runtime.ScriptError;
import dev.sparrow.runtime.project.AppConfig;
import dev.sparrow.runtime.project.TabBar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.graalvm.polyglot.Value;

/**
 * The page stack and its lifecycle (spec framework.md §2–3): {@code navigateTo}, {@code
 * redirectTo}, {@code navigateBack}, {@code reLaunch}, {@code switchTab}, app show/hide, with
 * WeChat's limits, tabBar rules, callback order and errMsg reasons. Tab pages, once opened, stay
 * alive (hidden) while another tab shows. Loop-thread only.
 */
public final class Router {
  /** WeChat's page stack limit. */
  public static final int MAX_PAGES = 10;

  /** What the router tells the rest of the session. */
  public interface Listener {
    /** The page stack changed; {@code top} is the page now shown (empty if none). */
    default void routeChanged(String openType, Optional<PageInstance> top) {}

    /** A page was created with its initial data; its view should render it. */
    default void pageCreated(PageInstance page, String dataJson) {}

    /** A page was unloaded. */
    default void pageUnloaded(PageInstance page) {}

    /** A page ran onReady. */
    default void pageReady(PageInstance page) {}
  }

  private final AppConfig app;
  private final boolean customTabBar;
  private final LogicLayer logic;
  private final Listener listener;
  private final Consumer<ScriptError> errors;
  private final List<PageInstance> stack = new ArrayList<>();
  private final Map<String, PageInstance> tabPages = new LinkedHashMap<>();
  private final Map<Integer, PageInstance> byId = new LinkedHashMap<>();
  private final List<PageInstance> readyQueue = new ArrayList<>();
  /** Pages a route revealed again (navigateBack, switchTab to a loaded tab): onRouteDone once the route settles. */
  private final List<PageInstance> revealedQueue = new ArrayList<>();
  private int nextId = 1;
  private boolean appVisible = true;
  /** The page whose code runs now through the router (its module, creation, a hook); null otherwise. */
  private String running;

  /**
   * @param customTabBar whether tab pages show the app's custom tab bar ({@code tabBar.custom} with a usable
   *     {@code custom-tab-bar/index} component)
   */
  public Router(AppConfig app, boolean customTabBar, LogicLayer logic, Listener listener,
      Consumer<ScriptError> errors) {
    this.app = app;
    this.customTabBar = customTabBar;
    this.logic = logic;
    this.listener = listener;
    this.errors = errors;
  }

  /**
   * Whose code runs now, for naming what it starts: the page being opened or whose hook runs, else the current page,
   * else {@code "app"}.
   */
  public String where() {
    if (running != null) {
      return running;
    }
    return stack.isEmpty() ? "app" : stack.get(stack.size() - 1).route();
  }

  /** The pages as {@code getCurrentPages()} returns them: bottom first. */
  public List<PageInstance> stack() {
    return List.copyOf(stack);
  }

  public Optional<PageInstance> current() {
    return stack.isEmpty() ? Optional.empty() : Optional.of(stack.get(stack.size() - 1));
  }

  public Optional<PageInstance> page(int id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The live instance of a tab page, shown or hidden behind another tab. */
  public Optional<PageInstance> tabPage(String route) {
    return Optional.ofNullable(tabPages.get(route));
  }

  public boolean appVisible() {
    return appVisible;
  }

  // ---- launch and app visibility ---------------------------------------------------------------

  /** App onLaunch, then onShow, with the launch options (before the main package's page files run). */
  public void launchApp(Map<String, Object> launchOptions) {
    Object opts = logic.values().toJs(launchOptions);
    logic.call("App.onLaunch", logic.fn("callApp"), "onLaunch", opts);
    logic.call("App.onShow", logic.fn("callApp"), "onShow", logic.values().toJs(launchOptions));
  }

  /** Opens the entry page once the app has launched ({@link #launchApp}); handles a missing entry page. */
  public void openEntry(String route, Map<String, String> query) {
    if (!app.hasPage(route)) {
      pageNotFound(route, query, true);
      return;
    }
    enter(route, query, "appLaunch");
  }

  private void pageNotFound(String route, Map<String, String> query, boolean entry) {
    Map<String, Object> res = new LinkedHashMap<>();
    res.put("path", route);
    res.put("query", query);
    res.put("isEntryPage", entry);
    Value handled = logic.call("App.onPageNotFound", logic.fn("callApp"), "onPageNotFound", logic.values().toJs(res));
    if (handled == null || !handled.asBoolean()) {
      errors.accept(new ScriptError("page \"" + route + "\" is not found", "", "", 0, 0, "launch"));
    }
  }

  /** The app goes to the background: current page onHide, then App onHide. */
  public void hideApp() {
    if (!appVisible) {
      return;
    }
    appVisible = false;
    current().ifPresent(this::hide);
    logic.call("App.onHide", logic.fn("callApp"), "onHide");
  }

  /** The app comes back: App onShow, then current page onShow. */
  public void showApp(Map<String, Object> options) {
    if (appVisible) {
      return;
    }
    appVisible = true;
    logic.call("App.onShow", logic.fn("callApp"), "onShow", logic.values().toJs(options));
    current().ifPresent(this::show);
  }

  /**
   * A native page (the image viewer of {@code previewImage}) covers the current page: it gets
   * onHide now and {@link #uncoverPage} gives it onShow when the native page closes.
   */
  public Optional<PageInstance> coverPage() {
    Optional<PageInstance> top = current();
    top.ifPresent(this::hide);
    return top;
  }

  /** The native page over {@code page} closed: onShow if it is still on top and was hidden by it. */
  public void uncoverPage(PageInstance page) {
    if (current().orElse(null) == page && page.state() == PageInstance.State.HIDDEN) {
      show(page);
    }
  }

  // ---- routing APIs ----------------------------------------------------------------------------

  public PageInstance navigateTo(String url) {
    return navigateTo(url, Map.of());
  }

  /**
   * {@code wx.navigateTo} with {@code events}: the listeners of the channel the opened page shares with its
   * opener (see {@link #eventChannel}); the channel exists before the page's onLoad runs.
   */
  public PageInstance navigateTo(String url, Map<String, Object> events) {
    Urls.Target t = target(url);
    if (app.isTabPage(t.route())) {
      throw ApiFailure.of("can not navigateTo a tabbar page");
    }
    if (stack.size() >= MAX_PAGES) {
      throw ApiFailure.of("webview count limit exceed");
    }
    current().ifPresent(this::hide);
    return enter(t.route(), t.query(), "navigateTo", events);
  }

  /** The tab bar item of tab page {@code route} was tapped and that page shows: its {@code onTabItemTap({index, pagePath, text})}. */
  public void tabItemTapped(String route) {
    app.tabBar().ifPresent(bar -> {
      int index = bar.indexOf(route);
      Optional<PageInstance> top = current().filter(p -> p.route().equals(route));
      if (index >= 0 && top.isPresent()) {
        TabBar.Item item = bar.list().get(index);
        Map<String, Object> tapped = new LinkedHashMap<>();
        tapped.put("index", index);
        tapped.put("pagePath", item.pagePath());
        tapped.put("text", item.text());
        hook(top.get(), "onTabItemTap", logic.values().toJs(tapped));
      }
    });
  }

  /** The user pulled page {@code pageId} down: its {@code onPullDownRefresh}. */
  public void pullDownRefresh(int pageId) {
    page(pageId).ifPresent(p -> hook(p, "onPullDownRefresh"));
  }

  /**
   * The page scrolled to {@code scrollTop} px with {@code toBottom} px of it left below the window:
   * {@code onPageScroll({scrollTop})}, then {@code onReachBottom()} when this scroll brought it within
   * {@code reachBottomDistance} px of its end (once per arrival, as in WeChat).
   */
  public void pageScrolled(int pageId, double scrollTop, double toBottom, double reachBottomDistance) {
    page(pageId).ifPresent(p -> {
      p.scrollTop = scrollTop;
      hook(p, "onPageScroll", logic.values().toJs(Map.of("scrollTop", scrollTop)));
      boolean near = toBottom <= reachBottomDistance;
      if (near && !p.nearBottom()) {
        hook(p, "onReachBottom");
      }
      p.nearBottom(near);
    });
  }

  /** The EventChannel a page shares with the page that opened it (navigateTo's {@code res.eventChannel}). */
  public Value eventChannel(PageInstance page) {
    return logic.call("eventChannel", logic.fn("openerChannel"), page.id());
  }

  public PageInstance redirectTo(String url) {
    Urls.Target t = target(url);
    if (app.isTabPage(t.route())) {
      throw ApiFailure.of("can not redirectTo a tabbar page");
    }
    current().ifPresent(p -> {
      stack.remove(stack.size() - 1);
      unload(p);
    });
    return enter(t.route(), t.query(), "redirectTo");
  }

  public PageInstance navigateBack(int delta) {
    if (stack.size() <= 1) {
      throw ApiFailure.of("cannot navigate back at first page.");
    }
    int pops = Math.min(Math.max(delta, 1), stack.size() - 1);
    for (int i = 0; i < pops; i++) {
      PageInstance p = stack.remove(stack.size() - 1);
      unload(p);
    }
    PageInstance revealed = stack.get(stack.size() - 1);
    show(revealed);
    revealedQueue.add(revealed);
    changed("navigateBack");
    return revealed;
  }

  public PageInstance reLaunch(String url) {
    Urls.Target t = target(url);
    while (!stack.isEmpty()) {
      unload(stack.remove(stack.size() - 1));
    }
    for (PageInstance tab : List.copyOf(tabPages.values())) {
      unload(tab);
    }
    return enter(t.route(), t.query(), "reLaunch");
  }

  public PageInstance switchTab(String url) {
    Urls.Target t = target(url);
    if (!app.isTabPage(t.route())) {
      throw ApiFailure.of("can not switch to no-tabBar page");
    }
    PageInstance top = current().orElse(null);
    if (top != null && top.route().equals(t.route())) {
      return top;
    }
    while (!stack.isEmpty() && !app.isTabPage(stack.get(stack.size() - 1).route())) {
      unload(stack.remove(stack.size() - 1));
    }
    if (!stack.isEmpty()) {
      PageInstance bottomTab = stack.remove(stack.size() - 1);
      if (bottomTab == top) {
        hide(bottomTab);
      }
    }
    PageInstance target = tabPages.get(t.route());
    boolean fresh = target == null;
    if (fresh) {
      target = open(t.route(), Map.of(), null);
    } else {
      push(target);
    }
    show(target);
    changed("switchTab");
    if (fresh) {
      scheduleReady(target);
    } else {
      revealedQueue.add(target);
    }
    return target;
  }

  // ---- internals -------------------------------------------------------------------------------

  private Urls.Target target(String url) {
    Urls.Target t = Urls.parse(url, current().map(PageInstance::route).orElse(null));
    if (t.route() == null || !app.hasPage(t.route())) {
      String shown = t.route() == null ? url : t.route();
      throw ApiFailure.of("page \"" + shown + "\" is not found");
    }
    return t;
  }

  /** Opens a page on top of the stack: onLoad, onShow, then onReady after the first render. */
  private PageInstance enter(String route, Map<String, String> query, String openType) {
    return enter(route, query, openType, null);
  }

  private PageInstance enter(String route, Map<String, String> query, String openType, Map<String, Object> events) {
    PageInstance page = open(route, query, events);
    show(page);
    changed(openType);
    scheduleReady(page);
    return page;
  }

  /**
   * Loads the page's code if needed, puts the page on top of the stack, creates the instance and runs onLoad: in
   * WeChat {@code getCurrentPages()} ends with the page from its components' lifetimes and its onLoad on (TDesign's
   * Dialog/Toast and Wux's helpers find it there; apps read their own route there).
   */
  private PageInstance open(String route, Map<String, String> query, Map<String, Object> events) {
    String outer = running;
    running = route;
    try {
      return openAs(route, query, events);
    } finally {
      running = outer;
    }
  }

  private PageInstance openAs(String route, Map<String, String> query, Map<String, Object> events) {
    Value problem = logic.call("load " + route, logic.fn("loadPage"), route, route + ".js");
    if (problem != null && problem.isString()) {
      errors.accept(new ScriptError(problem.asString(), "", route + ".js", 0, 0, "load " + route));
    }
    PageInstance page = new PageInstance(nextId++, route, query);
    byId.put(page.id(), page);
    push(page);
    if (app.isTabPage(route)) {
      tabPages.put(route, page);
    }
    if (events != null) {
      logic.call("navigateTo events", logic.fn("openChannel"), page.id(), logic.values().toJs(events));
    }
    // tabBar.custom: each tab page gets its own instance of custom-tab-bar/index (this.getTabBar())
    Value data = logic.call(route + " create", logic.fn("createPage"), page.id(), route, logic.values().toJs(query),
        customTabBar && app.isTabPage(route));
    listener.pageCreated(page, data == null || !data.isString() ? "{}" : data.asString());
    hook(page, "onLoad", logic.values().toJs(query));
    return page;
  }

  private void push(PageInstance page) {
    stack.add(page);
    syncStack();
  }

  private void syncStack() {
    List<Integer> ids = new ArrayList<>();
    for (PageInstance p : stack) {
      ids.add(p.id());
    }
    logic.call("getCurrentPages", logic.fn("setStack"), logic.values().toJs(ids));
  }

  private void show(PageInstance page) {
    page.state(PageInstance.State.SHOWN);
    if (appVisible) {
      hook(page, "onShow");
    }
  }

  private void hide(PageInstance page) {
    if (page.state() == PageInstance.State.SHOWN) {
      page.state(PageInstance.State.HIDDEN);
      hook(page, "onHide");
    }
  }

  private void unload(PageInstance page) {
    if (page.state() == PageInstance.State.UNLOADED) {
      return;
    }
    page.state(PageInstance.State.UNLOADED);
    tabPages.remove(page.route(), page);
    syncStack();
    hook(page, "onUnload");
    logic.call(page.route() + " destroy", logic.fn("destroyPage"), page.id());
    byId.remove(page.id());
    listener.pageUnloaded(page);
  }

  private void scheduleReady(PageInstance page) {
    readyQueue.add(page);
  }

  /**
   * Runs onReady for pages whose first render is done, then onRouteDone for them and for pages a route revealed
   * again. The session calls this in a task of its own after the routing call has answered, as WeChat's view layer
   * renders asynchronously (onRouteDone follows the route's animation, which headless has none of).
   */
  public void flushReady() {
    List<PageInstance> due = List.copyOf(readyQueue);
    readyQueue.clear();
    List<PageInstance> done = new ArrayList<>(revealedQueue);
    revealedQueue.clear();
    for (PageInstance page : due) {
      if (page.state() != PageInstance.State.UNLOADED && !page.isReady()) {
        page.ready();
        hook(page, "onReady");
        listener.pageReady(page);
        done.add(page);
      }
    }
    for (PageInstance page : done) {
      if (page.state() != PageInstance.State.UNLOADED) {
        hook(page, "onRouteDone");
      }
    }
  }

  public boolean hasPendingReady() {
    return !readyQueue.isEmpty() || !revealedQueue.isEmpty();
  }

  private void changed(String openType) {
    listener.routeChanged(openType, current());
  }

  /** Runs page hook {@code name} (onLoad, onShow, onReachBottom…) if the page defines it; errors are reported as the page's. */
  private void hook(PageInstance page, String name) {
    String outer = running;
    running = page.route();
    try {
      logic.call(page.route() + " " + name, logic.fn("callHook"), page.id(), name);
    } finally {
      running = outer;
    }
  }

  /** {@link #hook(PageInstance, String)} with its argument (already a JS value). */
  private void hook(PageInstance page, String name, Object arg) {
    String outer = running;
    running = page.route();
    try {
      logic.call(page.route() + " " + name, logic.fn("callHook"), page.id(), name, arg);
    } finally {
      running = outer;
    }
  }
}
