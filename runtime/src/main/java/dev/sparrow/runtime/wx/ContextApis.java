package dev.sparrow.runtime.wx;

import dev.sparrow.runtime.bridge.ApiSpec;
import java.util.List;
import java.util.stream.Stream;

/**
 * Factories of objects Sparrow has no device for: {@code createVideoContext}, {@code createCameraContext},
 * {@code createMapContext}, {@code createLivePlayerContext}, {@code createLivePusherContext}, {@code createWorker},
 * ads, sockets, media pipelines ({@link #FACTORIES}); the log managers write to the console.
 * Declared here so that they count as provided ({@code canIUse}); the objects are built in the base library
 * ({@code sparrow-base.js}, "stand-ins"): every documented method exists, the ones taking an options object answer
 * {@code <method>:fail not supported} through {@code fail}/{@code complete}, and none throws. Pages that create
 * them in {@code onLoad} keep working. {@link #BASE_LIBRARY} lists the other names the base library builds.
 */
public final class ContextApis {
  /** The factory names, each built in the base library. */
  public static final List<String> FACTORIES = List.of("createVideoContext", "createCameraContext", "createMapContext",
      "createLivePlayerContext", "createLivePusherContext", "createWorker", "createAudioContext",
      "createInterstitialAd", "createRewardedVideoAd", "getUserCryptoManager", "getLogManager", "getRealtimeLogManager",
      "createTCPSocket", "createUDPSocket", "createCacheManager", "createMediaRecorder", "createMediaAudioPlayer",
      "createMediaContainer", "createVideoDecoder", "createInferenceSession", "createWebAudioContext",
      "createVKSession", "createGlobalPayment", "getPluginUpdateManager", "createBufferURL");

  /** Other names built in the base library that {@code canIUse} must know. */
  public static final List<String> BASE_LIBRARY = List.of("arrayBufferToBase64", "base64ToArrayBuffer", "env",
      "revokeBufferURL", "onError", "offError", "onUnhandledRejection", "offUnhandledRejection", "cloud");

  public List<ApiSpec> specs() {
    return Stream.concat(FACTORIES.stream(), BASE_LIBRARY.stream())
        .map(name -> ApiSpec.sync(name).handleSync(c -> null)).toList();
  }
}
