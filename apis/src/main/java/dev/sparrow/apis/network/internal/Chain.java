package dev.sparrow.apis.network.internal;

import java.io.IOException;
import java.util.List;

/** The links after the current one, and the request handed to them. Immutable. */
public final class Chain {
  private final List<Interceptor> links;
  private final int index;
  private final WireRequest request;

  public Chain(List<Interceptor> links, int index, WireRequest request) {
    this.links = links;
    this.index = index;
    this.request = request;
  }

  public WireRequest request() {
    return request;
  }

  /** Runs the next link with {@code next}; names the culprit if a link breaks the contract. */
  public WireResponse proceed(WireRequest next) throws IOException {
    if (index >= links.size()) {
      throw new IllegalStateException("the last link " + links.get(links.size() - 1) + " called proceed()");
    }
    Interceptor link = links.get(index);
    WireResponse r = link.intercept(new Chain(links, index + 1, next));
    if (r == null) {
      throw new IllegalStateException(link + " returned null");
    }
    return r;
  }
}
