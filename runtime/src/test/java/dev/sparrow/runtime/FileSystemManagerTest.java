package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.apis.files.FileSandbox;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wx.getFileSystemManager() as page code uses it: async and Sync forms, results, errMsg/errno. */
class FileSystemManagerTest {
  @TempDir Path data;
  private Session s;

  @BeforeEach
  void launch() {
    s = Sparrow.launch(SessionOptions.of(Examples.path("files-lab")).virtualClock().dataDir(data));
    s.awaitIdle();
  }

  @AfterEach
  void close() {
    s.close();
  }

  private Object js(String body) {
    return s.evaluate("function () { var fs = wx.getFileSystemManager(); var U = wx.env.USER_DATA_PATH; " + body + " }");
  }

  /** Calls fs[method](options) with callbacks; resolves with the success result or 'fail: ' + errMsg + ' #' + errno. */
  private Object call(String method, String options) {
    return js("return new Promise(function (resolve) { var o = " + options + ";"
        + " o.success = function (r) { resolve(r) }; o.fail = function (e) { resolve('fail: ' + e.errMsg + ' #' + e.errno) };"
        + " var ret = fs." + method + "(o); if (ret !== undefined) resolve('returned ' + typeof ret) })");
  }

  /** Runs a Sync call; returns its value or 'throws: ' + message + ' #' + errno. */
  private Object sync(String expression) {
    return js("try { return " + expression + " } catch (e) { return 'throws: ' + e.message + ' #' + e.errno }");
  }

