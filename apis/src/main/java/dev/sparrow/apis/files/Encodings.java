package dev.sparrow.apis.files;

import dev.sparrow.apis.ApiFailure;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * The text encodings of FileSystemManager reads and writes (spec files.md §8): {@code ascii},
 * {@code base64}, {@code binary}, {@code hex}, {@code ucs2}/{@code ucs-2}/{@code
 * utf16le}/{@code utf-16le}, {@code utf-8}/{@code utf8}, {@code latin1}, with Node's Buffer
 * semantics (WeChat's FS API is modelled on Node's). Pure functions.
 */
public final class Encodings {
  /** Every name WeChat accepts. */
  public static final Set<String> NAMES =
      Set.of("ascii", "base64", "binary", "hex", "ucs2", "ucs-2", "utf16le", "utf-16le", "utf-8", "utf8", "latin1");

  private Encodings() {}

  /** Whether {@code encoding} is one WeChat accepts (case-insensitive, as Node). */
  public static boolean isKnown(String encoding) {
    return NAMES.contains(encoding.toLowerCase(Locale.ROOT));
  }

  /** The bytes {@code text} stands for in {@code encoding} (what {@code writeFile} stores). */
  public static byte[] toBytes(String text, String encoding) {
    switch (canonical(encoding)) {
      case "utf8":
        return text.getBytes(StandardCharsets.UTF_8);
      case "ascii":
      case "latin1":
        return lowBytes(text);
      case "ucs2":
        return text.getBytes(StandardCharsets.UTF_16LE);
      case "hex":
        return hexPrefix(text);
      case "base64":
        return base64(text);
      default:
        throw new IllegalStateException(encoding);
    }
  }

  /** {@code bytes} as text in {@code encoding} (what {@code readFile} returns). */
  public static String toText(byte[] bytes, String encoding) {
    switch (canonical(encoding)) {
      case "utf8":
        return new String(bytes, StandardCharsets.UTF_8);
      case "latin1":
        return new String(bytes, StandardCharsets.ISO_8859_1);
      case "ascii": {
        char[] c = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
          c[i] = (char) (bytes[i] & 0x7f);
        }
        return new String(c);
      }
      case "ucs2":
        return new String(bytes, 0, bytes.length & ~1, StandardCharsets.UTF_16LE);
      case "hex":
        return HexFormat.of().formatHex(bytes);
      case "base64":
        return Base64.getEncoder().encodeToString(bytes);
      default:
        throw new IllegalStateException(encoding);
    }
  }

  /** Fails with {@code Invalid argument} (1300022) for an encoding WeChat does not know. */
  public static void require(String encoding) {
    if (!isKnown(encoding)) {
      throw FileErrors.invalidArgument();
    }
  }

  private static String canonical(String encoding) {
    String e = encoding.toLowerCase(Locale.ROOT);
    switch (e) {
      case "utf8":
      case "utf-8":
        return "utf8";
      case "binary":
      case "latin1":
        return "latin1";
      case "ascii":
        return "ascii";
      case "ucs2":
      case "ucs-2":
      case "utf16le":
      case "utf-16le":
        return "ucs2";
      case "hex":
      case "base64":
        return e;
      default:
        throw FileErrors.invalidArgument();
    }
  }

  /** ascii, binary and latin1 writes keep the low byte of each UTF-16 unit, as Node does. */
  private static byte[] lowBytes(String text) {
    byte[] out = new byte[text.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) text.charAt(i);
    }
    return out;
  }

  /** Node decodes hex pairs up to the first invalid one. */
  private static byte[] hexPrefix(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 2);
    for (int i = 0; i + 1 < text.length(); i += 2) {
      int hi = Character.digit(text.charAt(i), 16);
      int lo = Character.digit(text.charAt(i + 1), 16);
      if (hi < 0 || lo < 0) {
        break;
      }
      out.write(hi * 16 + lo);
    }
    return out.toByteArray();
  }

  /**
   * Bare base64 (standard or URL-safe alphabet, padding optional, whitespace ignored). Anything
   * else — a {@code data:} URI, stray characters — is {@code base64 encode error} (1300203).
   */
  private static byte[] base64(String text) {
    StringBuilder clean = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        continue;
      }
      if (c == '-') {
        c = '+';
      } else if (c == '_') {
        c = '/';
      }
      clean.append(c);
    }
    int pad = clean.length() - clean.toString().replaceAll("=+$", "").length();
    String body = clean.substring(0, clean.length() - pad);
    if (pad > 2 || !body.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/')
        || body.length() % 4 == 1) {
      throw ApiFailure.of("base64 encode error", FileErrors.BASE64_ERROR);
    }
    return Base64.getDecoder().decode(body + "==".substring(0, (4 - body.length() % 4) % 4));
  }
}
