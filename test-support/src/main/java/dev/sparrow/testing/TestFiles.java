package dev.sparrow.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writing the small projects tests build: a file and the folders above it. */
public final class TestFiles {
  private TestFiles() {}

  /** Writes {@code text} as UTF-8 to {@code file}, making its missing parent folders. */
  public static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