  @Test
  void anAsyncReadRunsOffTheLoopSoATimerFiresWhileFiftyMegabytesAreRead() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    ExecutorService ordered = Executors.newSingleThreadExecutor();
    List<String> seen = new CopyOnWriteArrayList<>();
    try (Session live = Sparrow.launch(SessionOptions.of(Examples.path("files-lab")).dataDir(data.resolve("live"))
        .fileIo(task -> ordered.execute(() -> {
          try {
            gate.await(30, TimeUnit.SECONDS); // the read starts only once the timer has fired
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          task.run();
        })))) {
      live.awaitIdle();
      Path big = live.files().tempDir().resolve("tmp_big.bin");
      try (FileChannel ch = FileChannel.open(big, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ch.write(ByteBuffer.wrap(new byte[] {7}), 50L * 1024 * 1024 - 1);
      }
      live.addBinding("seen", (name, args) -> {
        seen.add(String.valueOf(args.get(0)));
        if ("timer".equals(args.get(0))) {
          gate.countDown();
        }
      });
      live.evaluate("function () { wx.getFileSystemManager().readFile({ filePath: 'wxfile://tmp_big.bin',"
          + " success: function (r) { seen('read ' + r.data.byteLength) } });"
          + " setTimeout(function () { seen('timer') }, 10) }");
      live.awaitIdle();
      assertThat(seen).containsExactly("timer", "read " + 50L * 1024 * 1024);
    } finally {
      gate.countDown();
      ordered.shutdownNow();
    }
  }

  @Test
  void theManagerIsOneObjectAndItsMethodsNeverReturnPromises() {
    assertThat(js("return wx.getFileSystemManager() === wx.getFileSystemManager()")).isEqualTo(true);
    assertThat(js("return fs.access({ path: U }) === undefined")).isEqualTo(true);
    assertThat(js("return [typeof fs.readFileSync, typeof fs.statSync, typeof fs.truncateSync, typeof fs.getSavedFileList]"))
        .isEqualTo(List.of("function", "function", "function", "function"));
  }

  @Test
  void writeReadAppendWithEncodings() {
    assertThat(call("writeFile", "{ filePath: U + '/a.txt', data: '你好' }")).isEqualTo(Map.of("errMsg", "writeFile:ok"));
    assertThat(call("appendFile", "{ filePath: U + '/a.txt', data: '21', encoding: 'hex' }")).isEqualTo(Map.of("errMsg", "appendFile:ok"));
    assertThat(call("readFile", "{ filePath: U + '/a.txt', encoding: 'utf8' }")).isEqualTo(Map.of("errMsg", "readFile:ok", "data", "你好!"));
    assertThat(sync("fs.readFileSync(U + '/a.txt', 'base64')")).isEqualTo("5L2g5aW9IQ==");
    assertThat(sync("fs.readFileSync(U + '/a.txt', 'hex', 3, 3)")).isEqualTo("e5a5bd");
    assertThat(js("var b = fs.readFileSync(U + '/a.txt'); return [b instanceof ArrayBuffer, b.byteLength, new Uint8Array(b)[6]]"))
        .isEqualTo(List.of(true, 7, 0x21));
    assertThat(js("return new Promise(function (r) { fs.readFile({ filePath: U + '/a.txt', position: 6, success: function (res) {"
        + " r([res.data instanceof ArrayBuffer, res.data.byteLength]) } }) })")).isEqualTo(List.of(true, 1));
    js("var buf = new Uint8Array([0, 255, 7]).buffer; fs.writeFileSync(U + '/b.bin', buf)");
    assertThat(sync("fs.readFileSync(U + '/b.bin', 'hex')")).isEqualTo("00ff07");
    assertThat(sync("fs.writeFileSync(U + '/c.txt', 'data:image/png;base64,AAAA', 'base64')"))
        .isEqualTo("throws: writeFileSync:fail base64 encode error #1300203");
    assertThat(sync("fs.readFileSync(U + '/a.txt', 'utf8', 5, 10)")).isEqualTo("throws: readFileSync:fail Invalid argument #1300022");
    assertThat(sync("fs.readFileSync(U + '/a.txt', 'gbk')")).isEqualTo("throws: readFileSync:fail Invalid argument #1300022");
    assertThat(sync("fs.readFileSync('/images/readme.txt', 'utf8')")).isEqualTo("hello from the package\n");
  }

  @Test
  void failuresCarryWeChatsTextAndErrnoInBothForms() throws Exception {
    assertThat(call("readFile", "{ filePath: U + '/none.txt' }")).isEqualTo("fail: readFile:fail no such file or directory wxfile://usr/none.txt #1300002");
    assertThat(sync("fs.readFileSync(U + '/none.txt')")).isEqualTo("throws: readFileSync:fail no such file or directory wxfile://usr/none.txt #1300002");
    assertThat(call("access", "{ path: U + '/none' }")).isEqualTo("fail: access:fail no such file or directory wxfile://usr/none #1300002");
    FileSandbox.LocalFile temp = s.files().newTempFile("txt");
    Files.writeString(temp.file(), "t");
    assertThat(sync("fs.writeFileSync('" + temp.path() + "', 'x')")).isEqualTo("throws: writeFileSync:fail permission denied, open " + temp.path() + " #1300013");
    assertThat(sync("fs.writeFileSync('/images/readme.txt', 'x')")).isEqualTo("throws: writeFileSync:fail permission denied, open /images/readme.txt #1300013");
    assertThat(sync("fs.writeFileSync(U + '/../../escape.txt', 'x')")).isEqualTo("throws: writeFileSync:fail permission denied, open wxfile://usr/../../escape.txt #1300013");
    assertThat(sync("fs.mkdirSync(U + '/d')")).isNull();
    assertThat(sync("fs.mkdirSync(U + '/d')")).isEqualTo("throws: mkdirSync:fail file already exists wxfile://usr/d #1301005");
    assertThat(sync("fs.writeFileSync(U + '/d', 'x')")).isEqualTo("throws: writeFileSync:fail illegal operation on a directory, open wxfile://usr/d #1301003");
    assertThat(sync("fs.unlinkSync(U + '/d')")).isEqualTo("throws: unlinkSync:fail operation not permitted, unlink wxfile://usr/d #1300001");
    assertThat(sync("fs.readFileSync()")).isEqualTo("throws: readFileSync:fail parameter error: parameter.filePath should be String instead of Undefined; #1001");
    assertThat(sync("fs.writeFileSync(U + '/" + "x".repeat(256) + "', 'x')")).isEqualTo("throws: writeFileSync:fail File name too long #1300036");
    assertThat(call("writeFile", "{ filePath: U + '/a', data: 1 }"))
        .isEqualTo("fail: writeFile:fail parameter error: parameter.data should be String/ArrayBuffer instead of Number; #1001");
  }

  @Test
  void directoriesStatAndRecursiveStat() {
    assertThat(call("mkdir", "{ dirPath: U + '/x/y', recursive: true }")).isEqualTo(Map.of("errMsg", "mkdir:ok"));
    js("fs.writeFileSync(U + '/x/y/f.txt', 'abc'); fs.writeFileSync(U + '/x/g.txt', 'g')");
    assertThat(call("readdir", "{ dirPath: U + '/x' }")).isEqualTo(Map.of("errMsg", "readdir:ok", "files", List.of("g.txt", "y")));
    assertThat(sync("fs.readdirSync(U)")).isEqualTo(List.of("x"));
    assertThat(js("var st = fs.statSync(U + '/x/y/f.txt'); return [st.isFile(), st.isDirectory(), st.size, st.mode, Object.keys(st), st.lastModifiedTime]"))
        .isEqualTo(List.of(true, false, 3, 33188, List.of("mode", "size", "lastAccessedTime", "lastModifiedTime"), (int) (s.now() / 1000)));
    assertThat((String) js("return JSON.stringify(fs.statSync(U + '/x/y/f.txt'))"))
        .matches("\\{\"mode\":33188,\"size\":3,\"lastAccessedTime\":\\d+,\"lastModifiedTime\":" + s.now() / 1000 + "}");
    assertThat(js("return new Promise(function (r) { fs.stat({ path: U + '/x', success: function (res) { r([res.errMsg, res.stats.isDirectory()]) } }) })"))
        .isEqualTo(List.of("stat:ok", true));
    assertThat(js("return fs.statSync(U + '/x', true).map(function (e) { return e.path + (e.stats.isDirectory() ? '/' : ' ' + e.stats.size) })"))
        .isEqualTo(List.of("//", "/g.txt 1", "/y/", "/y/f.txt 3"));
    assertThat(js("return new Promise(function (r) { fs.stat({ path: U + '/x/g.txt', recursive: true, success: function (res) { r(res.stats.isFile()) } }) })"))
        .isEqualTo(true);
    assertThat(sync("fs.rmdirSync(U + '/x')")).isEqualTo("throws: rmdirSync:fail directory not empty #1300066");
    assertThat(call("rmdir", "{ dirPath: U + '/x', recursive: true }")).isEqualTo(Map.of("errMsg", "rmdir:ok"));
    assertThat(sync("fs.readdirSync(U)")).isEqualTo(List.of());
    assertThat(sync("fs.statSync(U + '/x')")).isEqualTo("throws: statSync:fail no such file or directory wxfile://usr/x #1300002");
  }

  @Test
  void renameCopyUnlinkTruncate() {
    js("fs.writeFileSync(U + '/a.txt', 'hello world')");
    assertThat(call("copyFile", "{ srcPath: U + '/a.txt', destPath: U + '/b.txt' }")).isEqualTo(Map.of("errMsg", "copyFile:ok"));
    assertThat(call("rename", "{ oldPath: U + '/b.txt', newPath: U + '/c.txt' }")).isEqualTo(Map.of("errMsg", "rename:ok"));
    assertThat(sync("fs.renameSync(U + '/c.txt', U + '/d.txt')")).isNull();
    assertThat(sync("fs.copyFileSync(U + '/d.txt', U + '/e.txt')")).isNull();
    assertThat(call("truncate", "{ filePath: U + '/e.txt', length: 5 }")).isEqualTo(Map.of("errMsg", "truncate:ok"));
    assertThat(sync("fs.truncateSync({ filePath: U + '/d.txt', length: 2 })")).isNull();
    assertThat(sync("fs.truncateSync({ length: 2 })")).isEqualTo("throws: truncateSync:fail parameter error: parameter.filePath should be String instead of Undefined; #1001");
    assertThat(sync("[fs.readFileSync(U + '/d.txt', 'utf8'), fs.readFileSync(U + '/e.txt', 'utf8')]")).isEqualTo(List.of("he", "hello"));
    assertThat(call("unlink", "{ filePath: U + '/e.txt' }")).isEqualTo(Map.of("errMsg", "unlink:ok"));
    assertThat(sync("fs.unlinkSync(U + '/e.txt')")).isEqualTo("throws: unlinkSync:fail no such file or directory wxfile://usr/e.txt #1300002");
    assertThat(sync("fs.readdirSync(U)")).isEqualTo(List.of("a.txt", "d.txt"));
  }

  @Test
  void savedFilesThroughTheManager() throws Exception {
    FileSandbox.LocalFile t1 = s.files().newTempFile("jpg");
    Files.write(t1.file(), new byte[] {1, 2});
    FileSandbox.LocalFile t2 = s.files().newTempFile("jpg");
    Files.write(t2.file(), new byte[] {3});
    @SuppressWarnings("unchecked")
    Map<String, Object> r = (Map<String, Object>) call("saveFile", "{ tempFilePath: '" + t1.path() + "' }");
    String saved = (String) r.get("savedFilePath");
    assertThat(saved).startsWith("wxfile://store_");
    assertThat(sync("fs.saveFileSync('" + t2.path() + "', U + '/photo.jpg')")).isEqualTo("wxfile://usr/photo.jpg");
    assertThat(sync("fs.saveFileSync('" + t2.path() + "')")).isEqualTo("throws: saveFileSync:fail tempFilePath file not exist #1300002");
    assertThat(js("return new Promise(function (r) { fs.getSavedFileList({ success: function (res) { r(res.fileList.map(function (f) { return [f.filePath, f.size] })) } }) })"))
        .isEqualTo(List.of(List.of(saved, 2)));
    assertThat(call("getFileInfo", "{ filePath: U + '/photo.jpg', digestAlgorithm: 'sha256' }")).isEqualTo(Map.of("errMsg", "getFileInfo:ok",
        "size", 1, "digest", "084fed08b978af4d7d196a7446a86b58009e636b611db16211b65a9aadff29c5"));
    assertThat(call("removeSavedFile", "{ filePath: '" + saved + "' }")).isEqualTo(Map.of("errMsg", "removeSavedFile:ok"));
    assertThat(call("removeSavedFile", "{ filePath: '" + saved + "' }")).isEqualTo("fail: removeSavedFile:fail file not exist #1300002");
  }

  @Test
  void theUserDataQuotaAppliesToWrites() {
    try (Session small = Sparrow.launch(SessionOptions.of(Examples.path("files-lab")).virtualClock().dataDir(data.resolve("small")).fileQuota(10))) {
      Object r = small.evaluate("function () { var fs = wx.getFileSystemManager(); fs.writeFileSync(wx.env.USER_DATA_PATH + '/a', '0123456789');"
          + " try { fs.appendFileSync(wx.env.USER_DATA_PATH + '/a', '!') } catch (e) { return e.message + ' #' + e.errno } }");
      assertThat(r).isEqualTo("appendFileSync:fail the maximum size of the file storage limit is exceeded #1300202");
    }
  }

  @Test
  void fileDescriptorsReadAndWriteInPlaceWithTheirOwnPointer() {
    assertThat(sync("""
        (function () {
          var fd = fs.openSync({ filePath: U + '/fd.txt', flag: 'w+' });
          var out = [typeof fd];
          out.push(fs.writeSync({ fd: fd, data: 'hello ' }).bytesWritten);
          var bytes = new Uint8Array([0, 119, 111, 114, 108, 100, 0]).buffer;
          out.push(fs.writeSync({ fd: fd, data: bytes, offset: 1, length: 5 }).bytesWritten);
          out.push(fs.writeSync({ fd: fd, data: 'H', position: 0 }).bytesWritten);     // the pointer stays at 11
          out.push(fs.writeSync({ fd: fd, data: '!' }).bytesWritten);
          out.push(fs.readFileSync(U + '/fd.txt', 'utf8'));                              // visible at once
          var buf = new ArrayBuffer(8);
          var r = fs.readSync({ fd: fd, arrayBuffer: buf, offset: 2, length: 5, position: 6 });
          out.push(r.bytesRead, r.arrayBuffer === buf, Array.from(new Uint8Array(buf)).join(','));
          out.push(fs.readSync({ fd: fd, arrayBuffer: buf, length: 8 }).bytesRead);      // pointer at the end
          out.push(fs.fstatSync({ fd: fd }).size, fs.fstatSync({ fd: fd }).isFile());
          fs.ftruncateSync({ fd: fd, length: 5 });
          out.push(fs.readFileSync(U + '/fd.txt', 'utf8'));
          fs.closeSync({ fd: fd });
          return out;
        })()""")).isEqualTo(List.of("string", 6, 5, 1, 1, "Hello world!", 5, true, "0,0,119,111,114,108,100,0", 0, 12, true, "Hello"));
  }

  @Test
  void fileDescriptorFlagsAndFailures() {
    js("fs.writeFileSync(U + '/log.txt', 'ab')");
    assertThat(sync("""
        (function () {
          var fd = fs.openSync({ filePath: U + '/log.txt', flag: 'a' });
          fs.writeSync({ fd: fd, data: 'c', position: 0 });    // append mode: always at the end
          fs.closeSync({ fd: fd });
          return fs.readFileSync(U + '/log.txt', 'utf8');
        })()""")).isEqualTo("abc");
    assertThat(sync("fs.openSync({ filePath: U + '/log.txt', flag: 'wx' })"))
        .isEqualTo("throws: openSync:fail file already exists " + js("return U") + "/log.txt #1301005");
    assertThat(sync("fs.openSync({ filePath: U + '/none.txt' })"))
        .isEqualTo("throws: openSync:fail no such file or directory " + js("return U") + "/none.txt #1300002");
    assertThat(sync("fs.openSync({ filePath: U, flag: 'r' })").toString()).startsWith("throws: openSync:fail illegal operation on a directory");
    assertThat(sync("fs.openSync({ filePath: 'wxfile://tmp_x.txt', flag: 'w' })"))
        .isEqualTo("throws: openSync:fail permission denied, open wxfile://tmp_x.txt #1300013");
    assertThat(sync("fs.openSync({ filePath: U + '/log.txt', flag: 'q' })")).isEqualTo("throws: openSync:fail Invalid argument #1300022");
    assertThat(sync("fs.readSync({ fd: fs.openSync({ filePath: U + '/log.txt', flag: 'w' }), arrayBuffer: new ArrayBuffer(1), length: 1 })"))
        .isEqualTo("throws: readSync:fail permission denied #1300013");
    assertThat(sync("fs.writeSync({ fd: fs.openSync({ filePath: U + '/log.txt' }), data: 'x' })"))
        .isEqualTo("throws: writeSync:fail permission denied #1300013");
    assertThat(sync("fs.readSync({ fd: fs.openSync({ filePath: U + '/log.txt' }), arrayBuffer: new ArrayBuffer(4), offset: 5 })"))
        .isEqualTo("throws: readSync:fail the value of \"offset\" is out of range #1300022");
    assertThat(sync("fs.readSync({ fd: fs.openSync({ filePath: U + '/log.txt' }), arrayBuffer: new ArrayBuffer(4), offset: 2, length: 3 })"))
        .isEqualTo("throws: readSync:fail the value of \"length\" is out of range #1300022");
    assertThat(sync("fs.readSync({ fd: '999', arrayBuffer: new ArrayBuffer(1) })")).isEqualTo("throws: readSync:fail bad file descriptor #1300009");
    assertThat(sync("fs.readSync({ fd: '1', arrayBuffer: new Uint8Array(1) })"))
        .isEqualTo("throws: readSync:fail parameter error: parameter.arrayBuffer should be ArrayBuffer instead of Uint8Array; #1001");
    assertThat(call("close", "{ fd: '999' }")).isEqualTo("fail: close:fail bad file descriptor #1300009");
  }

  @Test
  void fileDescriptorAsyncFormsFillTheBufferBeforeSuccess() {
    js("fs.writeFileSync(U + '/a.bin', 'xyz')");
    Object fd = call("open", "{ filePath: U + '/a.bin' }");
    assertThat(fd).isInstanceOf(Map.class);
    String id = (String) ((Map<?, ?>) fd).get("fd");
    assertThat(js("""
        var buf = new ArrayBuffer(3);
        return new Promise(function (resolve) {
          fs.read({ fd: '%s', arrayBuffer: buf, length: 3, success: function (r) {
            resolve([r.errMsg, r.bytesRead, String.fromCharCode.apply(null, new Uint8Array(r.arrayBuffer))]) } });
        })""".formatted(id))).isEqualTo(List.of("read:ok", 3, "xyz"));
    assertThat(call("fstat", "{ fd: '" + id + "' }").toString()).contains("stats", "size=3");
    assertThat(call("close", "{ fd: '" + id + "' }")).isEqualTo(Map.of("errMsg", "close:ok"));
  }

  @Test
  void writesThroughADescriptorCountAgainstTheQuota() {
    try (Session small = Sparrow.launch(SessionOptions.of(Examples.path("files-lab")).virtualClock().dataDir(data.resolve("small")).fileQuota(10))) {
      Object r = small.evaluate("function () { var fs = wx.getFileSystemManager(); var fd = fs.openSync({ filePath: wx.env.USER_DATA_PATH + '/a', flag: 'w' });"
          + " fs.writeSync({ fd: fd, data: '0123456789' });"
          + " try { fs.writeSync({ fd: fd, data: '!' }) } catch (e) { return e.message + ' #' + e.errno } }");
      assertThat(r).isEqualTo("writeSync:fail the maximum size of the file storage limit is exceeded #1300202");
    }
  }

  /** Writes a zip to {@code USER_DATA_PATH/name}: entries as name, UTF-8 text pairs (a name ending in / is a directory). */
  private void writeZip(String name, String... namesAndTexts) throws java.io.IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(bytes)) {
      for (int i = 0; i < namesAndTexts.length; i += 2) {
        z.putNextEntry(new java.util.zip.ZipEntry(namesAndTexts[i]));
        z.write(namesAndTexts[i + 1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    js("fs.writeFileSync(U + '/" + name + "', '" + java.util.Base64.getEncoder().encodeToString(bytes.toByteArray()) + "', 'base64')");
  }

  @Test
  void unzipExtractsIntoTheUserDirectoryAndNowhereElse() throws Exception {
    writeZip("a.zip", "docs/", "", "docs/readme.txt", "读我", "top.txt", "top");
    assertThat(call("unzip", "{ zipFilePath: U + '/a.zip', targetPath: U + '/out' }")).isEqualTo(Map.of("errMsg", "unzip:ok"));
    assertThat(sync("[fs.readFileSync(U + '/out/docs/readme.txt', 'utf8'), fs.readFileSync(U + '/out/top.txt', 'utf8'), fs.readdirSync(U + '/out')]"))
        .isEqualTo(List.of("读我", "top", List.of("docs", "top.txt")));

    writeZip("slip.zip", "../escaped.txt", "x");
    assertThat(call("unzip", "{ zipFilePath: U + '/slip.zip', targetPath: U + '/out' }"))
        .isEqualTo("fail: unzip:fail Invalid argument, unzip entry ../escaped.txt #1300022");
    assertThat(sync("fs.accessSync(U + '/escaped.txt')").toString()).startsWith("throws: accessSync:fail no such file or directory");

    String u = (String) js("return U");
    assertThat(call("unzip", "{ zipFilePath: U + '/none.zip', targetPath: U + '/out' }"))
        .isEqualTo("fail: unzip:fail no such file or directory, unzip " + u + "/none.zip -> \"" + u + "/out #1300002");
    assertThat(call("unzip", "{ zipFilePath: U + '/a.zip', targetPath: 'wxfile://tmp_out' }"))
        .isEqualTo("fail: unzip:fail permission denied, unzip " + u + "/a.zip -> wxfile://tmp_out #1300013");
    js("fs.writeFileSync(U + '/bad.zip', 'not a zip')");
    assertThat(call("unzip", "{ zipFilePath: U + '/bad.zip', targetPath: U + '/out2' }")).isEqualTo("fail: unzip:fail Input/output error #1300005");
  }

  @Test
  void readZipEntryReadsEntriesWithoutUnpacking() throws Exception {
    writeZip("r.zip", "dir/", "", "dir/a.txt", "alpha", "b.txt", "bravo");
    assertThat(call("readZipEntry", "{ filePath: U + '/r.zip', entries: 'all', encoding: 'utf8' }")).isEqualTo(Map.of(
        "errMsg", "readZipEntry:ok",
        "entries", Map.of("dir/a.txt", Map.of("data", "alpha", "errMsg", "readZipEntry:ok"), "b.txt", Map.of("data", "bravo", "errMsg", "readZipEntry:ok"))));
    assertThat(js("""
        return new Promise(function (resolve) {
          fs.readZipEntry({ filePath: U + '/r.zip',
            entries: [{ path: 'b.txt', encoding: 'utf8', position: 1, length: 3 }, { path: 'dir/a.txt' }, { path: 'nope.txt' }],
            success: function (r) {
              var e = r.entries;
              resolve([e['b.txt'].data, e['dir/a.txt'].data instanceof ArrayBuffer, e['dir/a.txt'].data.byteLength, e['nope.txt'].errMsg]);
            } });
        })""")).isEqualTo(List.of("rav", true, 5, "readZipEntry:fail no such file or directory nope.txt"));
  }

  @Test
  void readCompressedFileDecodesBrotli() {
    // zlib.brotliCompressSync(Buffer.from('小程序 brotli! '.repeat(50))) from Node
    js("fs.writeFileSync(U + '/t.br', 'G4MD+C0S7FgngFSr1/gSpPy8Fh9bDBVWV4bI0WUa21tUGCGAZV0dfQA=', 'base64')");
    assertThat(sync("(function () { var b = fs.readCompressedFileSync({ filePath: U + '/t.br', compressionAlgorithm: 'br' });"
        + " return [b instanceof ArrayBuffer, b.byteLength] })()")).isEqualTo(List.of(true, 50 * "小程序 brotli! ".getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
    assertThat(call("readCompressedFile", "{ filePath: U + '/t.br', compressionAlgorithm: 'br' }").toString()).contains("readCompressedFile:ok");
    js("fs.writeFileSync(U + '/bad.br', 'plain text, not brotli')");
    assertThat(sync("fs.readCompressedFileSync({ filePath: U + '/bad.br', compressionAlgorithm: 'br' })"))
        .isEqualTo("throws: readCompressedFileSync:fail decompress fail #1300201");
  }
}
