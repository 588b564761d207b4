package dev.sparrow.runtime.wx;

import static dev.sparrow.runtime.bridge.JsType.BOOLEAN;
import static dev.sparrow.runtime.bridge.JsType.STRING;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.files.DocumentRules;
import dev.sparrow.apis.files.DocumentViewer;
import dev.sparrow.apis.files.FileInfo;
import dev.sparrow.apis.files.FileOps;
import dev.sparrow.apis.files.SavedFiles;
import dev.sparrow.runtime.bridge.ApiCall;
import dev.sparrow.runtime.bridge.ApiSpec;
import dev.sparrow.runtime.bridge.InstanceRef;
import dev.sparrow.runtime.bridge.WxBridge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The legacy file APIs (spec files.md §2–7): {@code saveFile}, {@code getSavedFileList}, {@code
 * getSavedFileInfo}, {@code removeSavedFile}, {@code getFileInfo}, plus {@code openDocument} and the
 * factory {@code getFileSystemManager} (its methods: {@link FileSystemManagerApis}).
 * Implementation: {@link SavedFiles}, {@link FileOps}, the session's {@link DocumentViewer}.
 */
public final class FileApis {
  /** Said once per session when documents open without the preview module. */
  public static final String PREVIEW_UNAVAILABLE = "openDocument: preview unavailable (add dev.sparrow:sparrow-documents"
      + " for PDF and Office previews); the document opened without one";

  private final WxBridge bridge;
  private final Executor io;
  private final Executor blocking;
  private final FileOps ops;
  private final SavedFiles saved;
  private final DocumentViewer viewer;
  private final Object fileSystemManager;
  private final Consumer<String> console;
  private final AtomicBoolean previewNoticeGiven = new AtomicBoolean();
  private InstanceRef fileSystemManagerRef;

  /**
   * @param io the session's ordered file executor: the async legacy APIs do their I/O there, in call order with
   *     FileSystemManager's async forms
   * @param blocking the session's threads for blocking work: documents open there (parsing and rendering take up
   *     to a second), off the session thread and without holding up the file queue
   * @param console prints a warning in the session's console (called off the session thread)
   */
  public FileApis(WxBridge bridge, Executor io, Executor blocking, FileOps ops, SavedFiles saved, DocumentViewer viewer,
      Object fileSystemManager, Consumer<String> console) {
    this.bridge = bridge;
    this.io = io;
    this.blocking = blocking;
    this.ops = ops;
    this.saved = saved;
    this.viewer = viewer;
    this.fileSystemManager = fileSystemManager;
    this.console = console;
  }

  public List<ApiSpec> specs() {
    return List.of(
        ApiSpec.async("saveFile").required("tempFilePath", STRING).returns("savedFilePath").handle(c -> offLoop(c, () ->
            c.resolve(Map.of("savedFilePath", FileSystemManagerApis.io(() -> saved.save(c.string("tempFilePath")),
                c.string("tempFilePath")))))),
        ApiSpec.async("getSavedFileList").returns("fileList").handle(c -> offLoop(c, () ->
            c.resolve(Map.of("fileList", FileSystemManagerApis.io(() -> FileSystemManagerApis.savedFileList(saved),
                ""))))),
        ApiSpec.async("getSavedFileInfo").required("filePath", STRING).returns("size", "createTime")
            .handle(c -> offLoop(c, () -> {
              SavedFiles.SavedFile f = FileSystemManagerApis.io(() -> saved.info(c.string("filePath")),
                  c.string("filePath"));
              Map<String, Object> r = new LinkedHashMap<>();
              r.put("size", f.size());
              r.put("createTime", f.createTime());
              c.resolve(r);
            })),
        ApiSpec.async("removeSavedFile").required("filePath", STRING).handle(c -> offLoop(c, () -> {
          FileSystemManagerApis.io(() -> {
            saved.remove(c.string("filePath"));
            return null;
          }, c.string("filePath"));
          c.resolve();
        })),
        ApiSpec.async("getFileInfo").required("filePath", STRING).optional("digestAlgorithm", STRING, "md5")
            .returns("size", "digest").handle(c -> offLoop(c, () -> c.resolve(fileInfo(c, false)))),
        ApiSpec.async("openDocument").required("filePath", STRING).optional("showMenu", BOOLEAN, false).optional("fileType", STRING)
            .handle(this::openDocument),
        ApiSpec.sync("getFileSystemManager").handleSync(c -> fileSystemManager()));
  }

  private void offLoop(ApiCall c, Runnable work) {
    FileSystemManagerApis.offLoop(io, c, work);
  }

  /** The one FileSystemManager of the session (WeChat's is a global singleton). */
  private synchronized InstanceRef fileSystemManager() {
    if (fileSystemManagerRef == null) {
      fileSystemManagerRef = bridge.register("FileSystemManager", fileSystemManager);
    }
    return fileSystemManagerRef;
  }

  /** {@code getFileInfo} of wx (md5, sha1) and of FileSystemManager (also sha256). */
  Map<String, Object> fileInfo(ApiCall c, boolean allowSha256) {
    String path = c.string("filePath");
    String algorithm = c.string("digestAlgorithm");
    FileInfo.checkAlgorithm(algorithm, allowSha256);
    FileInfo info = FileSystemManagerApis.io(() -> ops.fileInfo(path, algorithm), path);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("size", info.size());
    r.put("digest", info.digest());
    return r;
  }

  private void openDocument(ApiCall c) {
    String path = c.string("filePath");
    if (path.isEmpty()) {
      throw DocumentRules.invalidData();
    }
    Path file = ops.sandbox().resolve(path).filter(Files::isRegularFile).orElseThrow(DocumentRules::fileDoesNotExist);
    String type = DocumentRules.typeOf(path, c.string("fileType"));
    DocumentViewer.Document document = new DocumentViewer.Document(path, file, type, c.bool("showMenu"));
    blocking.execute(() -> {
      try {
        viewer.open(document);
        if (!viewer.previews() && previewNoticeGiven.compareAndSet(false, true)) {
          console.accept(PREVIEW_UNAVAILABLE);
        }
        c.resolve();
      } catch (ApiFailure f) {
        c.reject(f);
      } catch (RuntimeException | LinkageError e) {
        c.reject(DocumentRules.unsupported());
      }
    });
  }
}
