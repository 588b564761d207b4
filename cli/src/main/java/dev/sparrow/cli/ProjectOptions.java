package dev.sparrow.cli;

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
    return o;
  }
}
