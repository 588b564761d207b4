package dev.sparrow.apis.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Video size and length from MP4 boxes (chooseMedia's video entries). */
class VideoHeadersTest {
  @TempDir Path dir;

  @Test
  void anMp4sTrackSizeAndMovieLengthAreRead() throws Exception {
    Path mp4 = MediaFixtures.mp4(dir.resolve("clip.mp4"), 1280, 720, 12_345);
    assertThat(VideoHeaders.read(mp4)).contains(new VideoHeaders.VideoInfo(1280, 720, 12.345));
  }

  @Test
  void otherFilesAreNotVideos() throws Exception {
    assertThat(VideoHeaders.read(MediaFixtures.image(dir.resolve("a.png"), "png", 4, 3))).isEmpty();
    assertThat(VideoHeaders.read(Files.write(dir.resolve("junk.mp4"), new byte[] {0, 0, 0, 8, 'f', 't', 'y', 'p'}))).isEmpty();
  }
}
