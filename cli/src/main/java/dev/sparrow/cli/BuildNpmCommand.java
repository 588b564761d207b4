package dev.sparrow.cli;

import dev.sparrow.runtime.js.CompileCache;
import dev.sparrow.runtime.npm.NpmBuild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sparrow build-npm PROJECT}: DevTools' "build npm" ({@link NpmBuild}). Skips the work when every
 * {@code miniprogram_npm} is newer than its package.json and lock files, unless {@code --force}. Exit 0 when built
 * or up to date (warnings about packages that could not be built are printed), 1 when there is nothing to build,
 * 2 when the folder is not there.
 */
@Command(name = "build-npm", mixinStandardHelpOptions = true,
    description = "Build miniprogram_npm from package.json dependencies, as WeChat DevTools' \"build npm\" does.")
final class BuildNpmCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT", description = "The mini program folder (the one with project.config.json).")
  Path positional;

  @Option(names = "--project", paramLabel = "DIR", description = "The mini program folder, instead of PROJECT.")
  Path option;

  @Option(names = "--force", description = "Build even when miniprogram_npm is up to date.")
  boolean force;

  @Override
  public Integer call() {
    Terminal t = new Terminal(spec.commandLine().getOut(), spec.commandLine().getErr());
    Path project = positional != null ? positional : option;
    if (project == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "which project? sparrow build-npm PROJECT (or --project DIR)");
    }
    if (!Files.isDirectory(project)) {
      t.fail(project + " is not a folder");
      return 2;
    }
    if (NpmBuild.targets(project).stream().allMatch(x -> NpmBuild.dependencies(x.packageJson()).isEmpty())) {
      t.fail("no npm packages to build: no package.json with dependencies inside miniprogramRoot"
          + " (or set packNpmManually and packNpmRelationList in project.config.json)");
      return 1;
    }
    Optional<String> stale = NpmBuild.staleness(project);
    if (stale.isEmpty() && !force) {
      t.ok("miniprogram_npm is up to date (--force builds anyway)");
      return 0;
    }
    long start = System.nanoTime();
    NpmBuild.Report r = NpmBuild.build(project, new CompileCache(CompileCache.userDir()));
    r.warnings().forEach(w -> t.line("warning: " + w));
    long ms = (System.nanoTime() - start) / 1_000_000;
    t.ok("built " + r.built().size() + " npm package" + (r.built().size() == 1 ? "" : "s") + " in " + ms + " ms");
    return 0;
  }
}
