package dev.sparrow.apis.location;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.device.Location;
import dev.sparrow.apis.device.Permissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code wx.getLocation}: the app must declare it in {@code requiredPrivateInfos} (app.json, since
 * 2022), the user must allow {@code scope.userLocation}; then the device's fix, in WGS-84 or in
 * China's GCJ-02 ({@code type: 'gcj02'}, what Tencent Maps and the {@code map} component use).
 */
public final class Locations {
  /** The permission {@code getLocation} needs. */
  public static final String SCOPE = "scope.userLocation";
  /** WeChat's reason when app.json does not declare the API. */
  public static final String NOT_DECLARED = "the api need to be declared in the requiredPrivateInfos field in app.json/ext.json";

  private final Location location;
  private final Permissions permissions;

  public Locations(Location location, Permissions permissions) {
    this.location = location;
    this.permissions = permissions;
  }

  /**
   * The result fields of {@code getLocation}: latitude, longitude, speed, accuracy, altitude,
   * verticalAccuracy, horizontalAccuracy.
   *
   * @param declared whether app.json's {@code requiredPrivateInfos} lists {@code getLocation}
   */
  public CompletionStage<Map<String, Object>> getLocation(String type, boolean declared) {
    if (!declared) {
      return CompletableFuture.failedFuture(ApiFailure.of(NOT_DECLARED));
    }
    boolean gcj = "gcj02".equals(type);
    return permissions.request(SCOPE).thenApply(granted -> {
      if (!granted) {
        throw ApiFailure.of("auth deny");
      }
      Location.Fix f = location.current();
      double[] point = gcj ? Gcj02.fromWgs84(f.latitude(), f.longitude()) : new double[] {f.latitude(), f.longitude()};
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("latitude", point[0]);
      r.put("longitude", point[1]);
      r.put("speed", f.speed());
      r.put("accuracy", f.accuracy());
      r.put("altitude", f.altitude());
      r.put("verticalAccuracy", 0);
      r.put("horizontalAccuracy", f.accuracy());
      return r;
    });
  }
}
