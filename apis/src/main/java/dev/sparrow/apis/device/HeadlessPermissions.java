package dev.sparrow.apis.device;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparrow.apis.storage.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@link Permissions} without a screen. Prompts are answered by {@link Policy} or left open for the
 * host ({@link #answer(boolean)}); decisions persist in a JSON file per app (WeChat keeps them per
 * app and user across launches). Thread-safe: the session loop asks, a test thread answers.
 */
public final class HeadlessPermissions implements Permissions {
  /** What happens to a prompt nobody answers. */
  public enum Policy {
    /** The prompt stays open until the host answers (default: tests decide). */
    WAIT,
    /** Every prompt is allowed. */
    ALLOW,
    /** Every prompt is denied. */
    DENY
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Policy policy;
  private final Path file;
  private final Map<String, Boolean> decisions = new LinkedHashMap<>();
  private final Deque<Prompt> open = new ArrayDeque<>();
  private Map<String, Boolean> settingsPageChanges = Map.of();

  private record Prompt(String scope, CompletableFuture<Boolean> answer) {}

  /** @param file where decisions persist, or null to keep them in memory */
  public HeadlessPermissions(Policy policy, Path file) {
    this.policy = policy;
    this.file = file;
    if (file != null && Files.isRegularFile(file)) {
      try {
        decisions.putAll(JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Boolean>>() {}));
      } catch (IOException e) {
        // a damaged file means nothing was decided
      }
    }
  }

  @Override
  public synchronized Optional<Boolean> state(String scope) {
    return Optional.ofNullable(decisions.get(scope));
  }

  @Override
  public CompletionStage<Boolean> request(String scope) {
    CompletableFuture<Boolean> answer;
    synchronized (this) {
      Boolean known = decisions.get(scope);
      if (known != null) {
        return CompletableFuture.completedFuture(known);
      }
      for (Prompt p : open) {
        if (p.scope().equals(scope)) {
          return p.answer();
        }
      }
      if (policy != Policy.WAIT) {
        decide(scope, policy == Policy.ALLOW);
        return CompletableFuture.completedFuture(policy == Policy.ALLOW);
      }
      answer = new CompletableFuture<>();
      open.addLast(new Prompt(scope, answer));
    }
    return answer;
  }

  @Override
  public synchronized Map<String, Boolean> settings() {
    return new LinkedHashMap<>(decisions);
  }

  @Override
  public CompletionStage<Map<String, Boolean>> openSettings() {
    synchronized (this) {
      settingsPageChanges.forEach((scope, value) -> {
        if (decisions.containsKey(scope)) {
          decide(scope, value);
        }
      });
      settingsPageChanges = Map.of();
      return CompletableFuture.completedFuture(settings());
    }
  }

  /** The scope of the oldest open prompt, if any. */
  public synchronized Optional<String> pending() {
    Prompt p = open.peekFirst();
    return p == null ? Optional.empty() : Optional.of(p.scope());
  }

  /** Every open prompt's scope, oldest first. */
  public synchronized List<String> pendingScopes() {
    return open.stream().map(Prompt::scope).toList();
  }

  /** The user taps allow or deny on the oldest open prompt; false if none is open. */
  public boolean answer(boolean allow) {
    Prompt p;
    synchronized (this) {
      p = open.pollFirst();
      if (p == null) {
        return false;
      }
      decide(p.scope(), allow);
    }
    p.answer().complete(allow);
    return true;
  }

  /** Sets (true/false) or forgets (null) a decision as if the user had made it earlier. */
  public synchronized void set(String scope, Boolean value) {
    if (value == null) {
      decisions.remove(scope);
      persist();
    } else {
      decide(scope, value);
    }
  }

  /** What the user will switch on the next settings page (only scopes asked before change). */
  public synchronized void onNextSettingsPage(Map<String, Boolean> changes) {
    settingsPageChanges = Map.copyOf(changes);
  }

  private void decide(String scope, boolean value) {
    decisions.put(scope, value);
    persist();
  }

  private void persist() {
    if (file == null) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      AtomicFiles.write(file, JSON.writeValueAsBytes(decisions));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
