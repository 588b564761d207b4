package dev.sparrow.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the demo's CDN serves, by path: pictures and documents made on first request and kept, and
 * the one committed file, {@code sparrow-song.mp3} (written by {@code DemoMusic} in the tests; see
 * demo/README.md).
 */
final class Assets {
  /** One file: its type and how to make it. */
  record Asset(String contentType, Supplier<byte[]> maker) {}

  /** The committed MP3's length in seconds (checked by a test). */
  static final double SONG_SECONDS = 30.0;

  private final Map<String, Asset> catalogue = new LinkedHashMap<>();
  private final Map<String, byte[]> made = new ConcurrentHashMap<>();

  Assets() {
    catalogue.put("/images/landscape.jpg", new Asset("image/jpeg",
        () -> Pictures.jpeg(Pictures.landscape(1600, 1067, Pictures.Palette.DAWN), 0.9f)));
    catalogue.put("/images/forest.jpg", new Asset("image/jpeg",
        () -> Pictures.jpeg(Pictures.landscape(1080, 720, Pictures.Palette.FOREST), 0.85f)));
    catalogue.put("/images/dusk.png", new Asset("image/png",
        () -> Pictures.png(Pictures.landscape(640, 427, Pictures.Palette.DUSK))));
    catalogue.put("/music/cover.jpg", new Asset("image/jpeg", () -> Pictures.jpeg(Pictures.cover(600), 0.9f)));
    catalogue.put("/music/sparrow-song.mp3", new Asset("audio/mpeg", Assets::song));
    catalogue.put("/docs/field-guide.pdf", new Asset("application/pdf", Documents::pdf));
    catalogue.put("/docs/quarterly-report.docx",
        new Asset("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Documents::docx));
  }

  /** The paths the CDN serves. */
  Set<String> paths() {
    return catalogue.keySet();
  }

  Optional<Asset> asset(String path) {
    return Optional.ofNullable(catalogue.get(path));
  }

  /** The bytes of {@code path} (made once, then kept). */
  byte[] bytes(String path) {
    Asset a = catalogue.get(path);
    if (a == null) {
      throw new IllegalArgumentException("no asset " + path);
    }
    return made.computeIfAbsent(path, k -> a.maker().get());
  }

  /**
   * Writes the headless album: three photos ({@code IMG_0001.jpg}…) that {@code chooseImage} offers
   * when no browser is there to pick from.
   */
  static Path writeAlbum(Path dir) {
    try {
      Files.createDirectories(dir);
      Pictures.Palette[] palettes = Pictures.Palette.values();
      for (int i = 0; i < palettes.length; i++) {
        Path file = dir.resolve(String.format("IMG_%04d.jpg", i + 1));
        Path part = dir.resolve(file.getFileName() + ".part");
        Files.write(part, Pictures.jpeg(Pictures.landscape(1200, 800, palettes[i]), 0.85f));
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] song() {
    try (InputStream in = Assets.class.getResourceAsStream("sparrow-song.mp3")) {
      if (in == null) {
        throw new IllegalStateException("sparrow-song.mp3 is missing from the demo module's resources");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
