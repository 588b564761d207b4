package dev.sparrow.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** What page code said and threw: every console message and uncaught error, kept and passed to the listeners. */
final class SessionLog {
  private final List<ConsoleMessage> console = new CopyOnWriteArrayList<>();
  private final List<ScriptError> errors = new CopyOnWriteArrayList<>();
  private final List<Consumer<ConsoleMessage>> consoleListeners;
  private final List<Consumer<ScriptError>> errorListeners;

  SessionLog(List<Consumer<ConsoleMessage>> consoleListeners, List<Consumer<ScriptError>> errorListeners) {
    this.consoleListeners = consoleListeners;
    this.errorListeners = errorListeners;
  }

  void console(ConsoleMessage message) {
    console.add(message);
    for (Consumer<ConsoleMessage> l : consoleListeners) {
      l.accept(message);
    }
  }

  void error(ScriptError error) {
    errors.add(error);
    for (Consumer<ScriptError> l : errorListeners) {
      l.accept(error);
    }
  }

  /** A failure of Sparrow's own code ({@code where}: "event loop", "wx") reported as a script error. */
  void internal(String what, Throwable t, String where) {
    error(ScriptError.of(what + t, stackOf(t), where));
  }

  /** Every console message so far, oldest first (a copy). */
  List<ConsoleMessage> messages() {
    return List.copyOf(console);
  }

  /** Every uncaught error so far, oldest first (a copy). */
  List<ScriptError> errors() {
    return List.copyOf(errors);
  }

  static String stackOf(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }
}
