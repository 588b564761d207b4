package dev.sparrow.simulator.device;

import dev.sparrow.simulator.Messages;
import dev.sparrow.apis.device.HeadlessPermissions;
import dev.sparrow.apis.device.Permissions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * WeChat's authorization prompt ("… 申请使用你的麦克风") in the browser. Decisions, persistence and
 * the queue stay in the headless permissions (so {@code Session.answerPermission} and {@code
 * Tool.native} keep working); a prompt the headless policy leaves open is shown in every tab and the
 * person's tap answers it.
 */
public final class BrowserPermissions implements Permissions {
  private final HeadlessPermissions headless;
  private final Prompts prompts;

  public BrowserPermissions(HeadlessPermissions headless, Prompts prompts) {
    this.headless = headless;
    this.prompts = prompts;
  }

  @Override
  public Optional<Boolean> state(String scope) {
    return headless.state(scope);
  }

  @Override
  public CompletionStage<Boolean> request(String scope) {
    boolean alreadyAsking = headless.pendingScopes().contains(scope);
    CompletionStage<Boolean> answer = headless.request(scope);
    if (!alreadyAsking && !answer.toCompletableFuture().isDone()) {
      int id = prompts.show(Messages.of("permission").put("scope", scope));
      answer.whenComplete((a, t) -> prompts.close(id));
    }
    return answer;
  }

  @Override
  public Map<String, Boolean> settings() {
    return headless.settings();
  }

  @Override
  public CompletionStage<Map<String, Boolean>> openSettings() {
    return headless.openSettings();
  }

  /** The person tapped allow or deny on prompt {@code id}. */
  public void answer(int id, boolean allow) {
    if (prompts.isOldest(id, "permission")) {
      headless.answer(allow);
    }
  }
}
