package dev.sparrow.apis.cloud;

import dev.sparrow.apis.storage.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Cloud storage of one appid: the files of environment {@code env} live under {@code <root>/<env>/<cloudPath>}
 * and are named by WeChat-shaped file IDs, {@code cloud://<env>.<bucket>/<cloudPath>}, where the bucket is
 * {@code <hex of the env's first two characters>-<env>-<ten digits drawn from the appid>} as the cloud console
 * shows it (e.g. {@code cloud://notes-dev.6e6f-notes-dev-1312345678/a.png}). Writes are atomic; thread-safe
 * through the file system (sessions of one appid share the folder). Each file's uploader ({@code _openid}, the
 * owner the storage permission modes check) is kept beside it in {@code <root>/.owners/<env>/<cloudPath>}; a file
 * without that record (uploaded by a cloud function, or copied in by hand) belongs to nobody, as the console's.
 */
public final class CloudStorage {
  /** WeChat's error text for a file ID that names no stored file. */
  public static final String FILE_NONEXIST = "STORAGE_FILE_NONEXIST";

  private static final Pattern FILE_ID = Pattern.compile("cloud://([A-Za-z0-9_\\-]{1,64})\\.([^/]+)/(.+)");
  private static final Pattern ENV = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");
  private static final int MAX_PATH = 850;
  private static final String OWNERS = ".owners";

  private final Path root;
  private final String appNumber;

  /** The storage of {@code appId} under {@code root} (created on first upload). */
  public CloudStorage(Path root, String appId) {
    this.root = root;
    this.appNumber = Long.toString(1_300_000_000L + Math.floorMod(appId.hashCode(), 100_000_000));
  }

  /** A stored file: its environment, cloud path and host file (which may not exist). */
  public record Ref(String env, String cloudPath, Path file) {}

  /** A file in storage, as a listing shows it: its file ID and size in bytes. */
  public record Stored(String fileId, long size) {}

  /** The bucket name of {@code env}. */
  public String bucket(String env) {
    String head = env.length() >= 2 ? env.substring(0, 2) : env;
    return HexFormat.of().formatHex(head.getBytes(StandardCharsets.UTF_8)) + "-" + env + "-" + appNumber;
  }

  public String fileId(String env, String cloudPath) {
    return "cloud://" + env + "." + bucket(env) + "/" + cloudPath;
  }

  /** Whether {@code cloudPath} may name a file of {@code env}. */
  public boolean accepts(String env, String cloudPath) {
    return file(env, cloudPath).isPresent();
  }

  /** Stores {@code bytes} at {@code cloudPath} of {@code env} (replacing a file there); returns the file ID. */
  public String upload(String env, String cloudPath, byte[] bytes) throws IOException {
    return upload(env, cloudPath, bytes, null);
  }

  /**
   * Stores {@code bytes} at {@code cloudPath} of {@code env} as uploaded by {@code owner} (an openid; null: by
   * the server side, nobody's file), replacing a file there and its owner; returns the file ID.
   */
  public String upload(String env, String cloudPath, byte[] bytes, String owner) throws IOException {
    Path file = file(env, cloudPath).orElseThrow(() -> CloudError.invalid("cloudPath " + cloudPath));
    Path record = ownerRecord(env, cloudPath);
    if (owner == null) {
      Files.deleteIfExists(record);
    } else {
      Files.createDirectories(record.getParent());
      AtomicFiles.write(record, owner.getBytes(StandardCharsets.UTF_8)); // before the file: never a file unowned
    }
    Files.createDirectories(file.getParent());
    AtomicFiles.write(file, bytes);
    return fileId(env, cloudPath);
  }

  /** Who uploaded the stored file {@code ref} names: an openid, or empty (the server side, or not recorded). */
  public Optional<String> owner(Ref ref) {
    try {
      Path record = ownerRecord(ref.env(), ref.cloudPath());
      return Files.isRegularFile(record, LinkOption.NOFOLLOW_LINKS)
          ? Optional.of(Files.readString(record, StandardCharsets.UTF_8)).filter(o -> !o.isEmpty())
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** What {@code fileId} names, if it is a well-formed ID of this appid (whether or not the file exists). */
  public Optional<Ref> parse(String fileId) {
    Matcher m = FILE_ID.matcher(fileId == null ? "" : fileId);
    if (!m.matches() || !m.group(2).equals(bucket(m.group(1)))) {
      return Optional.empty();
    }
    return file(m.group(1), m.group(3)).map(f -> new Ref(m.group(1), m.group(3), f));
  }

  /** The host file of an existing stored file. */
  public Optional<Path> existing(String fileId) {
    return parse(fileId).map(Ref::file).filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS));
  }

  /**
   * The stored files of every environment, sorted by file ID, at most {@code max} of them (files being written,
   * and names no file ID can carry, are left out).
   */
  public List<Stored> list(int max) throws IOException {
    List<Stored> found = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return found;
    }
    try (Stream<Path> envs = Files.list(root)) {
      for (Path envDir : envs.filter(Files::isDirectory).toList()) {
        String env = envDir.getFileName().toString();
        try (Stream<Path> walk = Files.walk(envDir)) {
          walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).forEach(f -> {
            String cloudPath = envDir.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
            if (file(env, cloudPath).isPresent()) {
              found.add(new Stored(fileId(env, cloudPath), f.toFile().length()));
            }
          });
        }
      }
    }
    found.sort((a, b) -> a.fileId().compareTo(b.fileId()));
    return found.size() > max ? List.copyOf(found.subList(0, max)) : found;
  }

  /** Deletes the file; false when there was none. */
  public boolean delete(String fileId) throws IOException {
    Optional<Ref> ref = parse(fileId).filter(r -> Files.isRegularFile(r.file(), LinkOption.NOFOLLOW_LINKS));
    if (ref.isEmpty() || !Files.deleteIfExists(ref.get().file())) {
      return false;
    }
    Files.deleteIfExists(ownerRecord(ref.get().env(), ref.get().cloudPath()));
    return true;
  }

  /** Where the owner of a (valid) {@code cloudPath} of {@code env} is recorded; outside every env folder. */
  private Path ownerRecord(String env, String cloudPath) {
    return root.resolve(OWNERS).resolve(env).resolve(cloudPath);
  }

  /** The host file for {@code cloudPath} in {@code env}: relative, no empty, {@code .} or {@code ..} segment. */
  private Optional<Path> file(String env, String cloudPath) {
    if (!ENV.matcher(env).matches() || cloudPath.isEmpty() || cloudPath.length() > MAX_PATH
        || cloudPath.startsWith("/") || cloudPath.indexOf('\\') >= 0 || cloudPath.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    for (String seg : cloudPath.split("/", -1)) {
      if (seg.isEmpty() || seg.equals(".") || seg.equals("..") || seg.startsWith(AtomicFiles.TEMP_PREFIX)) {
        return Optional.empty();
      }
    }
    try {
      Path base = root.resolve(env).normalize();
      Path file = base.resolve(cloudPath).normalize();
      return file.startsWith(base) && !file.equals(base) ? Optional.of(file) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }
}
