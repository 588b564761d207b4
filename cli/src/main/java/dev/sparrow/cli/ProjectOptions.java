package dev.sparrow.cli;

import dev.sparrow.apis.system.DeviceProfile;
import dev.sparrow.runtime.SessionOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  @Option(names = "--host-map", paramLabel = "FROM=TO",
      description = "Route an origin to another server without touching page code, e.g. https://www.baidu.com=http://127.0.0.1:8080"
          + " (repeatable). Whitelist, Host, Referer and TLS name keep the page's URL.")
  List<String> hostMap = new ArrayList<>();

  @Option(names = "--domain", paramLabel = "FAMILY=HOST",
      description = "Add a whitelisted domain for request, uploadFile, downloadFile or socket, e.g. request=api.example.com (repeatable).")
  List<String> domains = new ArrayList<>();

  @Option(names = "--url-check", arity = "1", paramLabel = "true|false",
      description = "Verify domains, https/wss and ports (default: project.config.json setting.urlCheck).")
  Boolean urlCheck;

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
    for (String entry : hostMap) {
      int eq = entry.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("--host-map needs FROM=TO, got \"" + entry + "\"");
      }
      o.hostMap(entry.substring(0, eq), entry.substring(eq + 1));
    }
    for (String entry : domains) {
      int eq = entry.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("--domain needs FAMILY=HOST, got \"" + entry + "\"");
      }
      o.allowDomains(entry.substring(0, eq), entry.substring(eq + 1));
    }
    if (urlCheck != null) {
      o.verifyDomains(urlCheck);
    }
    return o;
  }
}
