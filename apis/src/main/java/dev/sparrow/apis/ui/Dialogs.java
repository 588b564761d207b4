package dev.sparrow.apis.ui;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;

/**
 * The device that shows toasts and asks the user questions. Headless sessions use {@link
 * HeadlessDialogs}; the browser simulator paints and answers them for real.
 */
public interface Dialogs {
  /** The toast/loading slot changed; {@code current} is empty when it was hidden. */
  void toastChanged(Optional<Toast> current);

  /** Shows a modal; the stage completes when the user answers. */
  CompletionStage<ModalAnswer> showModal(ModalRequest request);

  /** Shows an action sheet; completes with the tapped index, or empty when cancelled. */
  CompletionStage<OptionalInt> showActionSheet(ActionSheetRequest request);
}
