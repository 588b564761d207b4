package dev.sparrow.apis.device;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The user's answers to WeChat's authorization prompts, per app and user (spec media.md §4.1): a
 * scope is never asked (absent), granted ({@code true}) or denied ({@code false}).
 *
 * <p>{@link #request} prompts only for a scope never decided; a granted scope answers yes and a
 * denied one answers no at once, without a prompt — the user must change it in the settings page
 * ({@link #openSettings}).
 */
public interface Permissions {
  /** The scope's state: empty when it was never asked. */
  Optional<Boolean> state(String scope);

  /** Asks the user if the scope is undecided, else answers from the stored decision; true = granted. */
  CompletionStage<Boolean> request(String scope);

  /** {@code authSetting}: every scope asked so far with its decision. */
  Map<String, Boolean> settings();

  /** The settings page: the user may switch scopes asked before; completes with the settings on closing. */
  CompletionStage<Map<String, Boolean>> openSettings();
}
