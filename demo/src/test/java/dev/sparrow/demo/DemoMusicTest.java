package dev.sparrow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sparrow.apis.media.AudioDuration;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed {@code sparrow-song.mp3} is what {@link DemoMusic} makes, and lasts 30 s. Run with
 * {@code -Dsparrow.demo.writeSong=true} to rewrite it after changing the tune.
 */
class DemoMusicTest {
  static final Path COMMITTED = Path.of("src/main/resources/dev/sparrow/demo/sparrow-song.mp3");

  @Test
  void theCommittedSongIsExactlyWhatDemoMusicMakes(@TempDir Path dir) throws Exception {
    if (Boolean.getBoolean("sparrow.demo.writeSong")) {
      DemoMusic.write(COMMITTED);
    }
    // the tune is StrictMath (same samples everywhere); the encoder uses Math, checked identical on x86-64 JDK 17 and 25
    assumeTrue(System.getProperty("os.arch").equals("amd64"), "the encoder's floating point was only compared on x86-64");
    Path fresh = dir.resolve("song.mp3");
    DemoMusic.write(fresh);
    assertThat(Files.mismatch(fresh, COMMITTED)).as("first differing byte (-1: identical)").isEqualTo(-1L);
  }

  @Test
  void theSongLastsThirtySeconds() throws Exception {
    assertThat(AudioDuration.ofFile(COMMITTED).getAsLong()).isBetween(29_950L, 30_050L);
    assertThat(Assets.SONG_SECONDS).isEqualTo(30.0);
  }
}
