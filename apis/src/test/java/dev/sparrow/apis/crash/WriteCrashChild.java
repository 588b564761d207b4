package dev.sparrow.apis.crash;

import dev.sparrow.apis.device.Clock;
import dev.sparrow.apis.files.FileOps;
import dev.sparrow.apis.files.FileSandbox;
import dev.sparrow.apis.files.SaveCrashChild;
import dev.sparrow.apis.network.DownloadFile;
import dev.sparrow.apis.network.HttpEvents;
import dev.sparrow.apis.network.Network;
import dev.sparrow.apis.network.NetworkPolicy;
import dev.sparrow.apis.storage.KeyValueStorage;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A separate JVM that writes into an appid's data folder in a loop until it is killed ({@link
 * WriteCrashTest}): {@code download} ({@code downloadFile} with {@code filePath}), {@code writeFile}
 * or {@code setStorage}. Prints {@code writing <i>} before each write and {@code written <i>} after.
 *
 * <p>{@code java -cp … WriteCrashChild <mode> <appDir> <first> <bytes> [<download url>]}
 */
public final class WriteCrashChild {
  private WriteCrashChild() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path appDir = Path.of(args[1]);
    int first = Integer.parseInt(args[2]);
    int size = Integer.parseInt(args[3]);
    PrintStream out = System.out;
    FileSandbox sandbox = new FileSandbox(appDir, "session-" + ProcessHandle.current().pid() + "-1",
        FileSandbox.Scheme.WXFILE, rel -> Optional.empty(),
        new FileSandbox.Limits(Long.MAX_VALUE / 2, Long.MAX_VALUE / 2));
    FileOps ops = new FileOps(sandbox, Clock.system());
    KeyValueStorage storage = KeyValueStorage.open(appDir.resolve("storage"),
        new KeyValueStorage.Limits(1L << 30, 1L << 40));
    Network net = new Network(NetworkPolicy.builder("wxcrash").verifyDomains(false).build(), sandbox,
        Network.Runtime.realTime(Clock.system(), "crash"));
    for (int i = first; ; i++) {
      out.println("writing " + i);
      out.flush();
      switch (mode) {
        case "download" -> net.downloadFile(new DownloadFile.Options(args[4] + "?i=" + i, Map.of(), 600_000,
            "wxfile://usr/d" + i + ".bin", false), HttpEvents.NONE).result().get();
        case "writeFile" -> ops.writeFile("wxfile://usr/w" + i + ".bin", content(i, size));
        case "setStorage" -> storage.set("k" + i, new KeyValueStorage.Entry("String", "\"" + text(i, size) + "\""));
        default -> throw new IllegalArgumentException(mode);
      }
      out.println("written " + i);
      out.flush();
    }
  }

  /** File {@code i}: as the saveFile crash test writes them (its index in the first four bytes, then a pattern). */
  static byte[] content(int i, int size) {
    return SaveCrashChild.content(i, size);
  }

  /** Storage value {@code i}: its index, then letters derived from it. */
  static String text(int i, int size) {
    StringBuilder s = new StringBuilder(i + ":");
    while (s.length() < size) {
      s.append((char) ('a' + (s.length() + i) % 26));
    }
    return s.toString();
  }
}
