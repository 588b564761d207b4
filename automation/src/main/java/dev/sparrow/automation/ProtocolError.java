package dev.sparrow.automation;

/** A request the protocol answers with {@code {id, error: {message}}}. */
public final class ProtocolError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ProtocolError(String message) {
    super(message, null, false, false);
  }
}
