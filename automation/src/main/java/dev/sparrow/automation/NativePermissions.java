package dev.sparrow.automation;

import dev.sparrow.runtime.Session;

/** Answers the open permission prompt for {@code Tool.native authorizeAllow/authorizeCancel}. */
final class NativePermissions {
  private NativePermissions() {}

  static void answer(Session session, boolean allow) {
    if (session.pendingPermission().isEmpty()) {
      throw new ProtocolError("Tool.native " + (allow ? "authorizeAllow" : "authorizeCancel") + ": no permission prompt is open");
    }
    session.answerPermission(allow);
  }
}
