package dev.sparrow.apis.files;

import dev.sparrow.apis.device.VirtualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A sandbox on real folders: {@code <root>/data/<appid>} and a package folder, with a virtual clock. */
final class Fixture implements AutoCloseable {
  private static final AtomicInteger SESSIONS = new AtomicInteger();

  final Path root;
  final Path appDir;
  final Path packageDir;
  final VirtualClock clock = new VirtualClock();
  final FileSandbox sandbox;
  final FileOps ops;
  final SavedFiles saved;

  Fixture(Path root, String appId, FileSandbox.Limits limits) {
    this.root = root;
    this.appDir = root.resolve("data").resolve(appId);
    this.packageDir = root.resolve("package-" + appId);
    try {
      Files.createDirectories(packageDir.resolve("images"));
      Files.writeString(packageDir.resolve("images/logo.txt"), "package file");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.sandbox = new FileSandbox(appDir, "session-" + ProcessHandle.current().pid() + "-" + SESSIONS.incrementAndGet(),
        FileSandbox.Scheme.WXFILE, rel -> Optional.of(packageDir.resolve(rel)).filter(Files::isRegularFile), limits);
    this.ops = new FileOps(sandbox, clock);
    this.saved = new SavedFiles(ops, clock);
  }

  Fixture(Path root) {
    this(root, "wxapp", FileSandbox.Limits.DEFAULT);
  }

  /** A temp file with {@code bytes}, as chooseImage or downloadFile would leave it. */
  String temp(String ext, byte[] bytes) {
    FileSandbox.LocalFile f = sandbox.newTempFile(ext);
    try {
      Files.write(f.file(), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return f.path();
  }

  String usr(String rel) {
    return sandbox.userDataPath() + "/" + rel;
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
