package dev.sparrow.runtime.wx;

import static dev.sparrow.runtime.bridge.JsType.BOOLEAN;
import static dev.sparrow.runtime.bridge.JsType.STRING;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.device.Permissions;
import dev.sparrow.runtime.bridge.ApiCall;
import dev.sparrow.runtime.bridge.ApiSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * wx authorization APIs (spec media.md §4.1): {@code authorize}, {@code getSetting}, {@code
 * openSetting}. Decisions live in the session's {@link Permissions} device; prompts are answered
 * by the host ({@code Session.answerPermission}) or a policy.
 */
public final class AuthApis {
  /** Scopes {@code wx.authorize} knows (AuthSetting). */
  public static final Set<String> SCOPES = Set.of("scope.userInfo", "scope.userLocation", "scope.userFuzzyLocation",
      "scope.userLocationBackground", "scope.werun", "scope.record", "scope.writePhotosAlbum", "scope.camera",
      "scope.bluetooth", "scope.addPhoneContact", "scope.addPhoneCalendar", "scope.address", "scope.invoice",
      "scope.invoiceTitle");
  /** Scopes that are always granted now, without a prompt. */
  private static final Set<String> ALWAYS = Set.of("scope.address", "scope.invoice", "scope.invoiceTitle");

  private final Permissions permissions;
  private final Consumer<Throwable> internal;

  public AuthApis(Permissions permissions, Consumer<Throwable> internal) {
    this.permissions = permissions;
    this.internal = internal;
  }

  public List<ApiSpec> specs() {
    return List.of(
        ApiSpec.async("authorize").required("scope", STRING).handle(this::authorize),
        ApiSpec.async("getSetting")
            .optional("withSubscriptions", BOOLEAN, false)
            .returns("authSetting", "subscriptionsSetting")
            .handle(c -> c.resolve(settings(c.bool("withSubscriptions")))),
        ApiSpec.async("openSetting")
            .optional("withSubscriptions", BOOLEAN, false)
            .returns("authSetting", "subscriptionsSetting")
            .handle(c -> Stages.settle(c, permissions.openSettings(), s -> settings(c.bool("withSubscriptions")), internal)));
  }

  private void authorize(ApiCall c) {
    String scope = c.string("scope");
    if (!SCOPES.contains(scope)) {
      throw ApiFailure.of("invalid scope");
    }
    if (ALWAYS.contains(scope)) {
      c.resolve();
      return;
    }
    Stages.settleAsking(c, permissions, scope, () -> permissions.request(scope).thenApply(granted -> {
      if (!granted) {
        throw ApiFailure.of("auth deny");
      }
      return granted;
    }), g -> Map.of(), internal);
  }

  private Map<String, Object> settings(boolean withSubscriptions) {
    Map<String, Object> res = new LinkedHashMap<>();
    res.put("authSetting", new LinkedHashMap<String, Object>(permissions.settings()));
    if (withSubscriptions) {
      res.put("subscriptionsSetting", Map.of("mainSwitch", true, "itemSettings", Map.of()));
    }
    return res;
  }
}
