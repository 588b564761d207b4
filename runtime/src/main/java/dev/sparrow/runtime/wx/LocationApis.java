package dev.sparrow.runtime.wx;

import static dev.sparrow.runtime.bridge.JsType.BOOLEAN;
import static dev.sparrow.runtime.bridge.JsType.NUMBER;
import static dev.sparrow.runtime.bridge.JsType.STRING;

import dev.sparrow.apis.device.Permissions;
import dev.sparrow.apis.location.Locations;
import dev.sparrow.runtime.bridge.ApiSpec;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code wx.getLocation} on the session's position device (headless: {@link
 * dev.sparrow.apis.device.HeadlessLocation}). Implementation: {@link Locations}.
 */
public final class LocationApis {
  private final Locations locations;
  private final Permissions permissions;
  private final boolean declared;
  private final Consumer<Throwable> internal;

  /** {@code declared}: app.json's {@code requiredPrivateInfos} lists {@code getLocation}. */
  public LocationApis(Locations locations, Permissions permissions, boolean declared, Consumer<Throwable> internal) {
    this.locations = locations;
    this.permissions = permissions;
    this.declared = declared;
    this.internal = internal;
  }

  public List<ApiSpec> specs() {
    return List.of(
        ApiSpec.async("getLocation")
            .optional("type", STRING, "wgs84")
            .optional("altitude", BOOLEAN, false)
            .optional("isHighAccuracy", BOOLEAN, false)
            .optional("highAccuracyExpireTime", NUMBER)
            .returns("latitude", "longitude", "speed", "accuracy", "altitude", "verticalAccuracy", "horizontalAccuracy")
            .handle(c -> Stages.settleAsking(c, permissions, Locations.SCOPE, () -> locations.getLocation(c.string("type"), declared),
                r -> r, internal)));
  }
}
