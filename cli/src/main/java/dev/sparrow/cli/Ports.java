package dev.sparrow.cli;

import java.net.BindException;

/** A port someone else holds, reported with the way out. */
final class Ports {
  private Ports() {}

  /**
   * {@code failure} as a plain message when it is a port in use on 127.0.0.1 (how to choose another,
   * and that {@code option 0} picks a free one and prints it); otherwise {@code failure} itself.
   */
  static Exception explain(Exception failure, String what, int port, String option) {
    for (Throwable c = failure; c != null; c = c.getCause()) {
      if (c instanceof BindException) {
        return new IllegalStateException("cannot start " + what + " on 127.0.0.1:" + port + ": the port is in use; choose another with "
            + option + " PORT, or " + option + " 0 for a free one (it is printed)");
      }
    }
    return failure;
  }
}
