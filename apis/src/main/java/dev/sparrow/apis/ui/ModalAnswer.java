package dev.sparrow.apis.ui;

/**
 * How the user closed a modal: exactly one of {@code confirm}/{@code cancel} is true;
 * {@code content} is the typed text of an editable modal (empty otherwise).
 */
public record ModalAnswer(boolean confirm, boolean cancel, String content) {
  public static ModalAnswer confirmed() {
    return new ModalAnswer(true, false, "");
  }

  public static ModalAnswer confirmed(String content) {
    return new ModalAnswer(true, false, content == null ? "" : content);
  }

  public static ModalAnswer cancelled() {
    return new ModalAnswer(false, true, "");
  }
}
