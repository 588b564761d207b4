package dev.sparrow.runtime.wx;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.Errno;
import dev.sparrow.runtime.bridge.ApiCall;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

/** Settles an async wx call from a {@link CompletionStage} of the apis layer. */
final class Stages {
  private Stages() {}

  /**
   * Resolves {@code call} with {@code result(value)} when {@code stage} completes, or rejects it with
   * the stage's {@link ApiFailure}; anything else is an internal error reported to {@code internal}.
   */
  static <T> void settle(ApiCall call, CompletionStage<T> stage, Function<T, Map<String, Object>> result,
      Consumer<Throwable> internal) {
    stage.whenComplete((value, t) -> {
      if (t == null) {
        Map<String, Object> res;
        try {
          res = result.apply(value);
        } catch (ApiFailure f) {
          call.reject(f);
          return;
        } catch (RuntimeException e) {
          internal.accept(e);
          call.reject(ApiFailure.of("internal error", Errno.INTERNAL_ERROR));
          return;
        }
        call.resolve(res);
        return;
      }
      Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
      if (cause instanceof ApiFailure f) {
        call.reject(f);
      } else {
        internal.accept(cause);
        call.reject(ApiFailure.of("internal error", Errno.INTERNAL_ERROR));
      }
    });
  }
}
