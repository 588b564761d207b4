package dev.sparrow.simulator.device;

import dev.sparrow.simulator.Messages;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.apis.ui.ActionSheetRequest;
import dev.sparrow.apis.ui.Dialogs;
import dev.sparrow.apis.ui.HeadlessDialogs;
import dev.sparrow.apis.ui.ModalAnswer;
import dev.sparrow.apis.ui.ModalRequest;
import dev.sparrow.apis.ui.Toast;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Toasts, modals and action sheets in the browser. The headless dialogs stay the record and the
 * queue of open questions (so {@code Session.answerModal} and automation's {@code Tool.native} still
 * answer them, and with no tab connected nothing changes); every question is also shown in the
 * browser, and the person's answer there answers it.
 */
public final class BrowserDialogs implements Dialogs {
  private final HeadlessDialogs headless;
  private final Prompts prompts;
  private final Consumer<ObjectNode> broadcast;
  private volatile ObjectNode toast = toastMessage(Optional.empty());

  public BrowserDialogs(HeadlessDialogs headless, Prompts prompts, Consumer<ObjectNode> broadcast) {
    this.headless = headless;
    this.prompts = prompts;
    this.broadcast = broadcast;
  }

  @Override
  public void toastChanged(Optional<Toast> current) {
    headless.toastChanged(current);
    toast = toastMessage(current);
    broadcast.accept(toast);
  }

  private static ObjectNode toastMessage(Optional<Toast> current) {
    ObjectNode m = Messages.of("toast");
    current.ifPresentOrElse(t -> {
      ObjectNode o = m.putObject("toast");
      o.put("kind", t.kind().name().toLowerCase(Locale.ROOT));
      o.put("title", t.title());
      o.put("icon", t.icon());
      o.put("image", t.image());
      o.put("duration", t.durationMillis());
      o.put("mask", t.mask());
    }, () -> m.putNull("toast"));
    return m;
  }

  @Override
  public CompletionStage<ModalAnswer> showModal(ModalRequest request) {
    CompletionStage<ModalAnswer> answer = headless.showModal(request);
    if (!answer.toCompletableFuture().isDone()) {
      int id = prompts.show(Messages.of("modal").setAll((ObjectNode) Messages.json(request)));
      answer.whenComplete((a, t) -> prompts.close(id));
    }
    return answer;
  }

  @Override
  public CompletionStage<OptionalInt> showActionSheet(ActionSheetRequest request) {
    CompletionStage<OptionalInt> answer = headless.showActionSheet(request);
    if (!answer.toCompletableFuture().isDone()) {
      int id = prompts.show(Messages.of("sheet").setAll((ObjectNode) Messages.json(request)));
      answer.whenComplete((a, t) -> prompts.close(id));
    }
    return answer;
  }

  /** The person answered modal {@code id} in the browser. */
  public void answerModal(int id, boolean confirm, String content) {
    if (prompts.isOldest(id, "modal")) {
      headless.answerModal(confirm ? ModalAnswer.confirmed(content) : ModalAnswer.cancelled());
    }
  }

  /** The person tapped item {@code index} of action sheet {@code id} (negative: cancelled). */
  public void answerSheet(int id, int index) {
    if (prompts.isOldest(id, "sheet")) {
      headless.answerActionSheet(index < 0 ? OptionalInt.empty() : OptionalInt.of(index));
    }
  }

  /** The toast on screen now, for a tab that connects. */
  public List<ObjectNode> replay() {
    return List.of(toast);
  }
}
