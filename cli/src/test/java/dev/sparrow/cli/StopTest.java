package dev.sparrow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sparrow process as shells and CI harnesses stop it: every command by Ctrl-C (SIGINT) and by
 * SIGTERM, and kill -9 followed by the next start (Tool.close, --exit-when-idle and failed starts:
 * {@link CliTest}, {@link DemoCommandTest}). Each run has
 * its own temp directory ({@code java.io.tmpdir} and {@code TMPDIR}), which must hold nothing
 * afterwards.
 */
class StopTest {
  private static final String QUICKSTART = CliTest.example("quickstart");

  @TempDir Path temp;

  static Stream<Arguments> stops() {
    return Stream.of(
        arguments("run --headless, Ctrl-C", "INT", 130, "running ", List.of("run", QUICKSTART, "--headless")),
        arguments("run, SIGTERM", "TERM", 143, "running ", List.of("run", QUICKSTART, "--no-open", "--port", "0")),
        arguments("demo, Ctrl-C", "INT", 130, "running ", List.of("demo", "--no-open", "--port", "0")),
        arguments("demo --headless, SIGTERM", "TERM", 143, "running ", List.of("demo", "--headless")),
        arguments("auto, Ctrl-C", "INT", 130, "automation: ", List.of("auto", "--project", QUICKSTART, "--auto-port", "0")),
        arguments("auto, SIGTERM", "TERM", 143, "automation: ", List.of("auto", QUICKSTART, "--auto-port", "0")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stops")
  void aSignalStopsTheCommandWithTheShellsExitCodeAndLeavesNothing(String name, String signal, int code, String ready, List<String> args)
      throws Exception {
    Child child = start(args);
    child.await(ready);
    assertThat(contents()).isNotEmpty(); // the run's throw-away data is there while it runs

    Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(child.process.pid())).inheritIO().start();
    assertThat(kill.waitFor()).isZero();

    assertThat(child.exit()).as(child.output()).isEqualTo(code);
    assertThat(contents()).isEmpty();
  }

  @Test
  void afterKill9TheNextStartRemovesWhatTheKilledProcessLeftAndNothingElse() throws Exception {
    Child killed = start(List.of("run", QUICKSTART, "--headless"));
    killed.await("running ");
    List<Path> left = contents();
    assertThat(left).singleElement().satisfies(p -> assertThat(p.getFileName().toString()).startsWith("sparrow-data-"));
    killed.process.destroyForcibly(); // SIGKILL: no hook runs
    assertThat(killed.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(left.get(0)).isDirectory();
    Path someoneElses = Files.createDirectory(temp.resolve("sparrow-not-marked"));
    Path aFile = Files.writeString(temp.resolve("sparrow-notes.txt"), "keep me");

    Child next = start(List.of("run", QUICKSTART, "--headless", "--exit-when-idle"));

    assertThat(next.exit()).as(next.output()).isZero();
    assertThat(contents()).containsExactlyInAnyOrder(someoneElses, aFile);
  }

  private List<Path> contents() throws IOException {
    try (Stream<Path> all = Files.list(temp)) {
      return all.sorted().toList();
    }
  }

  /** {@code sparrow ARGS --data-dir temp} in a JVM of its own, with this test's temp directory. */
  private Child start(List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    if (resetsSignals()) {
      // a harness that runs the build as a background job ignores Ctrl-C, and children would inherit that
      command.addAll(List.of("env", "--default-signal=INT"));
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")); // as ./sparrow starts it: quicker to start
    command.add("-Djava.io.tmpdir=" + temp);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(args);
    command.addAll(List.of("--data-dir", "temp"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("TMPDIR", temp.toString());
    return new Child(builder.start());
  }

  private static boolean resetsSignals() {
    try {
      return new ProcessBuilder("env", "--default-signal=INT", "true").redirectErrorStream(true).start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** A started sparrow process and its output lines (stdout and stderr together). */
  private static final class Child {
    final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder seen = new StringBuilder();

    Child(Process process) {
      this.process = process;
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = in.readLine()) != null; ) {
            lines.add(line);
          }
        } catch (IOException e) {
          // the process ended
        }
      }, "stop-test-output");
      reader.setDaemon(true);
      reader.start();
    }

    /** Waits for the line starting with {@code prefix} (the command is up) and returns it. */
    String await(String prefix) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (System.nanoTime() < deadline) {
        String line = lines.poll(1, TimeUnit.SECONDS);
        if (line != null) {
          seen.append(line).append('\n');
          if (line.startsWith(prefix)) {
            return line;
          }
        } else if (!process.isAlive()) {
          break;
        }
      }
      process.destroyForcibly();
      throw new AssertionError("no line starting with \"" + prefix + "\"; the output was:\n" + output());
    }

    int exit() throws InterruptedException {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("still running a minute later; the output was:\n" + output());
      }
      return process.exitValue();
    }

    String output() {
      List<String> rest = new ArrayList<>();
      lines.drainTo(rest);
      rest.forEach(l -> seen.append(l).append('\n'));
      return seen.toString();
    }
  }
}
