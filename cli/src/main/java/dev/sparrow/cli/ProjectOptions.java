package dev.sparrow.cli;

import dev.sparrow.apis.device.HeadlessPermissions;
import dev.sparrow.runtime.SessionOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The project argument and launch options shared by {@code run} and {@code check}. */
final class ProjectOptions {
  @Parameters(index = "0", paramLabel = "PROJECT", description = "The mini program folder (the one with project.config.json).")
  Path project;

  @Option(names = "--launch", paramLabel = "URL", description = "Open this page (with query) instead of the entry page, e.g. pages/logs/logs?x=1.")
  String launchUrl;

  @Option(names = "--album", paramLabel = "DIR", description = "Images the album and camera offer to chooseImage/chooseMedia (first ones by name).")
  Path album;

  @Option(names = "--mic", paramLabel = "FILE", description = "A WAV file the microphone hears (default: silence).")
  Path mic;

  @Option(names = "--permissions", paramLabel = "ask|allow|deny",
      description = "Answer to authorization prompts (scope.record, scope.writePhotosAlbum…); default: ask (prompts stay open).")
  String permissions;

  SessionOptions toSessionOptions(Main main) {
    SessionOptions o = main.sessionOptions(project);
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
