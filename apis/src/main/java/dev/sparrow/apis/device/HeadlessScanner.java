package dev.sparrow.apis.device;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A scanner without a camera: each scan takes the next scripted result ({@link #offer}, {@link #cancelNext}); with
 * none scripted, the standing result ({@link #always}, CLI {@code --scan TEXT}); with none, the person cancels.
 * Thread-safe: the session loop scans, a test thread scripts and reads {@link #requests()}.
 */
public final class HeadlessScanner implements Scanner {
  private final Deque<Optional<Scan>> scripted = new ArrayDeque<>();
  private final List<List<String>> requests = new ArrayList<>();
  private Scan standing;

  /** The next scan reads {@code text} as a QR code. */
  public HeadlessScanner offer(String text) {
    return offer(new Scan(text, "QR_CODE", "UTF-8"));
  }

  public synchronized HeadlessScanner offer(Scan scan) {
    scripted.addLast(Optional.of(scan));
    return this;
  }

  /** The next scan is cancelled. */
  public synchronized HeadlessScanner cancelNext() {
    scripted.addLast(Optional.empty());
    return this;
  }

  /** Every scan nothing else answers reads {@code text} as a QR code (null: they are cancelled). */
  public synchronized HeadlessScanner always(String text) {
    standing = text == null ? null : new Scan(text, "QR_CODE", "UTF-8");
    return this;
  }

  /** Whether the next scan has a scripted or standing answer (a front-end asks the person otherwise). */
  public synchronized boolean hasAnswer() {
    return !scripted.isEmpty() || standing != null;
  }

  /** The {@code scanType} lists of the scans asked for so far. */
  public synchronized List<List<String>> requests() {
    return List.copyOf(requests);
  }

  @Override
  public synchronized CompletionStage<Optional<Scan>> scan(List<String> scanTypes, boolean onlyFromCamera) {
    requests.add(List.copyOf(scanTypes));
    Optional<Scan> next = scripted.isEmpty() ? Optional.ofNullable(standing) : scripted.pollFirst();
    return CompletableFuture.completedFuture(next);
  }
}
