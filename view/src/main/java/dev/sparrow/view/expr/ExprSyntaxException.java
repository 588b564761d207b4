package dev.sparrow.view.expr;

/** An expression that WeChat's compiler rejects; {@code offset} is the 0-based index in the expression text. */
public final class ExprSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int offset;

  public ExprSyntaxException(String message, int offset) {
    super(message);
    this.offset = offset;
  }

  public int offset() {
    return offset;
  }
}
