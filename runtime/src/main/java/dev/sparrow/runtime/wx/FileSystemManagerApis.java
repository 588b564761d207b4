package dev.sparrow.runtime.wx;

import static dev.sparrow.runtime.bridge.JsType.ANY;
import static dev.sparrow.runtime.bridge.JsType.ARRAY;
import static dev.sparrow.runtime.bridge.JsType.ARRAY_BUFFER;
import static dev.sparrow.runtime.bridge.JsType.BOOLEAN;
import static dev.sparrow.runtime.bridge.JsType.BUFFER;
import static dev.sparrow.runtime.bridge.JsType.NUMBER;
import static dev.sparrow.runtime.bridge.JsType.STRING;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.Errno;
import dev.sparrow.apis.files.Archives;
import dev.sparrow.apis.files.Encodings;
import dev.sparrow.apis.files.FileErrors;
import dev.sparrow.apis.files.FileOps;
import dev.sparrow.apis.files.FileStat;
import dev.sparrow.apis.files.OpenFiles;
import dev.sparrow.apis.files.SavedFiles;
import dev.sparrow.runtime.bridge.ApiCall;
import dev.sparrow.runtime.bridge.ApiSpec;
import dev.sparrow.runtime.bridge.TypedObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.graalvm.polyglot.Value;

/**
 * {@code wx.getFileSystemManager()}'s methods (spec files.md §8): {@code access}, {@code mkdir},
 * {@code rmdir}, {@code readdir}, {@code readFile}, {@code writeFile}, {@code appendFile}, {@code
 * unlink}, {@code rename}, {@code copyFile}, {@code stat}, {@code truncate}, {@code saveFile} and
 * their {@code *Sync} forms, plus {@code getSavedFileList}, {@code removeSavedFile} and {@code
 * getFileInfo}; the fd API ({@code open}, {@code read}, {@code write}, {@code fstat}, {@code
 * ftruncate}, {@code close}) and the archives ({@code unzip}, {@code readZipEntry}, {@code
 * readCompressedFile}). Async forms take an object and never return a Promise; Sync forms take
 * positional arguments (in the order declared), except {@code truncateSync}, the fd API and {@code
 * readCompressedFileSync}, which take one object; they throw {@code "<name>Sync:fail <reason>"}.
 * Implementation: {@link FileOps}, {@link OpenFiles}, {@link Archives}, {@link SavedFiles}.
 *
 * <p>Async forms do their I/O on the session's ordered file executor (handed in: one thread, so calls
 * take effect in the order page code made them), never on the loop, so timers and rendering go on
 * while a large file is read or an archive unpacked; what touches JS values ({@code read}'s
 * ArrayBuffer) happens on the loop before and after. Sync forms stay on the loop, as in WeChat.
 */
public final class FileSystemManagerApis {
  static final String TYPE = "FileSystemManager";

  /** File work that may fail with an I/O error. */
  @FunctionalInterface
  interface Io<T> {
    T run() throws IOException;
  }

  /** One method: reads the call, does the work, returns the Sync form's value. */
  @FunctionalInterface
  private interface Method {
    Object run(ApiCall call) throws IOException;
  }

  private final FileOps ops;
  private final OpenFiles fds;
  private final Archives archives;
  private final SavedFiles saved;
  private final FileApis files;
  private final Executor io;
  private final Executor loop;

  /**
   * @param io the session's ordered file executor (async forms do their work there)
   * @param loop posts to the session loop (results that touch JS values are finished there)
   */
  public FileSystemManagerApis(FileOps ops, OpenFiles fds, SavedFiles saved, FileApis files, Executor io,
      Executor loop) {
    this.io = io;
    this.loop = loop;
    this.ops = ops;
    this.fds = fds;
    this.archives = new Archives(ops);
    this.saved = saved;
    this.files = files;
  }

