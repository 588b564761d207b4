package dev.sparrow.runtime.project;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code app.json} says: the pages (main package first, then each subpackage's, as full
 * routes), the subpackage roots, the default {@code window}, the {@code tabBar}, the {@code
 * networkTimeout}s and the entry page.
 */
public record AppConfig(
    List<String> pages,
    List<Subpackage> subpackages,
    Map<String, Object> window,
    Optional<TabBar> tabBar,
    Map<String, Integer> networkTimeout,
    String entryPage,
    Map<String, Object> raw) {

  public AppConfig {
    pages = List.copyOf(pages);
    subpackages = List.copyOf(subpackages);
    window = Map.copyOf(window);
    networkTimeout = Map.copyOf(networkTimeout);
  }

  /** A subpackage: its root and its page routes (full, e.g. {@code pkgA/pages/cat}). */
  public record Subpackage(String root, String name, List<String> pages, boolean independent) {
    public Subpackage {
      pages = List.copyOf(pages);
    }
  }

  public boolean hasPage(String route) {
    return pages.contains(route);
  }

  public boolean isTabPage(String route) {
    return tabBar.map(t -> t.contains(route)).orElse(false);
  }

  /** The subpackage a route belongs to, if any. */
  public Optional<Subpackage> subpackageOf(String route) {
    return subpackages.stream().filter(s -> s.pages().contains(route)).findFirst();
  }

  /**
   * {@code "lazyCodeLoading": "requiredComponents"}: a page's code runs when the page is first opened, not at
   * launch.
   */
  public boolean lazyCodeLoading() {
    return "requiredComponents".equals(raw.get("lazyCodeLoading"));
  }

  /** {@code networkTimeout.<api>} in ms, if configured. */
  public Optional<Integer> networkTimeout(String api) {
    return Optional.ofNullable(networkTimeout.get(api));
  }
}
