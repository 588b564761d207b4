package dev.sparrow.simulator.device;

import dev.sparrow.simulator.Messages;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.apis.device.HeadlessAlbum;
import dev.sparrow.apis.device.ImageViewer;
import dev.sparrow.apis.device.MediaPicker;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The album, camera and image viewer in the browser: {@code chooseImage} opens the browser's file
 * picker or its camera (the picked files are uploaded and become the host files the picker hands
 * over, which the image APIs turn into temp files); {@code previewImage} opens a full-screen viewer
 * that completes when the person closes it. With no tab connected, the headless album answers.
 */
public final class BrowserAlbum implements MediaPicker, ImageViewer {
  private final HeadlessAlbum headless;
  private final Prompts prompts;
  private final BooleanSupplier connected;
  private final Map<Integer, CompletableFuture<Pick>> picks = new ConcurrentHashMap<>();
  private final Map<Integer, CompletableFuture<Void>> viewers = new ConcurrentHashMap<>();

  public BrowserAlbum(HeadlessAlbum headless, Prompts prompts, BooleanSupplier connected) {
    this.headless = headless;
    this.prompts = prompts;
    this.connected = connected;
  }

  @Override
  public CompletionStage<Pick> pick(Request request) {
    if (!connected.getAsBoolean()) {
      return headless.pick(request);
    }
    ObjectNode m = Messages.of("pick");
    m.put("count", request.count());
    m.put("mediaType", request.mediaType());
    ArrayNode sources = m.putArray("sourceTypes");
    request.sourceTypes().forEach(sources::add);
    CompletableFuture<Pick> answer = new CompletableFuture<>();
    int id = prompts.show(m);
    picks.put(id, answer);
    answer.whenComplete((p, t) -> {
      picks.remove(id);
      prompts.close(id);
    });
    return answer.thenApply(p -> p.files().size() > request.count()
        ? new Pick(p.files().subList(0, request.count()), p.source(), p.original()) : p);
  }

  /** The person picked {@code files} (uploaded host files) from {@code source}, or cancelled (empty). */
  public void answerPick(int id, List<Path> files, String source, boolean original) {
    CompletableFuture<Pick> answer = picks.get(id);
    if (answer != null) {
      answer.complete(files.isEmpty() ? Pick.cancelled() : new Pick(files, source, original));
    }
  }

  @Override
  public CompletionStage<Void> show(Preview preview) {
    CompletionStage<Void> recorded = headless.show(preview);
    if (!connected.getAsBoolean()) {
      return recorded;
    }
    ObjectNode m = Messages.of("preview");
    m.put("current", preview.current());
    m.put("showMenu", preview.showMenu());
    ArrayNode urls = m.putArray("urls");
    preview.urls().forEach(urls::add);
    CompletableFuture<Void> closed = new CompletableFuture<>();
    int id = prompts.show(m);
    viewers.put(id, closed);
    closed.whenComplete((v, t) -> {
      viewers.remove(id);
      prompts.close(id);
    });
    return closed;
  }

  /** The person closed viewer {@code id}. */
  public void closePreview(int id) {
    CompletableFuture<Void> closed = viewers.get(id);
    if (closed != null) {
      closed.complete(null);
    }
  }
}