  public List<ApiSpec> specs() {
    List<ApiSpec> out = new ArrayList<>();
    both(out, "access", null, b -> b.required("path", STRING), c -> {
      ops.access(c.string("path"));
      return null;
    });
    both(out, "mkdir", null, b -> b.required("dirPath", STRING).optional("recursive", BOOLEAN, false), c -> {
      ops.mkdir(c.string("dirPath"), c.bool("recursive"));
      return null;
    });
    both(out, "rmdir", null, b -> b.required("dirPath", STRING).optional("recursive", BOOLEAN, false), c -> {
      ops.rmdir(c.string("dirPath"), c.bool("recursive"));
      return null;
    });
    both(out, "readdir", "files", b -> b.required("dirPath", STRING), c -> ops.readdir(c.string("dirPath")));
    both(out, "readFile", "data",
        b -> b.required("filePath", STRING).optional("encoding", STRING).optional("position", NUMBER).optional("length", NUMBER),
        this::readFile);
    both(out, "writeFile", null,
        b -> b.required("filePath", STRING).required("data", STRING, ARRAY_BUFFER).optional("encoding", STRING, "utf8"), c -> {
          ops.writeFile(c.string("filePath"), data(c));
          return null;
        });
    both(out, "appendFile", null,
        b -> b.required("filePath", STRING).required("data", STRING, ARRAY_BUFFER).optional("encoding", STRING, "utf8"), c -> {
          ops.appendFile(c.string("filePath"), data(c));
          return null;
        });
    both(out, "unlink", null, b -> b.required("filePath", STRING), c -> {
      ops.unlink(c.string("filePath"));
      return null;
    });
    both(out, "rename", null, b -> b.required("oldPath", STRING).required("newPath", STRING), c -> {
      ops.rename(c.string("oldPath"), c.string("newPath"));
      return null;
    });
    both(out, "copyFile", null, b -> b.required("srcPath", STRING).required("destPath", STRING), c -> {
      ops.copyFile(c.string("srcPath"), c.string("destPath"));
      return null;
    });
    both(out, "stat", "stats", b -> b.required("path", STRING).optional("recursive", BOOLEAN, false), this::stat);
    both(out, "saveFile", "savedFilePath", b -> b.required("tempFilePath", STRING).optional("filePath", STRING),
        c -> saved.save(c.string("tempFilePath"), c.string("filePath")));
    // truncate and the fd API: the Sync forms take one object ({filePath, length}), like the async ones
    objectForms(out, "truncate", null, b -> b.required("filePath", STRING).optional("length", NUMBER, 0), c -> {
      ops.truncate(c.string("filePath"), c.longValue("length"));
      return null;
    });
    objectForms(out, "open", "fd", b -> b.required("filePath", STRING).optional("flag", STRING, "r"),
        c -> fds.open(c.string("filePath"), c.string("flag")));
    objectForms(out, "close", null, b -> b.required("fd", STRING), c -> {
      fds.close(c.string("fd"));
      return null;
    });
    UnaryOperator<ApiSpec.Builder> readParams = b -> b.required("fd", STRING).required("arrayBuffer", BUFFER)
        .optional("offset", NUMBER, 0).optional("length", NUMBER, 0).optional("position", ANY);
    out.add(readParams.apply(ApiSpec.async("read").on(TYPE).noPromise()).handle(this::readAsync));
    out.add(readParams.apply(ApiSpec.sync("readSync").on(TYPE).objectArgument())
        .handleSync(c -> io(() -> read(c), firstPath(c))));
    objectForms(out, "write", null, b -> b.required("fd", STRING).required("data", STRING, ARRAY_BUFFER).optional("offset", NUMBER, 0)
        .optional("length", NUMBER).optional("encoding", STRING, "utf8").optional("position", ANY), this::write);
    objectForms(out, "fstat", "stats", b -> b.required("fd", STRING), c -> stats(fds.fstat(c.string("fd"))));
    objectForms(out, "ftruncate", null, b -> b.required("fd", STRING).optional("length", NUMBER, 0), c -> {
      fds.ftruncate(c.string("fd"), c.longValue("length"));
      return null;
    });
    out.add(async("unzip", null, b -> b.required("zipFilePath", STRING).required("targetPath", STRING), c -> {
      archives.unzip(c.string("zipFilePath"), c.string("targetPath"));
      return null;
    }));
    out.add(async("readZipEntry", "entries", b -> b.required("filePath", STRING).required("entries", ARRAY, STRING)
        .optional("encoding", STRING), this::readZipEntry));
    objectForms(out, "readCompressedFile", "data", b -> b.required("filePath", STRING).required("compressionAlgorithm", STRING),
        c -> archives.readCompressed(c.string("filePath"), c.string("compressionAlgorithm")));
    out.add(async("getSavedFileList", "fileList", b -> b, c -> savedFileList(saved)));
    out.add(async("removeSavedFile", null, b -> b.required("filePath", STRING), c -> {
      saved.remove(c.string("filePath"));
      return null;
    }));
    out.add(ApiSpec.async("getFileInfo").on(TYPE).noPromise().required("filePath", STRING).optional("digestAlgorithm", STRING, "md5")
        .returns("size", "digest").handle(c -> offLoop(c, () -> c.resolve(files.fileInfo(c, true)))));
    return out;
  }

