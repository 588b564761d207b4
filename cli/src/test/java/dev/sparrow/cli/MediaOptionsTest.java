package dev.sparrow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparrow.apis.device.HeadlessPermissions;
import dev.sparrow.runtime.SessionOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code --album}, {@code --mic}, {@code --location}, {@code --scan} and {@code --permissions} reach the session's
 * device.
 */
class MediaOptionsTest {
  private static SessionOptions parse(String... args) {
    Main main = new Main(new Resources());
    String[] all = new String[args.length + 1];
    all[0] = "run";
    System.arraycopy(args, 0, all, 1, args.length);
    CommandLine.ParseResult parsed = new CommandLine(main).parseArgs(all);
    RunCommand run = (RunCommand) parsed.subcommand().commandSpec().userObject();
    return run.project.toSessionOptions(main);
  }

  @Test
  void albumMicAndPermissionsBecomeSessionOptions() {
    SessionOptions o = parse(CliTest.example("media-lab"), "--album", "/fixtures/album", "--mic", "/fixtures/voice.wav", "--permissions", "allow");
    assertThat(o.albumDir()).isEqualTo(Path.of("/fixtures/album"));
    assertThat(o.microphoneWav()).isEqualTo(Path.of("/fixtures/voice.wav"));
    assertThat(o.permissionPolicy()).isEqualTo(HeadlessPermissions.Policy.ALLOW);
    assertThat(parse(CliTest.example("media-lab")).permissionPolicy()).isEqualTo(HeadlessPermissions.Policy.WAIT);
  }

  @Test
  void locationIsLatitudeCommaLongitude() {
    assertThat(parse(CliTest.example("media-lab"), "--location", "31.2304, 121.4737").startLocation()).hasValueSatisfying(
        p -> assertThat(p).containsExactly(31.2304, 121.4737));
    assertThatThrownBy(() -> parse(CliTest.example("media-lab"), "--location", "Shanghai"))
        .hasMessageContaining("--location needs LAT,LON in degrees");
  }

  @Test
  void scanIsWhatScanCodeReads() {
    assertThat(parse(CliTest.example("media-lab"), "--scan", "https://sparrow.dev/p/1").scanResult())
        .hasValue("https://sparrow.dev/p/1");
    assertThat(parse(CliTest.example("media-lab")).scanResult()).isEmpty();
  }

  @Test
  void cacheIsWhereExtendedLibrariesAreKept() {
    assertThat(parse(CliTest.example("media-lab"), "--cache", "/tmp/sparrow-cache").extendedLibs().cacheDir())
        .isEqualTo(Path.of("/tmp/sparrow-cache"));
  }

  @Test
  void anUnknownPermissionAnswerIsRefused() {
    assertThatThrownBy(() -> parse(CliTest.example("media-lab"), "--permissions", "maybe"))
        .hasMessageContaining("--permissions takes ask, allow or deny");
  }
}
