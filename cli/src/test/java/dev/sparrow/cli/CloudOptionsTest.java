package dev.sparrow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.SessionOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --cloud-user} and {@code --cloud-auto-create} reach the cloud emulator; one command shares its stores. */
class CloudOptionsTest {
  private static SessionOptions parse(Main main, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "run";
    System.arraycopy(args, 0, all, 1, args.length);
    CommandLine.ParseResult parsed = new CommandLine(main).parseArgs(all);
    RunCommand run = (RunCommand) parsed.subcommand().commandSpec().userObject();
    return run.project.toSessionOptions(main);
  }

  @Test
  void theUserAndAutoCreationBecomeSessionOptionsAndEverySessionSharesTheStores() {
    SessionOptions o = parse(new Main(new Resources()), CliTest.example("cloud-notes"),
        "--cloud-user", "oUserCarol0000000000000000003", "--cloud-auto-create");
    assertThat(o.cloudOpenid()).isEqualTo("oUserCarol0000000000000000003");
    assertThat(o.cloudAutoCreate()).isTrue();
    Main main = new Main(new Resources());
    SessionOptions plain = parse(main, CliTest.example("cloud-notes"));
    assertThat(plain.cloudAutoCreate()).isFalse();
    assertThat(plain.cloudOpenid()).isEqualTo("oSparrowFakeOpenid0000000000");
    assertThat(parse(main, CliTest.example("cloud-notes")).cloudStores()).isNotNull().isSameAs(plain.cloudStores());
  }
}
