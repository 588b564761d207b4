package dev.sparrow.runtime;

import dev.sparrow.runtime.bridge.JsValues;
import java.util.concurrent.CompletableFuture;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/** A JS-callable "done(ok, value)" that completes a Java future with the value as plain data. */
public final class Completion {
  final CompletableFuture<Object[]> future = new CompletableFuture<>();
  private final JsValues values;

  Completion(JsValues values) {
    this.values = values;
  }

  @HostAccess.Export
  public void done(boolean ok, Value value) {
    try {
      future.complete(new Object[] {ok, values.toData(value)});
    } catch (RuntimeException e) {
      future.completeExceptionally(e);
    }
  }
}
