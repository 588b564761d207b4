package dev.sparrow.apis.ui;

import java.util.Objects;

/**
 * What occupies the single toast/loading slot (spec ui-and-storage.md §1).
 *
 * @param kind {@link Kind#TOAST} or {@link Kind#LOADING}
 * @param title the text shown
 * @param icon {@code success}, {@code error}, {@code loading} or {@code none} ({@code loading} for a loading)
 * @param image custom icon path, overriding {@code icon}; null when absent
 * @param durationMillis auto-hide delay of a toast; 0 for a loading, which stays until hidden
 * @param mask whether touches behind it are blocked
 */
public record Toast(Kind kind, String title, String icon, String image, long durationMillis, boolean mask) {
  public enum Kind {
    TOAST,
    LOADING
  }

  public Toast {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(icon, "icon");
  }
}
