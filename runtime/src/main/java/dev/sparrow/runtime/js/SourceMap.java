package dev.sparrow.runtime.js;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a compiled file's positions came from: the {@code mappings} of the source map the compiler makes for one file
 * (one source, Base64 VLQ segments, lines separated by {@code ;}), kept as the compiled output's last line ({@link
 * #attach}), so the compile cache keeps it with the code, and read back when an error or stack names the file.
 */
public final class SourceMap {
  /** The comment that carries the mappings after the compiled code (a line of its own, so lines stay put). */
  static final String MARK = "\n//# sparrowMappings=";
  private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  /** Per generated line (0-based): its segments as (generated column, source line, source column), 0-based. */
  private final int[][] lines;

  private SourceMap(int[][] lines) {
    this.lines = lines;
  }

  /** {@code code} with {@code mappings} after it (nothing added when there are none). */
  public static String attach(String code, String mappings) {
    return mappings == null || mappings.isEmpty() ? code : code + MARK + mappings;
  }

  /**
   * The map {@link #attach} put after compiled code, if its last line is one (a bundle that holds compiled files,
   * such as a packed npm package, has theirs inside, which are not its own).
   */
  public static Optional<SourceMap> of(CharSequence compiled) {
    String text = compiled.toString();
    int at = text.lastIndexOf(MARK);
    if (at < 0 || text.indexOf('\n', at + MARK.length()) >= 0) {
      return Optional.empty();
    }
    return Optional.of(parse(text.substring(at + MARK.length())));
  }

  /**
   * Reads source map {@code mappings} (segments in column order on each line, as the format has them); a malformed
   * segment ends the map.
   */
  public static SourceMap parse(String mappings) {
    List<int[]> out = new ArrayList<>();
    int[] state = new int[5]; // generated column, source index, source line, source column, name index
    int i = 0;
    List<Integer> line = new ArrayList<>();
    while (i <= mappings.length()) {
      char c = i < mappings.length() ? mappings.charAt(i) : ';';
      if (c == ';') {
        out.add(line.stream().mapToInt(Integer::intValue).toArray());
        line = new ArrayList<>();
        state[0] = 0;
        i++;
        continue;
      }
      if (c == ',') {
        i++;
        continue;
      }
      int field = 0;
      int[] delta = new int[5];
      while (i < mappings.length() && mappings.charAt(i) != ',' && mappings.charAt(i) != ';') {
        int value = 0;
        int shift = 0;
        int digit;
        do {
          digit = i < mappings.length() ? BASE64.indexOf(mappings.charAt(i++)) : -1;
          if (digit < 0) {
            return new SourceMap(out.toArray(int[][]::new));
          }
          value += (digit & 31) << shift;
          shift += 5;
        } while ((digit & 32) != 0);
        if (field < 5) {
          delta[field++] = (value & 1) == 1 ? -(value >>> 1) : value >>> 1;
        }
      }
      for (int f = 0; f < field; f++) {
        state[f] += delta[f];
      }
      if (field >= 4) {
        line.add(state[0]);
        line.add(state[2]);
        line.add(state[3]);
      }
    }
    return new SourceMap(out.toArray(int[][]::new));
  }

  /**
   * The source position (1-based line and column) of generated {@code line}:{@code column} (1-based): the nearest
   * mapped segment at or before it on that line, as source-map consumers read it; empty when the line has none.
   */
  public Optional<int[]> original(int line, int column) {
    if (line < 1 || line > lines.length) {
      return Optional.empty();
    }
    int[] segments = lines[line - 1];
    int found = -1;
    for (int k = 0; k < segments.length; k += 3) {
      if (segments[k] <= column - 1) {
        found = k;
      } else {
        break;
      }
    }
    return found < 0 ? Optional.empty() : Optional.of(new int[] {segments[found + 1] + 1, segments[found + 2] + 1});
  }
}
