package dev.sparrow.runtime;

import dev.sparrow.runtime.app.PageInstance;
import dev.sparrow.runtime.app.Router;
import dev.sparrow.runtime.app.ViewLayer;
import dev.sparrow.runtime.wx.CanvasApis;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** What the router tells the rest of the session (loop thread): pages to render and close, the stack to the screens. */
final class RouterFeed implements Router.Listener {
  private final ViewLayer view;
  private final List<Screen> screens;
  private final ScreenState screenState;
  private final CanvasApis canvasApis;
  private final Supplier<Router> router;

  /** {@code router} is the one this feeds from (made with this listener, so handed in as a supplier). */
  RouterFeed(ViewLayer view, List<Screen> screens, ScreenState screenState, CanvasApis canvasApis,
      Supplier<Router> router) {
    this.view = view;
    this.screens = screens;
    this.screenState = screenState;
    this.canvasApis = canvasApis;
    this.router = router;
  }

  @Override
  public void routeChanged(String openType, Optional<PageInstance> top) {
    if (!screens.isEmpty()) {
      List<Screen.PageRef> stack = router.get().stack().stream()
          .map(p -> new Screen.PageRef(p.id(), p.route())).toList();
      screens.forEach(s -> s.routeChanged(openType, stack));
    }
  }

  @Override
  public void pageCreated(PageInstance page, String dataJson) {
    view.open(page, dataJson);
  }

  @Override
  public void pageUnloaded(PageInstance page) {
    screenState.pageClosed(page.id());
    canvasApis.pageClosed(page.id());
    view.close(page.id());
  }
}
