package dev.sparrow.runtime.wx;

import static dev.sparrow.runtime.bridge.JsType.NUMBER;
import static dev.sparrow.runtime.bridge.JsType.OBJECT;
import static dev.sparrow.runtime.bridge.JsType.STRING;

import dev.sparrow.runtime.app.PageInstance;
import dev.sparrow.runtime.app.Router;
import dev.sparrow.runtime.bridge.ApiCall;
import dev.sparrow.runtime.bridge.ApiSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * wx routing APIs (spec framework.md §3): {@code navigateTo}, {@code redirectTo}, {@code
 * navigateBack}, {@code reLaunch}, {@code switchTab}. Implementation: {@link Router}; once the stack
 * changed, {@code afterRoute} lets the session render and run the new page's onReady.
 */
public final class RouteApis {
  private final Supplier<Router> router;
  private final Runnable afterRoute;

  /** {@code router} is asked at call time (the router is built after the API registry). */
  public RouteApis(Supplier<Router> router, Runnable afterRoute) {
    this.router = router;
    this.afterRoute = afterRoute;
  }

  public List<ApiSpec> specs() {
    return List.of(
        ApiSpec.async("navigateTo").required("url", STRING).optional("events", OBJECT).returns("eventChannel")
            .handle(c -> {
              Router r = router.get();
              PageInstance opened = r.navigateTo(c.string("url"), c.object("events"));
              c.resolve(Map.of("eventChannel", r.eventChannel(opened)));
              afterRoute.run();
            }),
        ApiSpec.async("redirectTo").required("url", STRING).handle(c -> route(c, u -> router.get().redirectTo(u))),
        ApiSpec.async("reLaunch").required("url", STRING).handle(c -> route(c, u -> router.get().reLaunch(u))),
        ApiSpec.async("switchTab").required("url", STRING).handle(c -> route(c, u -> router.get().switchTab(u))),
        ApiSpec.async("navigateBack").optional("delta", NUMBER, 1).handle(c -> {
          router.get().navigateBack((int) c.number("delta"));
          c.resolve();
          afterRoute.run();
        }));
  }

  private void route(ApiCall c, Function<String, ?> navigation) {
    navigation.apply(c.string("url"));
    c.resolve();
    afterRoute.run();
  }
}
