package dev.sparrow.runtime.wx;

import dev.sparrow.runtime.bridge.ApiSpec;
import java.util.List;

/**
 * Animations and layout observers: {@code createAnimation} (the Animation object whose {@code export()} an element's
 * {@code animation} attribute plays), {@code createIntersectionObserver} and {@code createMediaQueryObserver}. The
 * objects live in the logic layer ({@code sparrow-animation.js}, {@code sparrow-observers.js}), which replaces these
 * entries; the view side is {@code app/ElementAnimations} headless and the simulator's browser otherwise.
 */
public final class AnimationApis {
  public List<ApiSpec> specs() {
    return List.of(
        ApiSpec.sync("createAnimation").handleSync(c -> null),
        ApiSpec.sync("createIntersectionObserver").handleSync(c -> null),
        ApiSpec.sync("createMediaQueryObserver").handleSync(c -> null));
  }
}
