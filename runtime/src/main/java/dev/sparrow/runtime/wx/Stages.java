package dev.sparrow.runtime.wx;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.Errno;
import dev.sparrow.apis.device.Permissions;
import dev.sparrow.runtime.bridge.ApiCall;
import dev.sparrow.runtime.bridge.ApiSpec;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** Helpers of the media families: settling a call from a {@link CompletionStage}, void instance methods. */
final class Stages {
  private Stages() {}

  /** A method of instances of {@code owner} that takes no arguments and returns nothing ({@code play()}). */
  static ApiSpec action(String owner, String name, Runnable action) {
    return ApiSpec.sync(name).on(owner).handleSync(c -> {
      action.run();
      return null;
    });
  }

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

  /**
   * {@link #settle} for a call that may ask the person for {@code scope}: while a prompt for a scope
   * never decided is open, the call waits for the user, not for the machine ({@link ApiCall#awaitUser}).
   */
  static <T> void settleAsking(ApiCall call, Permissions permissions, String scope, Supplier<CompletionStage<T>> stage,
      Function<T, Map<String, Object>> result, Consumer<Throwable> internal) {
    boolean prompts = permissions.state(scope).isEmpty();
    settle(call, stage.get(), result, internal);
    if (prompts && !call.isSettled()) {
      call.awaitUser();
    }
  }
}
