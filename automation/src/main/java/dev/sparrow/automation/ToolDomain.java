package dev.sparrow.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.apis.ui.HeadlessDialogs;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.Sparrow;

/**
 * {@code Tool.*}: what DevTools itself answers — version info, closing, and {@code Tool.native},
 * which plays the user on native UI (modals, permission prompts, the navigation bar).
 */
final class ToolDomain {
  private final AutomationServer server;
  private final String sdkVersion;

  ToolDomain(AutomationServer server, String sdkVersion) {
    this.server = server;
    this.sdkVersion = sdkVersion;
  }

  void register(Dispatcher d) {
    d.add("Tool.getInfo", p -> {
      ObjectNode info = Json.object();
      info.put("SDKVersion", sdkVersion);
      info.put("version", "sparrow " + Sparrow.version());
      return info;
    });
    d.add("Tool.close", p -> {
      server.requestClose();
      return Json.object();
    });
    d.add("Tool.native", this::nativeCall);
    for (String unsupported : new String[] {"Tool.enableRemoteDebug", "Tool.getTestAccounts", "Tool.stopAudits",
        "Tool.getTicket", "Tool.setTicket", "Tool.refreshTicket"}) {
      d.add(unsupported, p -> {
        throw new ProtocolError(unsupported + " is not supported by Sparrow (no WeChat account or remote device here)");
      });
    }
  }

  private JsonNode nativeCall(ObjectNode params) {
    String method = Json.text(params, "method");
    Session s = server.session();
    switch (method) {
      case "confirmModal", "cancelModal" -> {
        if (s.pendingDialog().filter(HeadlessDialogs.ModalPrompt.class::isInstance).isEmpty()) {
          throw new ProtocolError("Tool.native " + method + ": no modal is open");
        }
        s.answerModal(method.equals("confirmModal"));
      }
      case "goHome" -> s.reLaunch("/" + s.project().app().entryPage());
      case "navigateLeft" -> s.navigateBack(1);
      case "switchTab" -> {
        JsonNode data = params.get("data");
        String url = data == null ? null : data.isTextual() ? data.asText() : data.path("url").asText(null);
        if (url == null) {
          throw new ProtocolError("Tool.native switchTab needs data with the tab's url");
        }
        s.switchTab(url.startsWith("/") ? url : "/" + url);
      }
      case "authorizeAllow", "authorizeCancel" -> NativePermissions.answer(s, method.equals("authorizeAllow"));
      default -> throw new ProtocolError("Tool.native " + method + " is not supported by Sparrow");
    }
    return Json.object();
  }
}
