package dev.sparrow.runtime;

/** Page code threw while the host was calling it ({@link PageHandle#callMethod}, {@link Session#evaluate}). */
public final class ScriptException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient ScriptError error;

  ScriptException(ScriptError error) {
    super(error.toString(), null, false, false);
    this.error = error;
  }

  public ScriptError error() {
    return error;
  }
}
