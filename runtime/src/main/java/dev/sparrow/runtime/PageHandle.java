package dev.sparrow.runtime;

import dev.sparrow.runtime.app.ViewLayer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A page of a running session, as a test sees it. Reads and calls go to the session thread and
 * wait for the answer; a handle whose page was unloaded answers with an {@link
 * IllegalStateException}.
 */
public final class PageHandle {
  private final Session session;
  private final int id;
  private final String route;
  private final Map<String, String> query;

  PageHandle(Session session, int id, String route, Map<String, String> query) {
    this.session = session;
    this.id = id;
    this.route = route;
    this.query = query;
  }

  /** The page's id in its session. */
  public int id() {
    return id;
  }

  /** e.g. {@code pages/index/index}. */
  public String route() {
    return route;
  }

  /** The query it was opened with (values as written in the URL). */
  public Map<String, String> query() {
    return query;
  }

  /** A copy of {@code this.data} (JSON types: Map, List, String, Number, Boolean, null). */
  public Map<String, Object> data() {
    return session.pages().pageData(id);
  }

  /**
   * One value of the page data by WeChat path ({@code "list[2].title"}), or null if absent.
   */
  public Object data(String path) {
    return DataPaths.get(data(), path);
  }

  /** Calls {@code this.setData(changes)} in the page, as page code would. */
  public void setData(Map<String, Object> changes) {
    session.pages().pageSetData(id, changes);
  }

  /** Calls a page method with arguments (converted to JS); returns its result as plain Java data. */
  public Object callMethod(String method, Object... args) {
    return session.pages().pageCall(id, method, Arrays.asList(args));
  }

  /**
   * The user scrolled the page to {@code scrollTop} px, leaving {@code toBottom} px below the window
   * (headless pages have no height: the test says where the end is): {@code onPageScroll}, and
   * {@code onReachBottom} on arriving within {@code onReachBottomDistance}.
   */
  public void scroll(double scrollTop, double toBottom) {
    session.pageScrolled(id, scrollTop, toBottom);
  }

  /** How far the page is scrolled, in px (the last {@link #scroll} or {@code wx.pageScrollTo}). */
  public double scrollTop() {
    return session.pageScrollTop(id);
  }

  /** The user pulled the page down: {@code onPullDownRefresh}, the dots until {@code wx.stopPullDownRefresh}. */
  public void pullDownRefresh() {
    session.pullDownRefresh(id);
  }

  /** Whether the page shows the pull-down refresh dots (pulled or startPullDownRefresh, not yet stopped). */
  public boolean isRefreshing() {
    return session.isRefreshing(id);
  }

  /**
   * The first element matching a CSS-like selector (tag, {@code .class}, {@code #id}, {@code [attr=value]},
   * descendant, {@code >}) among the page's own elements: a custom component's host is found, what the component
   * renders inside is not (select from the host for that), as in WeChat DevTools.
   */
  public Optional<PageElement> select(String selector) {
    return session.pages().select(id, selector);
  }

  /**
   * A tab page's custom tab bar ({@code tabBar.custom}): the host {@code <custom-tab-bar>} after the page's content,
   * whose {@link PageElement#select} finds its items; empty on other pages.
   */
  public Optional<PageElement> customTabBar() {
    return selectAll(ViewLayer.TAB_BAR_TAG).stream().filter(e -> e.instance() == ViewLayer.TAB_BAR).findFirst();
  }

  /** The element with node id {@code nodeId}, if it is still on the page. */
  public Optional<PageElement> element(int nodeId) {
    return session.pages().element(id, nodeId);
  }

  /** Every element matching {@code selector}, in document order. */
  public List<PageElement> selectAll(String selector) {
    return session.pages().selectAll(id, selector);
  }

  /** Elements matching an XPath 1.0 expression over the rendered tree ({@code //view[@class="row"]}). */
  public List<PageElement> selectByXpath(String expression) {
    return session.pages().selectByXpath(id, expression);
  }

  /** The page as WXML-like markup, rendered from its current data. */
  public String wxml() {
    return session.pages().wxml(id);
  }

  /** Title, colours and loading state of the page's navigation bar. */
  public Map<String, Object> navigationBar() {
    return session.pages().navigationBar(id);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PageHandle p && p.id == id && p.session == session;
  }

  @Override
  public int hashCode() {
    return id;
  }

  @Override
  public String toString() {
    return route + (query.isEmpty() ? "" : "?" + query);
  }
}
