package dev.sparrow.apis.network.internal;

import java.io.IOException;

/**
 * One link of the request chain (OkHttp's shape). A link may change the request, short-circuit
 * with a response of its own (the cache), or pass on with {@link Chain#proceed}. An {@link
 * IOException} means the network failed (or the task was cancelled: {@link Control.Cancelled});
 * an {@link dev.sparrow.apis.ApiFailure} is a rule the page broke.
 */
@FunctionalInterface
public interface Interceptor {
  WireResponse intercept(Chain chain) throws IOException;
}
