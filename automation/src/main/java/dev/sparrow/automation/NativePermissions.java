package dev.sparrow.automation;

import dev.sparrow.runtime.Session;

/**
 * Answers an open permission prompt for {@code Tool.native authorizeAllow/authorizeCancel}. The
 * permission device arrives with the media APIs; until then there is never a prompt to answer.
 */
final class NativePermissions {
  private NativePermissions() {}

  static void answer(Session session, boolean allow) {
    throw new ProtocolError("Tool.native " + (allow ? "authorizeAllow" : "authorizeCancel") + ": no permission prompt is open");
  }
}
