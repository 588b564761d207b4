package dev.sparrow.apis.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparrow.apis.ApiFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyValueStorageTest {
  @TempDir Path dir;

  private KeyValueStorage open(long perKey, long total) {
    return KeyValueStorage.open(dir, new KeyValueStorage.Limits(perKey, total));
  }

  @Test
  void valuesSurviveReopeningAndKeepInsertionOrder() {
    KeyValueStorage s = open(100, 1000);
    s.set("b", new KeyValueStorage.Entry("Number", "1"));
    s.set("a", new KeyValueStorage.Entry("Object", "{\"x\":[1,2]}"));
    KeyValueStorage again = open(100, 2000);
    assertThat(again).isNotSameAs(s);
    assertThat(again.get("a")).contains(new KeyValueStorage.Entry("Object", "{\"x\":[1,2]}"));
    assertThat(again.info().keys()).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void exactlyFullIsAllowedOneByteMoreIsNot() {
    KeyValueStorage s = open(100, 10);
    s.set("k", new KeyValueStorage.Entry("String", "\"123456\"")); // 1 + 8 bytes
    s.set("z", new KeyValueStorage.Entry("Number", "")); // 1 byte: exactly 10
    assertThatThrownBy(() -> s.set("y", new KeyValueStorage.Entry("Number", "")))
        .isInstanceOf(ApiFailure.class).extracting(e -> ((ApiFailure) e).reason()).isEqualTo("exceed storage max size");
    assertThat(s.info().keys()).containsExactly("k", "z");
  }

  @Test
  void replacingAValueCountsOnlyTheDifference() {
    KeyValueStorage s = open(100, 10);
    s.set("k", new KeyValueStorage.Entry("String", "12345678"));
    s.set("k", new KeyValueStorage.Entry("String", "87654321"));
    assertThat(s.get("k").orElseThrow().json()).isEqualTo("87654321");
  }

  @Test
  void leftoversOfACrashedWriteAreIgnoredAndRemoved() throws Exception {
    Files.writeString(dir.resolve(AtomicFiles.TEMP_PREFIX + "dead"), "{\"key\":\"half");
    Files.writeString(dir.resolve("foreign.json"), "not json");
    KeyValueStorage s = open(100, 1000);
    assertThat(s.info().keys()).isEmpty();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).isEqualTo(List.of("foreign.json"));
    }
  }
}
