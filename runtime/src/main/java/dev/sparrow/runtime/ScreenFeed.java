package dev.sparrow.runtime;

import dev.sparrow.runtime.app.ElementAnimations;
import dev.sparrow.runtime.app.PageInstance;
import dev.sparrow.runtime.app.Router;
import dev.sparrow.runtime.app.ViewLayer;
import dev.sparrow.runtime.project.Project;
import dev.sparrow.view.tree.Patch;
import dev.sparrow.view.tree.VElement;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Forwards the view layer's renders to the screens. */
final class ScreenFeed implements ViewLayer.Listener {
  private final Project project;
  private final List<Screen> screens;
  private final ElementAnimations animations;
  private final ImageEvents images;
  private final ToastElements toasts;
  private final ScreenState screenState;
  private final Supplier<Router> router;

  /** {@code router} answers null until the session made it. */
  ScreenFeed(Project project, List<Screen> screens, ElementAnimations animations, ImageEvents images,
      ToastElements toasts, ScreenState screenState, Supplier<Router> router) {
    this.project = project;
    this.screens = screens;
    this.animations = animations;
    this.images = images;
    this.toasts = toasts;
    this.screenState = screenState;
    this.router = router;
  }

  @Override
  public void opened(int pageId, String route, VElement root) {
    animations.opened(pageId, root);
    images.opened(pageId, root);
    toasts.opened(pageId, root);
    if (screens.isEmpty()) {
      return;
    }
    Router r = router.get();
    PageInstance page = r == null ? null : r.page(pageId).orElse(null);
    Map<String, Object> window = project.windowOf(route);
    Map<String, Object> bar = page == null ? Map.of() : screenState.navigationBarOf(page);
    screens.forEach(s -> s.pageOpened(pageId, route, root, window, bar));
  }

  @Override
  public void patched(int pageId, List<Patch> patches) {
    animations.patched(pageId, patches);
    images.patched(pageId, patches);
    toasts.patched(pageId, patches);
    screens.forEach(s -> s.pagePatched(pageId, patches));
  }

  @Override
  public void closed(int pageId) {
    animations.closed(pageId);
    images.closed(pageId);
    toasts.closed(pageId);
    screens.forEach(s -> s.pageClosed(pageId));
  }
}
