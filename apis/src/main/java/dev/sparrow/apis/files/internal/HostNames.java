package dev.sparrow.apis.files.internal;

import dev.sparrow.apis.files.FileErrors;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Maps a file name as the mini program sees it to the name on the host disk and back. Plain ASCII
 * stays as it is; every other byte of the UTF-8 form (and {@code %} itself, and characters some
 * host file systems refuse) becomes {@code %XX}. So names never depend on the JVM's {@code
 * sun.jnu.encoding} (a JVM started without a UTF-8 locale cannot create {@code 中文.txt}).
 *
 * <p>A name the device allows (255 UTF-8 bytes) can triple in that form; when it would pass the
 * host's 255-byte limit, only {@code %} and the refused ASCII characters are escaped and the rest is
 * kept as UTF-8 (which needs a UTF-8 host locale). Decoding is the same for both forms, and each
 * name has exactly one host name, so the mapping stays one-to-one.
 */
public final class HostNames {
  private static final String HEX = "0123456789ABCDEF";

  private HostNames() {}

  /** Longest host file name in bytes. */
  public static final int MAX_HOST_NAME = 255;

  /**
   * The host name of {@code name}.
   *
   * @throws dev.sparrow.apis.ApiFailure {@code File name too long} if even the short form is over
   *     {@value #MAX_HOST_NAME} bytes
   */
  public static String encode(String name) {
    boolean plain = true;
    for (int i = 0; i < name.length() && plain; i++) {
      plain = isPlain(name.charAt(i));
    }
    if (plain) {
      return name;
    }
    StringBuilder out = new StringBuilder(name.length() + 16);
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && isPlain(c)) {
        out.append(c);
      } else {
        escape(out, b);
      }
    }
    if (out.length() <= MAX_HOST_NAME) {
      return out.toString();
    }
    StringBuilder shorter = new StringBuilder(name.length() + 16);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x80 && !isPlain(c)) {
        escape(shorter, (byte) c);
      } else {
        shorter.append(c);
      }
    }
    String result = shorter.toString();
    if (result.getBytes(StandardCharsets.UTF_8).length > MAX_HOST_NAME) {
      throw FileErrors.nameTooLong();
    }
    return result;
  }

  private static void escape(StringBuilder out, byte b) {
    out.append('%').append(HEX.charAt((b >> 4) & 0xf)).append(HEX.charAt(b & 0xf));
  }

  public static String decode(String hostName) {
    if (hostName.indexOf('%') < 0) {
      return hostName;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(hostName.length());
    for (int i = 0; i < hostName.length(); i++) {
      char c = hostName.charAt(i);
      int hi = c == '%' && i + 2 < hostName.length() ? Character.digit(hostName.charAt(i + 1), 16) : -1;
      int lo = hi < 0 ? -1 : Character.digit(hostName.charAt(i + 2), 16);
      if (lo >= 0) {
        out.write(hi * 16 + lo);
        i += 2;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean isPlain(char c) {
    return c >= 0x20 && c < 0x7f && "%/\\:*?\"<>|".indexOf(c) < 0;
  }
}
