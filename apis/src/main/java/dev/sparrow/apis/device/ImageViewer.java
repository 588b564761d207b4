package dev.sparrow.apis.device;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** The full-screen image viewer {@code wx.previewImage} opens over the page. */
public interface ImageViewer {
  /** What the page asked to show. */
  record Preview(List<String> urls, String current, boolean showMenu) {
    public Preview {
      urls = List.copyOf(urls);
    }
  }

  /** Shows the viewer; completes when the user closes it. */
  CompletionStage<Void> show(Preview preview);
}
