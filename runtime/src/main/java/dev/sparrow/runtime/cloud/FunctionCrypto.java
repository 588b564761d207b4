package dev.sparrow.runtime.cloud;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a cloud function's Node {@code crypto} needs from the JVM (the module itself is in
 * {@code sparrow-cloud-function.js}): digests, HMACs and PBKDF2 over the JDK's {@link MessageDigest} and {@link Mac},
 * random bytes from a {@link SecureRandom}. Bytes cross as base64 text; an algorithm outside the table, or anything
 * the JDK refuses, answers null (the module throws Node's error), so no Java exception reaches the function.
 */
final class FunctionCrypto {
  /** The most bytes one call makes or hashes into a key (Sparrow's bound; Node's is 2 GiB). */
  static final int MAX_BYTES = 16 << 20;
  /** PBKDF2 looks at the call's stop flag every this many rounds. */
  private static final int STOP_CHECK_ROUNDS = 1024;

  /** A digest by Node's (OpenSSL's) name: the JDK's digest and HMAC names. */
  private record Algorithm(String digest, String mac) {}

  /** Node's names, lower case; Node takes them in any case. */
  private static final Map<String, Algorithm> ALGORITHMS = Map.ofEntries(
      Map.entry("md5", new Algorithm("MD5", "HmacMD5")),
      Map.entry("sha1", new Algorithm("SHA-1", "HmacSHA1")),
      Map.entry("sha224", new Algorithm("SHA-224", "HmacSHA224")),
      Map.entry("sha256", new Algorithm("SHA-256", "HmacSHA256")),
      Map.entry("sha384", new Algorithm("SHA-384", "HmacSHA384")),
      Map.entry("sha512", new Algorithm("SHA-512", "HmacSHA512")),
      Map.entry("sha512-224", new Algorithm("SHA-512/224", "HmacSHA512/224")),
      Map.entry("sha512-256", new Algorithm("SHA-512/256", "HmacSHA512/256")),
      Map.entry("sha3-224", new Algorithm("SHA3-224", "HmacSHA3-224")),
      Map.entry("sha3-256", new Algorithm("SHA3-256", "HmacSHA3-256")),
      Map.entry("sha3-384", new Algorithm("SHA3-384", "HmacSHA3-384")),
      Map.entry("sha3-512", new Algorithm("SHA3-512", "HmacSHA3-512")));
  /** The names in the order {@code crypto.getHashes()} lists them. */
  static final List<String> NAMES = ALGORITHMS.keySet().stream().sorted().toList();

  private final SecureRandom random;

  FunctionCrypto(SecureRandom random) {
    this.random = random;
  }

  /** The digest of {@code data} (base64) with Node's algorithm {@code name}, base64; null for an unknown one. */
  String digest(String name, String data) {
    Algorithm a = algorithm(name);
    byte[] bytes = decode(data);
    if (a == null || bytes == null) {
      return null;
    }
    try {
      return encode(MessageDigest.getInstance(a.digest()).digest(bytes));
    } catch (GeneralSecurityException e) {
      return null;
    }
  }

  /** The HMAC of {@code data} under {@code key} (both base64), base64; null for an unknown algorithm. */
  String hmac(String name, String key, String data) {
    byte[] bytes = decode(data);
    Mac mac = mac(name, decode(key));
    return mac == null || bytes == null ? null : encode(mac.doFinal(bytes));
  }

  /**
   * PBKDF2 (RFC 8018) with HMAC-{@code name}: {@code length} bytes from {@code password} and {@code salt} (base64),
   * base64; null for an unknown algorithm or once {@code stop} says the call is over.
   */
  String pbkdf2(String name, String password, String salt, int iterations, int length, BooleanSupplier stop) {
    byte[] s = decode(salt);
    Mac mac = mac(name, decode(password));
    if (mac == null || s == null || iterations < 1 || length < 0 || length > MAX_BYTES) {
      return null;
    }
    int size = mac.getMacLength();
    byte[] out = new byte[length];
    byte[] block = Arrays.copyOf(s, s.length + 4);
    for (int index = 1, at = 0; at < length; index++, at += size) {
      block[s.length] = (byte) (index >>> 24);
      block[s.length + 1] = (byte) (index >>> 16);
      block[s.length + 2] = (byte) (index >>> 8);
      block[s.length + 3] = (byte) index;
      byte[] u = mac.doFinal(block);
      byte[] t = u.clone();
      for (int round = 1; round < iterations; round++) {
        if (round % STOP_CHECK_ROUNDS == 0 && stop.getAsBoolean()) {
          return null;
        }
        u = mac.doFinal(u);
        for (int i = 0; i < t.length; i++) {
          t[i] ^= u[i];
        }
      }
      System.arraycopy(t, 0, out, at, Math.min(size, length - at));
    }
    return encode(out);
  }

  /** {@code n} random bytes, base64 (null past {@link #MAX_BYTES}). */
  String randomBytes(int n) {
    if (n < 0 || n > MAX_BYTES) {
      return null;
    }
    byte[] out = new byte[n];
    random.nextBytes(out);
    return encode(out);
  }

  private static Algorithm algorithm(String name) {
    return name == null ? null : ALGORITHMS.get(name.toLowerCase(Locale.ROOT));
  }

  /**
   * A Mac keyed with {@code key}. HMAC pads a key with zeros to the block size, so an empty key (which the JDK
   * refuses and Node takes) is the same key as one zero byte.
   */
  private static Mac mac(String name, byte[] key) {
    Algorithm a = algorithm(name);
    if (a == null || key == null) {
      return null;
    }
    try {
      Mac mac = Mac.getInstance(a.mac());
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, a.mac()));
      return mac;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] decode(String base64) {
    try {
      return base64 == null ? null : Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String encode(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
