package dev.sparrow.apis.device;

import java.io.IOException;
import java.nio.file.Path;

/** The phone's photo album as a destination ({@code saveImageToPhotosAlbum}). */
public interface PhotoAlbum {
  /** Copies {@code image} into the album under {@code name}; returns where it landed. */
  Path save(Path image, String name) throws IOException;
}
