package dev.sparrow.apis.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * WeChat's {@code Stats}: {@code mode} as POSIX {@code st_mode} (type and permission bits), {@code
 * size} in bytes, times in Unix seconds. In JS the object also has {@code isFile()} and {@code
 * isDirectory()}, read from {@code mode}.
 */
public record FileStat(int mode, long size, long lastAccessedTime, long lastModifiedTime) {
  /** {@code S_IFDIR | 0755}. */
  public static final int DIRECTORY_MODE = 0040755;
  /** {@code S_IFREG | 0644}. */
  public static final int FILE_MODE = 0100644;

  public boolean isDirectory() {
    return (mode & 0170000) == 0040000;
  }

  public boolean isFile() {
    return (mode & 0170000) == 0100000;
  }

  static FileStat of(Path file) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    return new FileStat(a.isDirectory() ? DIRECTORY_MODE : FILE_MODE, a.isDirectory() ? 0 : a.size(),
        a.lastAccessTime().toMillis() / 1000, a.lastModifiedTime().toMillis() / 1000);
  }

  /** One item of a recursive {@code stat}: {@code path} relative to the directory asked about ({@code "/"} for itself). */
  public record Entry(String path, FileStat stats) {}
}
