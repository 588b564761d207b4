package dev.sparrow.apis.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EncodingsTest {
  private static final byte[] BYTES = {(byte) 0xe4, (byte) 0xbd, (byte) 0xa0, 0x41, (byte) 0xff, 0x00};

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "hex      | e4bda041ff00",
      "HEX      | e4bda041ff00",
      "base64   | 5L2gQf8A",
  })
  void bytesToText(String encoding, String text) {
    assertThat(Encodings.toText(BYTES, encoding)).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"utf8", "utf-8", "ucs2", "ucs-2", "utf16le", "utf-16le", "latin1", "binary", "hex", "base64"})
  void textRoundTrips(String encoding) {
    String text = encoding.startsWith("u") ? "你好, world" : Encodings.toText(BYTES, encoding);
    assertThat(Encodings.toText(Encodings.toBytes(text, encoding), encoding)).isEqualTo(text);
  }

  @org.junit.jupiter.api.Test
  void singleByteEncodings() {
    assertThat(Encodings.toText(BYTES, "latin1")).isEqualTo("\u00e4\u00bd\u00a0A\u00ff\u0000");
    assertThat(Encodings.toText(BYTES, "binary")).isEqualTo("\u00e4\u00bd\u00a0A\u00ff\u0000");
    assertThat(Encodings.toText(BYTES, "ascii")).isEqualTo("d= A\u007f\u0000");
  }

  @org.junit.jupiter.api.Test
  void writeSemantics() {
    assertThat(Encodings.toBytes("你", "utf8")).isEqualTo("你".getBytes(StandardCharsets.UTF_8));
    assertThat(Encodings.toBytes("ab", "ucs2")).containsExactly('a', 0, 'b', 0);
    assertThat(Encodings.toBytes("e4bdzz41", "hex")).containsExactly(0xe4, 0xbd);
    assertThat(Encodings.toBytes("5L2g-_8", "base64")).containsExactly(0xe4, 0xbd, 0xa0, 0xfb, 0xff);
    assertThat(Encodings.toBytes("5L2g\nQf8A", "base64")).isEqualTo(BYTES);
    assertThatThrownBy(() -> Encodings.toBytes("data:image/png;base64,iVBOR", "base64")).hasMessage("base64 encode error");
    assertThatThrownBy(() -> Encodings.toBytes("abcde", "base64")).hasMessage("base64 encode error");
    assertThatThrownBy(() -> Encodings.require("gbk")).hasMessage("Invalid argument");
  }
}
