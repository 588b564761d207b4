package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.apis.cloud.CloudPermission;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Error texts checked against what WeChat's SDK and its users show (docs/decisions.md, "Cloud error texts"). */
class CloudErrorTextsTest {
  @TempDir
  Path data;

  @Test
  void theSdksTypeChecksAndTheReservedOpenidFieldFailAsWeChatDoes() {
    try (Session s = Sparrow.launch(SessionOptions.of(Examples.path("cloud-notes")).dataDir(data).virtualClock()
        .cloudCollection("todos", CloudPermission.READONLY)).awaitIdle()) {
      Object out = s.evaluate("async function () { const c = wx.cloud.database().collection('todos');"
          + " const msg = p => p.then(r => 'ok ' + r.errMsg, e => e.errCode + ' ' + e.errMsg);"
          + " return [await msg(c.add({})), await msg(c.add({ data: 5 })), await msg(c.doc('x').set({ data: [1] })),"
          + "  await msg(c.doc('x').update({ data: null })),"
          + "  await msg(c.add({ data: { _openid: 'someone else', n: 1 } })),"
          + "  await msg(c.doc('x').set({ data: { _openid: 'someone else' } })),"
          + "  await msg(c.add({ data: { n: 1 } }))] }");
      assertThat(out).isEqualTo(List.of(
          "-1 collection.add:fail parameter.data should be object instead of undefined;",
          "-1 collection.add:fail parameter.data should be object instead of number;",
          "-1 document.set:fail parameter.data should be object instead of array;",
          "-1 document.update:fail parameter.data should be object instead of null;",
          "-501007 collection.add:fail -501007 invalid parameters. Invalid Key Name: _openid",
          "-501007 document.set:fail -501007 invalid parameters. Invalid Key Name: _openid",
          "ok collection.add:ok"));
      assertThat(s.errors()).isEmpty();
    }
  }
}
