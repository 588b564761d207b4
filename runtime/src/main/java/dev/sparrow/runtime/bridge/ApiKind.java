package dev.sparrow.runtime.bridge;

/** How a wx API delivers its result (spec README §1). */
public enum ApiKind {
  /** One option object with success/fail/complete, or a Promise when it has none and the API allows it. */
  ASYNC,
  /** Positional arguments; returns a value or throws an Error whose message is the errMsg. */
  SYNC,
  /** {@code onX(fn)} / {@code offX(fn?)}: registers or removes a listener. */
  LISTENER,
  /** A property of an instance object ({@code InnerAudioContext.src}). */
  PROPERTY
}
