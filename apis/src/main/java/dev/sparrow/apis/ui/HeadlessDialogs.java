package dev.sparrow.apis.ui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * {@link Dialogs} without a screen: it remembers what was shown so a test can read it, and answers
 * questions by {@link Policy} — or leaves them open for the host to answer with {@link
 * #answerModal(ModalAnswer)} / {@link #answerActionSheet(OptionalInt)}.
 *
 * <p>Thread-safe: the session's loop shows, a test thread answers.
 */
public final class HeadlessDialogs implements Dialogs {
  /** What happens to a question nobody answers. */
  public enum Policy {
    /** Keep it open until the host answers (the default: tests decide). */
    WAIT,
    /** Confirm every modal; pick the first item of every action sheet. */
    CONFIRM,
    /** Cancel every modal and action sheet. */
    CANCEL
  }

  /** A question that is still open. */
  public sealed interface Prompt permits ModalPrompt, ActionSheetPrompt {}

  public record ModalPrompt(ModalRequest request) implements Prompt {}

  public record ActionSheetPrompt(ActionSheetRequest request) implements Prompt {}

  private final Policy policy;
  private final List<Toast> toastHistory = new ArrayList<>();
  private final Deque<Open> open = new ArrayDeque<>();
  private volatile Consumer<Prompt> onPrompt = p -> {};
  private Toast currentToast;

  private record Open(Prompt prompt, CompletableFuture<Object> answer) {}

  public HeadlessDialogs(Policy policy) {
    this.policy = policy;
  }

  /** Called (on the session loop) whenever a new question opens. */
  public void onPrompt(Consumer<Prompt> listener) {
    this.onPrompt = listener == null ? p -> {} : listener;
  }

  @Override
  public synchronized void toastChanged(Optional<Toast> current) {
    currentToast = current.orElse(null);
    current.ifPresent(toastHistory::add);
  }

  /** The toast or loading on screen now. */
  public synchronized Optional<Toast> currentToast() {
    return Optional.ofNullable(currentToast);
  }

  /** Every toast and loading shown so far, oldest first. */
  public synchronized List<Toast> toastHistory() {
    return List.copyOf(toastHistory);
  }

  @Override
  public CompletionStage<ModalAnswer> showModal(ModalRequest request) {
    return switch (policy) {
      case CONFIRM -> CompletableFuture.completedFuture(ModalAnswer.confirmed());
      case CANCEL -> CompletableFuture.completedFuture(
          request.showCancel() ? ModalAnswer.cancelled() : ModalAnswer.confirmed());
      case WAIT -> enqueue(new ModalPrompt(request)).thenApply(ModalAnswer.class::cast);
    };
  }

  @Override
  public CompletionStage<OptionalInt> showActionSheet(ActionSheetRequest request) {
    return switch (policy) {
      case CONFIRM -> CompletableFuture.completedFuture(OptionalInt.of(0));
      case CANCEL -> CompletableFuture.completedFuture(OptionalInt.empty());
      case WAIT -> enqueue(new ActionSheetPrompt(request)).thenApply(OptionalInt.class::cast);
    };
  }

  /** The oldest open question, if any. */
  public synchronized Optional<Prompt> pending() {
    Open first = open.peekFirst();
    return first == null ? Optional.empty() : Optional.of(first.prompt());
  }

  /** Answers the oldest open modal; false if no modal is open. */
  public boolean answerModal(ModalAnswer answer) {
    return answer(ModalPrompt.class, answer);
  }

  /** Answers the oldest open action sheet with an index, or cancels it with empty; false if none is open. */
  public boolean answerActionSheet(OptionalInt tapIndex) {
    return answer(ActionSheetPrompt.class, tapIndex);
  }

  private boolean answer(Class<? extends Prompt> kind, Object value) {
    CompletableFuture<Object> future = null;
    synchronized (this) {
      for (Open o : open) {
        if (kind.isInstance(o.prompt())) {
          open.remove(o);
          future = o.answer();
          break;
        }
      }
    }
    if (future == null) {
      return false;
    }
    future.complete(value);
    return true;
  }

  private CompletableFuture<Object> enqueue(Prompt prompt) {
    CompletableFuture<Object> answer = new CompletableFuture<>();
    synchronized (this) {
      open.addLast(new Open(prompt, answer));
    }
    onPrompt.accept(prompt);
    return answer;
  }
}
