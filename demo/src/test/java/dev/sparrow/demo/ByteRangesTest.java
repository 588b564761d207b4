package dev.sparrow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteRangesTest {
  @ParameterizedTest(name = "Range: {0} of 1000 bytes → {1}")
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      "null              | whole",
      "bytes=0-99        | 0-99",
      "bytes=100-        | 100-999",
      "bytes=-100        | 900-999",
      "bytes=-5000       | 0-999",
      "bytes=990-2000    | 990-999",
      "BYTES=1-1         | 1-1",
      "bytes=999-999     | 999-999",
      "bytes=1000-       | unsatisfiable",
      "bytes=5000-6000   | unsatisfiable",
      "bytes=-0          | unsatisfiable",
      "bytes=0-1,5-6     | whole",
      "bytes=50-10       | whole",
      "items=0-10        | whole",
      "bytes=abc-        | whole",
      "bytes=-           | whole",
      "bytes=10          | whole",
      "bytes=0-99999999999999999999 | whole"})
  void answers(String header, String expected) {
    ByteRanges.Answer a = ByteRanges.of(header, 1000);
    String got = a instanceof ByteRanges.Partial p ? p.range().first() + "-" + p.range().last()
        : a instanceof ByteRanges.Unsatisfiable ? "unsatisfiable" : "whole";
    assertThat(got).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"bytes=0-, 0", "bytes=-1, 0"})
  void anEmptyResourceHasNoSatisfiableRange(String header, long length) {
    assertThat(ByteRanges.of(header, length)).isInstanceOf(ByteRanges.Unsatisfiable.class);
  }
}
