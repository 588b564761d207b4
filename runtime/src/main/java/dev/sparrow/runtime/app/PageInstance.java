package dev.sparrow.runtime.app;

import java.util.Map;

/**
 * One page on (or just off) the stack: its id in the logic layer, its route and the query it was
 * opened with. Loop-thread only.
 */
public final class PageInstance {
  /** Where the page is in its life. */
  public enum State {
    LOADED,
    SHOWN,
    HIDDEN,
    UNLOADED
  }

  private final int id;
  private final String route;
  private final Map<String, String> query;
  private State state = State.LOADED;
  private boolean ready;
  private boolean nearBottom;
  double scrollTop;

  PageInstance(int id, String route, Map<String, String> query) {
    this.id = id;
    this.route = route;
    this.query = Map.copyOf(query);
  }

  public int id() {
    return id;
  }

  /** e.g. {@code pages/index/index} (no leading slash). */
  public String route() {
    return route;
  }

  public Map<String, String> query() {
    return query;
  }

  public State state() {
    return state;
  }

  void state(State state) {
    this.state = state;
  }

  /** True once onReady has run. */
  public boolean isReady() {
    return ready;
  }

  void ready() {
    this.ready = true;
  }

  /** Whether the last scroll left the page within its onReachBottomDistance (onReachBottom fires on arriving). */
  boolean nearBottom() {
    return nearBottom;
  }

  void nearBottom(boolean near) {
    this.nearBottom = near;
  }

  /** How far the page is scrolled, in px (the last scroll a front-end reported or pageScrollTo made). */
  public double scrollTop() {
    return scrollTop;
  }

  @Override
  public String toString() {
    return route + "#" + id;
  }
}
