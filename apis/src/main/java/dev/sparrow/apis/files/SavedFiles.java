package dev.sparrow.apis.files;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.device.Clock;
import dev.sparrow.apis.files.internal.Moves;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Saved (cache) files: {@code wx.saveFile}, {@code getSavedFileList}, {@code getSavedFileInfo},
 * {@code removeSavedFile} and their FileSystemManager twins (spec files.md §2–5).
 *
 * <p>Saving <em>moves</em> a temp file of this session into the appid's store with one atomic
 * rename (the old temp path stops working), under the appid's lock and within its {@link
 * FileQuota}. The store folder is the list: there is no separate index to disagree with it, so a
 * JVM that dies mid-save leaves the file either listed and whole or absent. {@code createTime}
 * (session clock) is carried in the saved file's name, so it is there the moment the file is.
 */
public final class SavedFiles {
  /** One saved file: its local path, size in bytes and createTime in Unix seconds. */
  public record SavedFile(String filePath, long size, long createTime) {}

  private final FileSandbox sandbox;
  private final FileOps ops;
  private final Clock clock;

  public SavedFiles(FileOps ops, Clock clock) {
    this.sandbox = ops.sandbox();
    this.ops = ops;
    this.clock = clock;
  }

  /** {@code wx.saveFile}: into the store; returns {@code savedFilePath}. */
  public String save(String tempFilePath) throws IOException {
    return save(tempFilePath, null);
  }

  /** {@code FileSystemManager.saveFile}: into the store, or to the user path {@code filePath} when given. */
  public String save(String tempFilePath, String filePath) throws IOException {
    LocalPath temp = sandbox.parse(tempFilePath).filter(l -> l.area() == LocalPath.Area.TEMP).orElseThrow(FileErrors::tempFileNotExist);
    Path source = sandbox.hostPath(temp).orElseThrow(FileErrors::tempFileNotExist);
    if (filePath != null) {
      if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
        throw FileErrors.tempFileNotExist();
      }
      return ops.place(source, filePath, true);
    }
    FileQuota quota = sandbox.quota();
    return quota.locked(() -> {
      BasicFileAttributes attrs;
      try {
        attrs = Files.readAttributes(source, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        throw FileErrors.tempFileNotExist();
      }
      if (!attrs.isRegularFile()) {
        throw FileErrors.tempFileNotExist();
      }
      long size = attrs.size();
      quota.ensureRoom(size, size);
      int dot = temp.relative().lastIndexOf('.');
      String name = FileSandbox.storeName(dot < 0 ? "" : temp.relative().substring(dot + 1), clock.epochMillis() / 1000);
      Moves.move(source, sandbox.storeDir().resolve(name), null);
      quota.charge(size);
      return sandbox.pathOf(LocalPath.Area.STORE, name);
    });
  }

  /** {@code getSavedFileList}: every saved file, oldest first. */
  public List<SavedFile> list() throws IOException {
    List<SavedFile> out = new ArrayList<>();
    try (DirectoryStream<Path> files = sandbox.storeFiles()) {
      for (Path p : files) {
        try {
          BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
          if (a.isRegularFile()) {
            out.add(describe(p, a));
          }
        } catch (IOException vanished) {
          // removed meanwhile by another session of the appid
        }
      }
    }
    out.sort(Comparator.comparingLong(SavedFile::createTime).thenComparing(SavedFile::filePath));
    return out;
  }

  /** {@code getSavedFileInfo}: only saved files; anything else is {@code file not exist}. */
  public SavedFile info(String filePath) throws IOException {
    Path p = storeFile(filePath).orElseThrow(FileErrors::fileNotExist);
    return describe(p, Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
  }

  /** {@code removeSavedFile}: a missing file fails with {@code file not exist}, never succeeds. */
  public void remove(String filePath) throws IOException {
    FileQuota quota = sandbox.quota();
    quota.locked(() -> {
      Path p = storeFile(filePath).orElseThrow(FileErrors::fileNotExist);
      long size = Files.size(p);
      Files.delete(p);
      quota.charge(-size);
      return null;
    });
  }

  private Optional<Path> storeFile(String filePath) {
    try {
      return sandbox.parse(filePath)
          .filter(l -> l.area() == LocalPath.Area.STORE)
          .flatMap(sandbox::hostPath)
          .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS));
    } catch (ApiFailure tooLong) {
      return Optional.empty();
    }
  }

  private SavedFile describe(Path p, BasicFileAttributes a) {
    long createTime = FileSandbox.createTimeOf(p.getFileName().toString()).orElse(a.lastModifiedTime().toMillis() / 1000);
    return new SavedFile(sandbox.storePathOf(p), a.size(), createTime);
  }
}
