package dev.sparrow.apis.files;

import dev.sparrow.apis.device.Clock;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A separate JVM that saves temp files into an appid's store until it is killed ({@link
 * SaveCrashTest}). Prints {@code saving <i>} before each save and {@code saved <i> <path>} after.
 *
 * <p>{@code java -cp … SaveCrashChild <appDir> <firstIndex> <bytesPerFile>}
 */
public final class SaveCrashChild {
  private SaveCrashChild() {}

  public static void main(String[] args) throws Exception {
    Path appDir = Path.of(args[0]);
    int first = Integer.parseInt(args[1]);
    int size = Integer.parseInt(args[2]);
    PrintStream out = System.out;
    FileSandbox sandbox = new FileSandbox(appDir, "session-" + ProcessHandle.current().pid() + "-1", FileSandbox.Scheme.WXFILE,
        rel -> Optional.empty(), new FileSandbox.Limits(Long.MAX_VALUE / 2, Long.MAX_VALUE / 2));
    SavedFiles saved = new SavedFiles(new FileOps(sandbox, Clock.system()), Clock.system());
    for (int i = first; ; i++) {
      FileSandbox.LocalFile temp = sandbox.newTempFile("bin");
      Files.write(temp.file(), content(i, size));
      out.println("saving " + i);
      out.flush();
      String path = saved.save(temp.path());
      out.println("saved " + i + " " + path);
      out.flush();
    }
  }

  /** File {@code i}: its index in the first four bytes, then a pattern derived from it. */
  public static byte[] content(int i, int size) {
    byte[] b = new byte[size];
    for (int j = 0; j < size; j++) {
      b[j] = (byte) (i * 31 + j);
    }
    b[0] = (byte) (i >>> 24);
    b[1] = (byte) (i >>> 16);
    b[2] = (byte) (i >>> 8);
    b[3] = (byte) i;
    return b;
  }
}
