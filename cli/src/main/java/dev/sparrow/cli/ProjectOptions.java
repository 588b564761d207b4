package dev.sparrow.cli;

import dev.sparrow.runtime.SessionOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The project argument and launch options shared by {@code run} and {@code check}. */
final class ProjectOptions {
  @Parameters(index = "0", paramLabel = "PROJECT", description = "The mini program folder (the one with project.config.json).")
  Path project;

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

  SessionOptions toSessionOptions(Main main) {
    SessionOptions o = main.sessionOptions(project);
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