  private Object readFile(ApiCall c) throws IOException {
    String encoding = c.string("encoding");
    if (encoding != null && !encoding.isEmpty()) {
      Encodings.require(encoding);
    }
    Long position = c.has("position") ? (long) c.number("position") : null;
    Long length = c.has("length") ? (long) c.number("length") : null;
    byte[] bytes = ops.readFile(c.string("filePath"), position, length);
    return encoding == null || encoding.isEmpty() ? bytes : Encodings.toText(bytes, encoding);
  }

  private Object stat(ApiCall c) throws IOException {
    String path = c.string("path");
    if (c.bool("recursive")) {
      Optional<List<FileStat.Entry>> tree = ops.statTree(path);
      if (tree.isPresent()) {
        List<Object> items = new ArrayList<>();
        for (FileStat.Entry e : tree.get()) {
          Map<String, Object> item = new LinkedHashMap<>();
          item.put("path", e.path());
          item.put("stats", stats(e.stats()));
          items.add(item);
        }
        return items;
      }
    }
    return stats(ops.stat(path));
  }

  /** {@code read}: fills the caller's ArrayBuffer from {@code offset}; returns {@code {bytesRead, arrayBuffer}}. */
  private Object read(ApiCall c) throws IOException {
    Value buffer = checkedBuffer(c);
    byte[] bytes = fds.read(c.string("fd"), c.longValue("length"), position(c));
    return filled(buffer, c.longValue("offset"), bytes);
  }

  /** {@code read}, async: ranges checked on the loop, the file read on the executor, the buffer filled on the loop. */
  private void readAsync(ApiCall c) {
    Value buffer = checkedBuffer(c);
    String fd = c.string("fd");
    long offset = c.longValue("offset");
    long length = c.longValue("length");
    Long position = position(c);
    offLoop(c, () -> {
      byte[] bytes = io(() -> fds.read(fd, length, position), fd);
      loop.execute(() -> c.resolve(filled(buffer, offset, bytes)));
    });
  }

  /** The caller's ArrayBuffer, once {@code offset} and {@code length} fit in it (on the loop). */
  private static Value checkedBuffer(ApiCall c) {
    Value buffer = (Value) c.get("arrayBuffer");
    long size = buffer.getBufferSize();
    long offset = c.longValue("offset");
    long length = c.longValue("length");
    if (offset < 0 || offset > size) {
      throw outOfRange("offset");
    }
    if (length < 0 || offset + length > size) {
      throw outOfRange("length");
    }
    return buffer;
  }

