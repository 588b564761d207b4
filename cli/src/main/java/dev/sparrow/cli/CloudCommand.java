package dev.sparrow.cli;

import dev.sparrow.apis.cloud.CloudDatabase;
import dev.sparrow.apis.cloud.CloudError;
import dev.sparrow.apis.cloud.CloudJsonLines;
import dev.sparrow.apis.cloud.JsonLinesDatabase;
import dev.sparrow.runtime.project.ProjectException;
import dev.sparrow.runtime.project.ProjectLoader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sparrow cloud import|export PROJECT --env E --collection C FILE}: a collection of the cloud emulator to
 * and from the cloud console's JSON-lines format, in the store the project's sessions use (the data dir's
 * {@code <appid>/cloud/<env>}, or the MongoDB server of {@code --cloud-db}). Exit 0 when done, 1 when the file
 * or the store refuses, 2 for wrong arguments.
 */
@Command(name = "cloud", mixinStandardHelpOptions = true,
    description = "Import or export a cloud database collection in the cloud console's JSON-lines format.",
    subcommands = {CloudCommand.Import.class, CloudCommand.Export.class})
final class CloudCommand implements Runnable {
  @Spec CommandSpec spec;
  @ParentCommand Main main;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** What import and export share: the project, the environment, the collection, the file. */
  abstract static class Transfer implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand CloudCommand cloud;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "The mini program folder (its appid names the"
        + " data).")
    Path project;

    @Option(names = "--env", required = true, paramLabel = "ENV",
        description = "The cloud environment id (wx.cloud.init's env).")
    String env;

    @Option(names = "--collection", required = true, paramLabel = "NAME", description = "The collection.")
    String collection;

    @Parameters(index = "1", paramLabel = "FILE",
        description = "The JSON-lines file ('-' for standard input or output).")
    String file;

    @Override
    public Integer call() throws IOException {
      Terminal t = new Terminal(spec.commandLine().getOut(), spec.commandLine().getErr());
      String appId;
      try {
        appId = ProjectLoader.load(project).appId();
      } catch (ProjectException e) {
        e.problems().forEach(t::problem);
        t.fail("cannot read the project " + project);
        return 1;
      }
      Main main = cloud.main;
      CloudDatabase db;
      if (main.cloudDb != null) {
        db = main.cloudEngine().open(appId, env);
      } else {
        if ("temp".equals(main.dataDir)) {
          t.fail("--data-dir temp is thrown away when Sparrow stops: name the data dir the sessions use");
          return 2;
        }
        Path dir = main.sessionOptions(project).dataDir().resolve(appId).resolve("cloud").resolve(env);
        db = new JsonLinesDatabase(dir, System::currentTimeMillis, new SecureRandom());
      }
      try {
        int n = transfer(new CloudJsonLines(db), spec.commandLine().getOut());
        t.info(verb() + " " + n + " document" + (n == 1 ? "" : "s") + " (" + env + "/" + collection + ")");
        return 0;
      } catch (IllegalArgumentException | CloudError e) {
        t.fail((e instanceof CloudError c ? c.reason() : e.getMessage()) + " (" + file + ")");
        return 1;
      } finally {
        if (db instanceof JsonLinesDatabase files) {
          files.close(); // the collection file left in the plain export format
        }
      }
    }

    abstract int transfer(CloudJsonLines lines, PrintWriter out) throws IOException;

    abstract String verb();
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Add the documents of FILE to the collection (checked whole first; --mode upsert replaces by _id).")
  static final class Import extends Transfer {
    @Option(names = "--mode", paramLabel = "insert|upsert",
        description = "Conflict mode as in the console (default: insert, which refuses an _id that exists).")
    CloudJsonLines.Mode mode = CloudJsonLines.Mode.INSERT;

    @Override
    int transfer(CloudJsonLines lines, PrintWriter out) throws IOException {
      if (file.equals("-")) {
        return lines.importFrom(collection, new InputStreamReader(System.in, StandardCharsets.UTF_8), mode);
      }
      Path path = Path.of(file);
      if (!Files.isRegularFile(path)) {
        throw new IllegalArgumentException("no such file");
      }
      return lines.importFile(collection, path, mode);
    }

    @Override
    String verb() {
      return "imported";
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Write the collection's documents to FILE, one JSON document a line.")
  static final class Export extends Transfer {
    @Override
    int transfer(CloudJsonLines lines, PrintWriter out) throws IOException {
      return file.equals("-") ? lines.exportTo(collection, out) : lines.exportFile(collection, Path.of(file));
    }

    @Override
    String verb() {
      return "exported";
    }
  }
}
