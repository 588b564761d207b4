package dev.sparrow.runtime.npm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparrow.runtime.js.CompileCache;
import dev.sparrow.runtime.js.EsModules;
import dev.sparrow.runtime.js.ScriptCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Packs a plain npm package (one without a {@code miniprogram} folder) the way DevTools' build npm does: from its
 * entry ({@code main}, else {@code index.js}) through every relative {@code require} it reaches, into a single
 * {@code index.js}. Inside the pack, relative requires find the packed files; anything else (another package) is
 * left to the mini program's {@code require}, which looks in {@code miniprogram_npm}. So, as in WeChat, only the
 * entry is reachable from outside: {@code require('pkg/other')} does not work for such a package.
 */
final class JsPacker {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern REQUIRE = Pattern.compile("\\brequire\\s*\\(\\s*(['\"])([^'\"\\n]+)\\1\\s*\\)");

  private JsPacker() {}

  /**
   * Writes the pack to {@code out}; returns why the package cannot be packed, if it cannot. ES modules compile
   * through {@code cache}, as a launch's do.
   */
  static Optional<String> pack(Path pkgDir, JsonNode pkg, Path out, CompileCache cache) throws IOException {
    String main = pkg.path("main").asText("");
    Optional<String> entry = main.isEmpty() ? Optional.empty() : resolve(pkgDir, "", main);
    if (entry.isEmpty()) {
      entry = resolve(pkgDir, "", "./index");
    }
    if (entry.isEmpty()) {
      return Optional.of("no entry file (package.json \"main\" or index.js) to build");
    }
    Map<String, String> modules = new LinkedHashMap<>();
    Deque<String> pending = new ArrayDeque<>();
    pending.add(entry.get());
    while (!pending.isEmpty()) {
      String rel = pending.poll();
      if (modules.containsKey(rel)) {
        continue;
      }
      String text = Files.readString(pkgDir.resolve(rel), StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      if (rel.endsWith(".json")) {
        modules.put(rel, "module.exports = " + text.strip() + ";");
        continue;
      }
      String body;
      try {
        body = EsModules.toCommonJs(rel, text, cache);
      } catch (ScriptCompiler.CompileError e) {
        body = text; // packed as written: the syntax error is reported, located, when the app loads it
      }
      modules.put(rel, body);
      Matcher m = REQUIRE.matcher(body);
      while (m.find()) {
        String request = m.group(2);
        if (request.startsWith(".") || request.startsWith("/")) {
          resolve(pkgDir, dirOf(rel), request).ifPresent(pending::add);
        }
      }
    }
    Files.writeString(out, render(pkg, entry.get(), modules), StandardCharsets.UTF_8);
    return Optional.empty();
  }

  private static String render(JsonNode pkg, String entry, Map<String, String> modules) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("// ").append(pkg.path("name").asText("?")).append('@').append(pkg.path("version").asText("?"))
        .append(" packed from ").append(entry).append(" by sparrow build-npm\n");
    sb.append("var __packed = {};\n");
    for (Map.Entry<String, String> m : modules.entrySet()) {
      sb.append("__packed[").append(JSON.writeValueAsString(m.getKey())).append("] = function (module, exports, require) {\n")
          .append(m.getValue()).append("\n};\n");
    }
    sb.append(RUNTIME.replace("ENTRY", JSON.writeValueAsString(entry)));
    return sb.toString();
  }

  /** The pack's own module loader: relative requests resolve among the packed files like Node's. */
  private static final String RUNTIME = """
      var __cache = {};
      function __resolve(from, request) {
        var parts = (request.charAt(0) === '/' ? request : from.replace(/[^\\/]*$/, '') + request).split('/');
        var out = [];
        for (var i = 0; i < parts.length; i++) {
          if (parts[i] === '..') out.pop(); else if (parts[i] !== '.' && parts[i] !== '') out.push(parts[i]);
        }
        var base = out.join('/');
        var tries = [base, base + '.js', base + '.json', base + '/index.js', base + '/index.json'];
        for (var j = 0; j < tries.length; j++) if (Object.prototype.hasOwnProperty.call(__packed, tries[j])) return tries[j];
        return null;
      }
      function __load(id, outer) {
        if (__cache[id]) return __cache[id].exports;
        var m = __cache[id] = { exports: {} };
        __packed[id].call(m.exports, m, m.exports, function (request) {
          var r = request.charAt(0) === '.' || request.charAt(0) === '/' ? __resolve(id, request) : null;
          return r === null ? outer(request) : __load(r, outer);
        });
        return m.exports;
      }
      module.exports = __load(ENTRY, require);
      """;

  /** Node's file resolution inside the package: the path, then .js, .json, then a folder's index. */
  static Optional<String> resolve(Path pkgDir, String fromDir, String request) {
    String base = request.startsWith("/") ? request.substring(1) : fromDir + request;
    Path root = pkgDir.normalize();
    for (String c : new String[] {base, base + ".js", base + ".json", base + "/index.js", base + "/index.json"}) {
      Path p = root.resolve(c).normalize();
      if (p.startsWith(root) && Files.isRegularFile(p)) {
        return Optional.of(root.relativize(p).toString().replace('\\', '/'));
      }
    }
    return Optional.empty();
  }

  private static String dirOf(String rel) {
    int cut = rel.lastIndexOf('/');
    return cut < 0 ? "" : rel.substring(0, cut + 1);
  }
}