  private static Map<String, Object> filled(Value buffer, long offset, byte[] bytes) {
    int i = 0;
    for (; i + 8 <= bytes.length; i += 8) {
      buffer.writeBufferLong(ByteOrder.BIG_ENDIAN, offset + i, ByteBuffer.wrap(bytes, i, 8).getLong());
    }
    for (; i < bytes.length; i++) {
      buffer.writeBufferByte(offset + i, bytes[i]);
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("bytesRead", bytes.length);
    r.put("arrayBuffer", buffer);
    return r;
  }

  /** {@code write}: a string in {@code encoding}, or {@code length} bytes of an ArrayBuffer from {@code offset}. */
  private Object write(ApiCall c) throws IOException {
    byte[] data;
    if (c.get("data") instanceof byte[] b) {
      long offset = c.longValue("offset");
      if (offset < 0 || offset > b.length) {
        throw outOfRange("offset");
      }
      long length = c.has("length") ? c.longValue("length") : b.length - offset;
      if (length < 0 || offset + length > b.length) {
        throw outOfRange("length");
      }
      data = Arrays.copyOfRange(b, (int) offset, (int) (offset + length));
    } else {
      data = data(c);
    }
    return Map.of("bytesWritten", fds.write(c.string("fd"), data, position(c)));
  }

  /** A numeric {@code position}; anything else means "at the file pointer". */
  private static Long position(ApiCall c) {
    return c.get("position") instanceof Number n ? n.longValue() : null;
  }

  private static ApiFailure outOfRange(String name) {
    return ApiFailure.of("the value of \"" + name + "\" is out of range", FileErrors.INVALID_ARGUMENT);
  }

  /**
   * {@code readZipEntry}: {@code entries} is {@code 'all'} (every file, one {@code encoding}) or a
   * list of {@code {path, encoding, position, length}}; each result is {@code {data, errMsg}}.
   */
  private Object readZipEntry(ApiCall c) throws IOException {
    List<Archives.EntryRequest> asked = null;
    Map<String, String> encodings = new LinkedHashMap<>();
    Object entries = c.get("entries");
    if (entries instanceof String all) {
      if (!"all".equals(all)) {
        throw FileErrors.invalidArgument();
      }
    } else {
      asked = new ArrayList<>();
      for (Object o : (List<?>) entries) {
        if (!(o instanceof Map<?, ?> m) || !(m.get("path") instanceof String path)) {
          throw FileErrors.invalidArgument();
        }
        asked.add(new Archives.EntryRequest(path, m.get("position") instanceof Number n ? n.longValue() : null,
            m.get("length") instanceof Number n ? n.longValue() : null));
        if (m.get("encoding") instanceof String e && !e.isEmpty()) {
          Encodings.require(e);
          encodings.put(path, e);
        }
      }
    }
    String common = asked == null ? c.string("encoding") : null;
    if (common != null && !common.isEmpty()) {
      Encodings.require(common);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Archives.EntryResult> e : archives.readEntries(c.string("filePath"), asked).entrySet()) {
      Map<String, Object> item = new LinkedHashMap<>();
      Archives.EntryResult r = e.getValue();
      if (r.ok()) {
        String encoding = asked == null ? common : encodings.get(e.getKey());
        item.put("data", encoding == null || encoding.isEmpty() ? r.data() : Encodings.toText(r.data(), encoding));
        item.put("errMsg", "readZipEntry:ok");
      } else {
        item.put("errMsg", "readZipEntry:fail " + r.failure());
      }
      out.put(e.getKey(), item);
    }
    return out;
  }

  private static TypedObject stats(FileStat s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mode", s.mode());
    m.put("size", s.size());
    m.put("lastAccessedTime", s.lastAccessedTime());
    m.put("lastModifiedTime", s.lastModifiedTime());
    return new TypedObject("Stats", m);
  }

  /** {@code fileList} of {@code getSavedFileList}: {@code filePath}, {@code size} (bytes), {@code createTime} (s). */
  static List<Object> savedFileList(SavedFiles saved) throws IOException {
    List<Object> out = new ArrayList<>();
    for (SavedFiles.SavedFile f : saved.list()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("filePath", f.filePath());
      item.put("size", f.size());
      item.put("createTime", f.createTime());
      out.add(item);
    }
    return out;
  }

  /** The bytes to write: an ArrayBuffer as is, a string in {@code encoding}. */
  private static byte[] data(ApiCall c) {
    Object data = c.get("data");
    if (data instanceof byte[] b) {
      return b;
    }
    String encoding = c.string("encoding");
    Encodings.require(encoding);
    return Encodings.toBytes((String) data, encoding);
  }

  /** Like {@link #both}, but {@code nameSync} takes one object with the same members as the async form. */
  private void objectForms(List<ApiSpec> out, String name, String resultKey, Consumer<ApiSpec.Builder> params,
      Method method) {
    forms(out, name, resultKey, params, method, true);
  }

  /** Declares {@code name} (async, result under {@code resultKey}) and {@code nameSync} (returns the value). */
  private void both(List<ApiSpec> out, String name, String resultKey, Consumer<ApiSpec.Builder> params, Method method) {
    forms(out, name, resultKey, params, method, false);
  }

  private void forms(List<ApiSpec> out, String name, String resultKey, Consumer<ApiSpec.Builder> params, Method method,
      boolean objectArgument) {
    out.add(async(name, resultKey, b -> {
      params.accept(b);
      return b;
    }, method));
    ApiSpec.Builder sync = ApiSpec.sync(name + "Sync").on(TYPE);
    if (objectArgument) {
      sync.objectArgument();
    }
    params.accept(sync);
    out.add(sync.handleSync(c -> io(() -> method.run(c), firstPath(c))));
  }

  private ApiSpec async(String name, String resultKey, UnaryOperator<ApiSpec.Builder> params, Method method) {
    ApiSpec.Builder b = params.apply(ApiSpec.async(name).on(TYPE).noPromise());
    if (resultKey != null) {
      b.returns(resultKey);
    }
    return b.handle(c -> offLoop(c, () -> {
      Object value = io(() -> method.run(c), firstPath(c));
      if (resultKey == null && value instanceof Map<?, ?> fields) {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) fields;
        c.resolve(r);
      } else if (resultKey == null) {
        c.resolve();
      } else {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put(resultKey, value);
        c.resolve(r);
      }
    }));
  }

