package dev.sparrow.cli;

import dev.sparrow.runtime.ConsoleMessage;
import dev.sparrow.runtime.ScriptError;
import dev.sparrow.runtime.project.Problem;
import java.io.PrintWriter;

/** How the CLI prints what a mini program says and what goes wrong; colours only on a terminal. */
final class Terminal {
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean colour;

  Terminal(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
    this.colour = System.console() != null && System.getenv("NO_COLOR") == null;
  }

  void console(ConsoleMessage m) {
    String tag = switch (m.level()) {
      case "error" -> paint("31", "error");
      case "warn" -> paint("33", "warn ");
      case "debug" -> paint("90", "debug");
      case "info" -> paint("36", "info ");
      default -> paint("37", "log  ");
    };
    out.println(tag + " " + m.text());
    out.flush();
  }

  void error(ScriptError e) {
    err.println(paint("31;1", "error") + " " + e + (e.origin().isEmpty() ? "" : paint("90", "  (in " + e.origin() + ")")));
    err.flush();
  }

  void problem(Problem p) {
    err.println(p);
    err.flush();
  }

  /** A preformatted problem line ({@code file:line: message}). */
  void line(String text) {
    err.println(text);
    err.flush();
  }

  void info(String text) {
    err.println(paint("90", text));
    err.flush();
  }

  /** A line of the command's own output (stdout), e.g. the simulator's URL that scripts read. */
  void print(String text) {
    out.println(text);
    out.flush();
  }

  void ok(String text) {
    out.println(paint("32", "✓") + " " + text);
    out.flush();
  }

  void fail(String text) {
    err.println(paint("31", "✗") + " " + text);
    err.flush();
  }

  private String paint(String code, String text) {
    return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
