package dev.sparrow.apis.files;

import static dev.sparrow.apis.files.FileSandbox.Scheme.HTTP;
import static dev.sparrow.apis.files.FileSandbox.Scheme.WXFILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparrow.apis.ApiFailure;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathRulesTest {
  private static String describe(FileSandbox.Scheme scheme, String path) {
    Optional<LocalPath> p = PathRules.parse(scheme, path);
    return p.map(l -> l.area() + ":" + l.relative()).orElse("none");
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "WXFILE | wxfile://tmp_abc.jpg            | TEMP:abc.jpg",
      "WXFILE | wxfile://store_abc.png          | STORE:abc.png",
      "WXFILE | wxfile://usr                    | USER:",
      "WXFILE | wxfile://usr/                   | USER:",
      "WXFILE | wxfile://usr/a/b.txt            | USER:a/b.txt",
      "WXFILE | wxfile://usr//a///b.txt         | USER:a/b.txt",
      "WXFILE | wxfile://usr/a/./b/../c.txt     | USER:a/c.txt",
      "WXFILE | wxfile://usr/%2e%2e/x           | USER:%2e%2e/x",
      "WXFILE | wxfile://usr/中文/笔记.txt        | USER:中文/笔记.txt",
      "WXFILE | /images/a.png                   | PACKAGE:images/a.png",
      "WXFILE | images/a.png                    | PACKAGE:images/a.png",
      "HTTP   | http://tmp/abc.jpg              | TEMP:abc.jpg",
      "HTTP   | http://store/abc.jpg            | STORE:abc.jpg",
      "HTTP   | http://usr/a.txt                | USER:a.txt",
  })
  void validPaths(FileSandbox.Scheme scheme, String path, String expected) {
    assertThat(describe(scheme, path)).isEqualTo(expected.equals("USER:") ? "USER:" : expected);
  }

  @ParameterizedTest(name = "{0} {1} names nothing")
  @CsvSource(delimiter = '|', value = {
      "WXFILE | wxfile://usr/..",
      "WXFILE | wxfile://usr/../store_abc",
      "WXFILE | wxfile://usr/a/../../..",
      "WXFILE | wxfile://usrx",
      "WXFILE | wxfile://tmp_",
      "WXFILE | wxfile://tmp_..",
      "WXFILE | wxfile://tmp_.hidden",
      "WXFILE | wxfile://tmp_a/b",
      "WXFILE | wxfile://tmp_../../etc/passwd",
      "WXFILE | wxfile://store_x/../../y",
      "WXFILE | wxfile://other_x",
      "WXFILE | http://usr/a.txt",
      "WXFILE | http://tmp/abc.jpg",
      "WXFILE | file:///etc/passwd",
      "WXFILE | https://example.com/a.pdf",
      "WXFILE | ../a/b",
      "WXFILE | ./a/b",
      "WXFILE | /a/../../etc/passwd",
      "WXFILE | /",
      "WXFILE | wxfile://usr/a\\b",
      "HTTP   | wxfile://usr/a.txt",
      "HTTP   | http://tmp/",
      "HTTP   | http://tmpx/a",
  })
  void pathsThatNameNothing(FileSandbox.Scheme scheme, String path) {
    assertThat(describe(scheme, path)).isEqualTo("none");
  }

  @org.junit.jupiter.api.Test
  void emptyNullAndNulName() {
    assertThat(PathRules.parse(WXFILE, "")).isEmpty();
    assertThat(PathRules.parse(WXFILE, null)).isEmpty();
    assertThat(PathRules.parse(WXFILE, "wxfile://usr/a\0b")).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void overLongNamesFailWithFileNameTooLong() {
    String name255 = "a".repeat(255);
    assertThat(PathRules.parse(WXFILE, "wxfile://usr/" + name255)).isPresent();
    assertThatThrownBy(() -> PathRules.parse(WXFILE, "wxfile://usr/" + "a".repeat(256)))
        .isInstanceOf(ApiFailure.class).hasMessage("File name too long")
        .satisfies(e -> assertThat(((ApiFailure) e).errno()).hasValue(1300036));
    // 86 CJK characters are 258 UTF-8 bytes
    assertThatThrownBy(() -> PathRules.parse(WXFILE, "wxfile://usr/" + "中".repeat(86))).hasMessage("File name too long");
    assertThatThrownBy(() -> PathRules.parse(WXFILE, "wxfile://tmp_" + "b".repeat(256))).hasMessage("File name too long");
    assertThatThrownBy(() -> PathRules.parse(WXFILE, "wxfile://usr/" + "a/".repeat(2100))).hasMessage("File name too long");
  }

  @org.junit.jupiter.api.Test
  void formatIsTheInverseOfParse() {
    for (FileSandbox.Scheme s : FileSandbox.Scheme.values()) {
      for (LocalPath.Area a : new LocalPath.Area[] {LocalPath.Area.TEMP, LocalPath.Area.STORE, LocalPath.Area.USER}) {
        String path = PathRules.format(s, a, "x1.txt");
        assertThat(PathRules.parse(s, path)).contains(new LocalPath(a, path, "x1.txt"));
      }
    }
    assertThat(PathRules.format(WXFILE, LocalPath.Area.USER, "")).isEqualTo("wxfile://usr");
    assertThat(PathRules.format(HTTP, LocalPath.Area.TEMP, "a.png")).isEqualTo("http://tmp/a.png");
  }
}