  /** Runs {@code work} on the file executor; a failure there settles the call (never a Java text). */
  private void offLoop(ApiCall c, Runnable work) {
    offLoop(io, c, work);
  }

  /** Runs {@code work} on {@code io}; a failure there settles the call (never a Java text). */
  static void offLoop(Executor io, ApiCall c, Runnable work) {
    io.execute(() -> {
      try {
        work.run();
      } catch (ApiFailure f) {
        c.reject(f);
      } catch (RuntimeException e) {
        c.reject(ApiFailure.of("internal error", Errno.INTERNAL_ERROR));
      }
    });
  }

  private static String firstPath(ApiCall c) {
    for (Object v : c.args().values()) {
      if (v instanceof String s) {
        return s;
      }
    }
    return "";
  }

  /**
   * Runs file work; an operating-system error that the rules did not foresee (a race with another
   * session, a full disk) becomes WeChat's nearest failure instead of an internal error.
   */
  static <T> T io(Io<T> work, String path) {
    try {
      return work.run();
    } catch (NoSuchFileException e) {
      throw FileErrors.noSuchFile(path);
    } catch (NotDirectoryException e) {
      throw FileErrors.notADirectory(path);
    } catch (DirectoryNotEmptyException e) {
      throw FileErrors.directoryNotEmpty();
    } catch (AccessDeniedException e) {
      throw FileErrors.permissionDenied(path);
    } catch (FileSystemException e) {
      String reason = String.valueOf(e.getReason());
      if (reason.contains("File name too long")) {
        throw FileErrors.nameTooLong();
      }
      if (reason.contains("No space left")) {
        throw FileErrors.storageExceeded();
      }
      throw ApiFailure.of("Input/output error", FileErrors.IO_ERROR);
    } catch (IOException e) {
      throw ApiFailure.of("Input/output error", FileErrors.IO_ERROR);
    }
  }
}
