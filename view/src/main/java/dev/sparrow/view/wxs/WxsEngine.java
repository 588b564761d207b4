package dev.sparrow.view.wxs;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.io.IOAccess;

/**
 * The one GraalJS {@link Engine} of the JVM for WXS, and the sandboxed contexts made from it.
 *
 * <p>Sandbox: no host access at all ({@link HostAccess#NONE}, no class lookup), no IO, no threads, no native access,
 * no other languages, {@code print}/{@code load} removed, and the ECMAScript version pinned to 5 because WXS is an
 * ES5 dialect (WeChat rejects {@code let}, arrow functions and the like). Contexts are single-threaded.
 */
public final class WxsEngine {
  private static final Engine ENGINE =
      Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();

  private WxsEngine() {}

  /** A new sandboxed context on the shared engine; the caller closes it. */
  public static Context newContext() {
    return Context.newBuilder("js")
        .engine(ENGINE)
        .allowHostAccess(HostAccess.NONE)
        .allowHostClassLookup(name -> false)
        .allowIO(IOAccess.NONE)
        .allowCreateThread(false)
        .allowNativeAccess(false)
        .allowPolyglotAccess(PolyglotAccess.NONE)
        .option("js.ecmascript-version", "5")
        .option("js.print", "false")
        .option("js.load", "false")
        .option("js.console", "true")
        .build();
  }
}
