package dev.sparrow.demo;

import java.util.Optional;

/**
 * The {@code Range} header of a GET for a resource of known length (RFC 9110 §14): one byte range is
 * served as 206, a range that starts past the end is 416, and anything else (no header, several
 * ranges, another unit, a malformed value) is answered with the whole resource, which the RFC
 * allows a server to do.
 */
final class ByteRanges {
  private ByteRanges() {}

  /** Bytes {@code first}..{@code last}, both inclusive. */
  record Range(long first, long last) {
    long length() {
      return last - first + 1;
    }

    String contentRange(long total) {
      return "bytes " + first + "-" + last + "/" + total;
    }
  }

  /** What to answer. */
  sealed interface Answer permits Whole, Partial, Unsatisfiable {}

  record Whole() implements Answer {}

  record Partial(Range range) implements Answer {}

  record Unsatisfiable() implements Answer {}

  static Answer of(String header, long length) {
    if (header == null) {
      return new Whole();
    }
    String h = header.trim();
    if (!h.regionMatches(true, 0, "bytes=", 0, 6) || h.indexOf(',') >= 0) {
      return new Whole();
    }
    String spec = h.substring(6).trim();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return new Whole();
    }
    Optional<Long> first = number(spec.substring(0, dash));
    Optional<Long> last = number(spec.substring(dash + 1));
    if (spec.substring(0, dash).isBlank()) { // suffix: the last N bytes
      if (last.isEmpty()) {
        return new Whole();
      }
      long n = last.get();
      if (n == 0 || length == 0) {
        return new Unsatisfiable();
      }
      return new Partial(new Range(Math.max(0, length - n), length - 1));
    }
    if (first.isEmpty() || (!spec.substring(dash + 1).isBlank() && last.isEmpty())) {
      return new Whole();
    }
    long from = first.get();
    if (last.isPresent() && last.get() < from) {
      return new Whole();
    }
    if (from >= length) {
      return new Unsatisfiable();
    }
    long to = last.map(l -> Math.min(l, length - 1)).orElse(length - 1);
    return new Partial(new Range(from, to));
  }

  private static Optional<Long> number(String s) {
    String t = s.trim();
    if (t.isEmpty() || t.length() > 18 || !t.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(t));
  }
}
