package dev.sparrow.apis.device;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** The album and camera as a picker: the user chooses up to {@code count} files, or cancels. */
public interface MediaPicker {
  /**
   * What the page asked for.
   *
   * @param mediaType {@code image}, {@code video} or {@code mix}; {@code all} (any file) or {@code file} (neither
   *     image nor video) for files from a chat
   * @param count the most files the user may choose
   * @param sourceTypes {@code album} and/or {@code camera}
   */
  record Request(String mediaType, int count, List<String> sourceTypes) {
    public Request {
      sourceTypes = List.copyOf(sourceTypes);
    }
  }

  /**
   * The user's choice: host files in order, from the album or the camera, and whether they ticked
   * "original" (原图). Empty {@code files} means the user cancelled.
   */
  record Pick(List<Path> files, String source, boolean original) {
    public Pick {
      files = List.copyOf(files);
    }

    public static Pick cancelled() {
      return new Pick(List.of(), "album", false);
    }

    public boolean isCancelled() {
      return files.isEmpty();
    }
  }

  CompletionStage<Pick> pick(Request request);
}
