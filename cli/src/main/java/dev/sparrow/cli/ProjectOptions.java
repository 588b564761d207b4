package dev.sparrow.cli;

import dev.sparrow.apis.device.HeadlessPermissions;
import dev.sparrow.apis.system.DeviceProfile;
import dev.sparrow.runtime.SessionOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Options shared by the commands that launch a project. */
final class ProjectOptions {
  @Parameters(index = "0", paramLabel = "PROJECT", description = "The mini program folder (the one with project.config.json).")
  Path project;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where storage and files persist, per appid (default: ~/.sparrow/data; 'temp' for a throw-away folder).")
  String dataDir;

  @Option(names = "--device", paramLabel = "NAME", description = "Simulated device: iPhone 6/7/8 (default), iPhone 6/7/8 Plus, iPhone X, iPhone 14, Android.")
  String device;

  @Option(names = "--launch", paramLabel = "URL", description = "Open this page (with query) instead of the entry page, e.g. pages/logs/logs?x=1.")
  String launchUrl;

  @Option(names = "--album", paramLabel = "DIR", description = "Images the album and camera offer to chooseImage/chooseMedia (first ones by name).")
  Path album;

  @Option(names = "--mic", paramLabel = "FILE", description = "A WAV file the microphone hears (default: silence).")
  Path mic;

  @Option(names = "--permissions", paramLabel = "ask|allow|deny",
      description = "Answer to authorization prompts (scope.record, scope.writePhotosAlbum…); default: ask (prompts stay open).")
  String permissions;

  SessionOptions toSessionOptions() {
    SessionOptions o = SessionOptions.of(project);
    if (dataDir == null) {
      o.dataDir(Path.of(System.getProperty("user.home"), ".sparrow", "data"));
    } else if (!dataDir.equals("temp")) {
      o.dataDir(Path.of(dataDir));
    }
    if (device != null) {
      o.device(DeviceProfile.preset(device).orElseThrow(() -> new IllegalArgumentException("unknown device \"" + device
          + "\"; one of: " + DeviceProfile.presets().stream().map(DeviceProfile::name).toList())));
    }
    if (launchUrl != null) {
      o.launchUrl(launchUrl);
    }
    if (album != null) {
      o.album(album);
    }
    if (mic != null) {
      o.microphone(mic);
    }
    if (permissions != null) {
      o.permissions(switch (permissions) {
        case "ask" -> HeadlessPermissions.Policy.WAIT;
        case "allow" -> HeadlessPermissions.Policy.ALLOW;
        case "deny" -> HeadlessPermissions.Policy.DENY;
        default -> throw new IllegalArgumentException("--permissions takes ask, allow or deny, not \"" + permissions + "\"");
      });
    }
    return o;
  }
}
