package dev.sparrow.automation;

import dev.sparrow.runtime.Session;

/** Answers the open permission prompt for {@code Tool.native authorizeAllow/authorizeCancel}. */
final class NativePermissions {
  private NativePermissions() {}

  static void answer(Session session, boolean allow) {
    if (session.pendingPermission().isEmpty()) {
      String method = allow ? "authorizeAllow" : "authorizeCancel";
      throw new ProtocolError("Tool.native " + method + ": no permission prompt is open");
    }
    session.answerPermission(allow);
  }
}
