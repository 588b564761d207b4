package dev.sparrow.apis.ui;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.device.Scheduler;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;

/**
 * The interaction family: {@code showToast}, {@code hideToast}, {@code showLoading}, {@code
 * hideLoading}, {@code showModal}, {@code showActionSheet} (spec ui-and-storage.md §1–2).
 *
 * <p>Toast and loading share one slot: showing one replaces the other; a toast hides itself after
 * its duration (in session time, through the injected {@link Scheduler}); a hide call closes either
 * kind unless {@code noConflict} is set. Not thread-safe: call it from the session loop.
 */
public final class Interaction {
  /** Reason of {@code hideToast}/{@code hideLoading} when nothing of that kind is showing. */
  public static final String TOAST_NOT_FOUND = "toast can't be found";

  public static final long DEFAULT_TOAST_DURATION = 1500;
  public static final int MAX_ACTION_SHEET_ITEMS = 6;

  private final Dialogs dialogs;
  private final Scheduler scheduler;
  /** Whether errMsgs take a phone client's form rather than DevTools' (docs/decisions.md, hideToast). */
  private final boolean phoneTexts;
  private Toast current;
  private Scheduler.Cancellable autoHide;

  /** Answers as DevTools words them. */
  public Interaction(Dialogs dialogs, Scheduler scheduler) {
    this(dialogs, scheduler, false);
  }

  /**
   * With {@code phoneTexts}, a hide with nothing shown fails as WeChat's phone clients word it
   * ({@code hideToast:fail:toast can't be found}) instead of DevTools ({@code hideToast:fail toast can't be found}).
   */
  public Interaction(Dialogs dialogs, Scheduler scheduler, boolean phoneTexts) {
    this.dialogs = dialogs;
    this.scheduler = scheduler;
    this.phoneTexts = phoneTexts;
  }

  /** What the slot shows now. */
  public Optional<Toast> current() {
    return Optional.ofNullable(current);
  }

  /**
   * Shows a toast. {@code icon} is one of {@code success}, {@code error}, {@code loading}, {@code
   * none}; anything else falls back to {@code success} as WeChat does.
   */
  public void showToast(String title, String icon, String image, long durationMillis, boolean mask) {
    String shown = switch (icon == null ? "success" : icon) {
      case "success", "error", "loading", "none" -> icon == null ? "success" : icon;
      default -> "success";
    };
    long duration = durationMillis < 0 ? 0 : durationMillis;
    show(new Toast(Toast.Kind.TOAST, title, shown, blankToNull(image), duration, mask));
    Toast shownToast = current;
    autoHide = scheduler.schedule(duration, () -> {
      if (current == shownToast) {
        clear();
      }
    });
  }

  /** Shows a loading, which stays until hidden. */
  public void showLoading(String title, boolean mask) {
    show(new Toast(Toast.Kind.LOADING, title, "loading", null, 0, mask));
  }

  /** Hides the toast (or, unless {@code noConflict}, a loading). */
  public void hideToast(boolean noConflict) {
    hide(Toast.Kind.TOAST, noConflict);
  }

  /** Hides the loading (or, unless {@code noConflict}, a toast). */
  public void hideLoading(boolean noConflict) {
    hide(Toast.Kind.LOADING, noConflict);
  }

  /** Checks a modal's button texts as WeChat does (at most 4 Chinese characters), then asks the device. */
  public CompletionStage<ModalAnswer> showModal(ModalRequest request) {
    if (visualLength(request.cancelText()) > 8) {
      throw ApiFailure.of("cancelText length should not larger then 4 Chinese characters");
    }
    if (visualLength(request.confirmText()) > 8) {
      throw ApiFailure.of("confirmText length should not larger then 4 Chinese characters");
    }
    return dialogs.showModal(request);
  }

  /** Asks the device; completes with the tapped index, or fails with {@code cancel}. */
  public CompletionStage<Integer> showActionSheet(ActionSheetRequest request) {
    List<String> items = request.itemList();
    if (items.size() > MAX_ACTION_SHEET_ITEMS) {
      throw ApiFailure.of("parameter error: itemList should not be large than 6");
    }
    return dialogs
        .showActionSheet(request)
        .thenApply(
            (OptionalInt index) -> {
              if (index.isEmpty()) {
                throw ApiFailure.of("cancel");
              }
              return index.getAsInt();
            });
  }

  private void show(Toast toast) {
    cancelAutoHide();
    current = toast;
    dialogs.toastChanged(Optional.of(toast));
  }

  private void hide(Toast.Kind kind, boolean noConflict) {
    if (current == null || (noConflict && current.kind() != kind)) {
      throw phoneTexts ? ApiFailure.afterColon(TOAST_NOT_FOUND) : ApiFailure.of(TOAST_NOT_FOUND);
    }
    clear();
  }

  private void clear() {
    cancelAutoHide();
    current = null;
    dialogs.toastChanged(Optional.empty());
  }

  private void cancelAutoHide() {
    if (autoHide != null) {
      autoHide.cancel();
      autoHide = null;
    }
  }

  /** WeChat counts a CJK character as two: "4 Chinese characters" means 8 units. */
  static int visualLength(String text) {
    if (text == null) {
      return 0;
    }
    int units = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      units += (c >= '\u0391' && c <= '\uFFE5') ? 2 : 1;
    }
    return units;
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
