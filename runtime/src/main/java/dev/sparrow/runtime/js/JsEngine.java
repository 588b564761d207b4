package dev.sparrow.runtime.js;

import java.io.OutputStream;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.io.IOAccess;

/**
 * The one GraalJS {@link Engine} of this JVM and the sandboxed contexts made from it.
 *
 * <p>Sharing the engine shares parsed code between sessions: the second session of a project
 * starts in about a tenth of the first one's time. Contexts get no host class lookup, no IO, no
 * threads, no processes, no environment, no {@code print}/{@code load} (the base library removes the {@code Graal} and {@code Java} objects after taking the rejection hook); only members annotated
 * {@link HostAccess.Export} on objects Sparrow puts into a context are reachable.
 */
public final class JsEngine {
  /** The language level page code gets ({@code js.ecmascript-version}). */
  public static final String ECMASCRIPT_VERSION = "2022";

  private static volatile Engine engine;

  private JsEngine() {}

  /**
   * Starts creating the shared engine on a background thread (it takes ~0.5 s cold), so that a
   * launch can load the project meanwhile. Harmless if the engine exists.
   */
  public static void warmUp() {
    if (engine == null) {
      Thread t = new Thread(JsEngine::engine, "sparrow-engine-warmup");
      t.setDaemon(true);
      t.start();
    }
  }

  /** The shared engine, created on first use. */
  public static Engine engine() {
    Engine e = engine;
    if (e == null) {
      synchronized (JsEngine.class) {
        e = engine;
        if (e == null) {
          e =
              Engine.newBuilder("js")
                  .option("engine.WarnInterpreterOnly", "false")
                  .out(OutputStream.nullOutputStream())
                  .err(OutputStream.nullOutputStream())
                  .build();
          engine = e;
        }
      }
    }
    return e;
  }

  /** A fresh sandboxed context on the shared engine; the caller's thread becomes its only user. */
  public static Context newContext() {
    return Context.newBuilder("js")
        .engine(engine())
        .allowHostAccess(HostAccess.newBuilder(HostAccess.EXPLICIT).allowBufferAccess(true).build())
        .allowHostClassLookup(name -> false)
        .allowHostClassLoading(false)
        .allowIO(IOAccess.NONE)
        .allowCreateThread(false)
        .allowCreateProcess(false)
        .allowNativeAccess(false)
        .allowEnvironmentAccess(EnvironmentAccess.NONE)
        .allowPolyglotAccess(PolyglotAccess.NONE)
        .allowExperimentalOptions(true)
        .option("js.ecmascript-version", ECMASCRIPT_VERSION)
        .option("js.print", "false")
        .option("js.load", "false")
        .option("js.java-package-globals", "false")
        .option("js.polyglot-builtin", "false")
        .option("js.unhandled-rejections", "handler")
        .option("js.console", "false")
        .out(OutputStream.nullOutputStream())
        .err(OutputStream.nullOutputStream())
        .build();
  }
}
