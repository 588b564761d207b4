package dev.sparrow.runtime.wx;

import static dev.sparrow.runtime.bridge.JsType.ARRAY;
import static dev.sparrow.runtime.bridge.JsType.BOOLEAN;
import static dev.sparrow.runtime.bridge.JsType.NUMBER;
import static dev.sparrow.runtime.bridge.JsType.STRING;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.device.HeadlessPhone;
import dev.sparrow.apis.device.Location;
import dev.sparrow.apis.device.MediaPicker;
import dev.sparrow.apis.device.Person;
import dev.sparrow.apis.files.FileSandbox;
import dev.sparrow.apis.location.Locations;
import dev.sparrow.runtime.bridge.ApiCall;
import dev.sparrow.runtime.bridge.ApiSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * What the person answers about themselves ({@link Person}): {@code getUserInfo} / {@code getUserProfile} (the
 * profile; denying → {@code auth deny}), {@code requestPayment} (paid, {@code fail cancel} or {@code fail <reason>}),
 * {@code chooseAddress} and {@code chooseLocation} (both must be declared in app.json's {@code requiredPrivateInfos},
 * as {@code getLocation}; cancel → {@code fail cancel}), {@code openLocation} (recorded on the {@link HeadlessPhone}),
 * and {@code chooseMessageFile} (files from a chat: the album device offering any file type).
 */
public final class PersonApis {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> IMAGE = Set.of("jpg", "jpeg", "png", "gif", "bmp", "webp", "heic");
  private static final Set<String> VIDEO = Set.of("mp4", "mov", "m4v", "avi", "3gp");

  private final Person person;
  private final HeadlessPhone phone;
  private final Location location;
  private final MediaPicker picker;
  private final FileSandbox files;
  private final Set<String> declared;
  private final LongSupplier nowMillis;
  private final Consumer<Throwable> internal;
  private final Executor blocking;

  /** @param declared app.json's {@code requiredPrivateInfos} */
  public PersonApis(Person person, HeadlessPhone phone, Location location, MediaPicker picker, FileSandbox files,
      Set<String> declared, LongSupplier nowMillis, Consumer<Throwable> internal, Executor blocking) {
    this.blocking = blocking;
    this.person = person;
    this.phone = phone;
    this.location = location;
    this.picker = picker;
    this.files = files;
    this.declared = Set.copyOf(declared);
    this.nowMillis = nowMillis;
    this.internal = internal;
  }

  public List<ApiSpec> specs() {
    return List.of(
        ApiSpec.async("getUserInfo").optional("withCredentials", BOOLEAN, false).optional("lang", STRING, "en")
            .returns("userInfo", "rawData", "signature", "encryptedData", "iv", "cloudID")
            .handle(c -> c.resolve(userInfo())),
        ApiSpec.async("getUserProfile").required("desc", STRING).optional("lang", STRING, "en")
            .returns("userInfo", "rawData", "signature", "encryptedData", "iv", "cloudID")
            .handle(c -> ask(c, person.shareProfile(c.string("desc")), yes -> {
              if (!yes) {
                throw ApiFailure.of("auth deny");
              }
              return userInfo();
            })),
        ApiSpec.async("requestPayment").required("timeStamp", STRING).required("nonceStr", STRING)
            .required("package", STRING).optional("signType", STRING, "MD5").required("paySign", STRING)
            .handle(c -> ask(c, person.pay(c.string("package")), p -> switch (p.outcome()) {
              case PAID -> Map.of();
              case CANCELLED -> throw ApiFailure.of("cancel");
              case FAILED -> throw ApiFailure.of(p.reason());
            })),
        ApiSpec.async("chooseAddress")
            .returns("userName", "postalCode", "provinceName", "cityName", "countyName", "streetName", "detailInfo",
                "detailInfoNew", "nationalCode", "telNumber")
            .handle(c -> {
              if (notDeclared(c)) {
                return;
              }
              ask(c, person.chooseAddress(), a -> address(a.orElseThrow(() -> ApiFailure.of("cancel"))));
            }),
        ApiSpec.async("chooseLocation").optional("latitude", NUMBER).optional("longitude", NUMBER)
            .returns("name", "address", "latitude", "longitude")
            .handle(c -> {
              if (notDeclared(c)) {
                return;
              }
              Location.Fix here = location.current();
              double lat = c.has("latitude") ? c.number("latitude") : here.latitude();
              double lon = c.has("longitude") ? c.number("longitude") : here.longitude();
              ask(c, person.chooseLocation(lat, lon), p -> {
                Person.Place place = p.orElseThrow(() -> ApiFailure.of("cancel"));
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("name", place.name());
                r.put("address", place.address());
                r.put("latitude", place.latitude());
                r.put("longitude", place.longitude());
                return r;
              });
            }),
        ApiSpec.async("openLocation").required("latitude", NUMBER).required("longitude", NUMBER)
            .optional("scale", NUMBER, 18).optional("name", STRING, "").optional("address", STRING, "")
            .handle(c -> {
              phone.show(new HeadlessPhone.ShownPlace(c.number("latitude"), c.number("longitude"), c.number("scale"),
                  c.string("name"), c.string("address")));
              c.resolve();
            }),
        ApiSpec.async("chooseMessageFile").required("count", NUMBER).optional("type", STRING, "all")
            .optional("extension", ARRAY).returns("tempFiles")
            .handle(this::chooseMessageFile));
  }

  /** Settles {@code c} from the person's answer; while a front-end waits for them, the call waits for a user. */
  private <T> void ask(ApiCall c, CompletionStage<T> answer, Function<T, Map<String, Object>> result) {
    Stages.settle(c, answer, result, internal);
    if (!c.isSettled()) {
      c.awaitUser();
    }
  }

  private boolean notDeclared(ApiCall c) {
    if (declared.contains(c.api())) {
      return false;
    }
    c.reject(Locations.NOT_DECLARED);
    return true;
  }

  /** What {@code getUserInfo} answers (and a {@code <button open-type="getUserInfo">}'s event), without errMsg. */
  public Map<String, Object> userInfo() {
    Person.Profile p = person.profile();
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("nickName", p.nickName());
    info.put("avatarUrl", p.avatarUrl());
    info.put("gender", p.gender());
    info.put("country", p.country());
    info.put("province", p.province());
    info.put("city", p.city());
    info.put("language", p.language());
    String raw;
    try {
      raw = JSON.writeValueAsString(info);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("userInfo", info);
    r.put("rawData", raw);
    r.put("signature", sha1(raw));
    r.put("encryptedData", "");
    r.put("iv", "");
    return r;
  }

  private static Map<String, Object> address(Person.Address a) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("userName", a.userName());
    r.put("postalCode", a.postalCode());
    r.put("provinceName", a.provinceName());
    r.put("cityName", a.cityName());
    r.put("countyName", a.countyName());
    r.put("streetName", a.streetName());
    r.put("detailInfo", a.detailInfo());
    r.put("detailInfoNew", a.detailInfoNew());
    r.put("nationalCode", a.nationalCode());
    r.put("telNumber", a.telNumber());
    return r;
  }

  private void chooseMessageFile(ApiCall c) {
    int count = (int) Math.max(1, Math.min(100, c.number("count")));
    String type = c.string("type");
    List<String> extensions = c.has("extension") ? c.strings("extension") : List.of();
    String mediaType = switch (type) {
      case "image" -> "image";
      case "video" -> "video";
      case "file" -> "file";
      default -> "all";
    };
    long now = nowMillis.getAsLong() / 1000;
    // the picked files are copied on the blocking threads, never on the loop
    Stages.settle(c, picker.pick(new MediaPicker.Request(mediaType, count, List.of("album"))).thenApplyAsync(pick -> {
      List<Map<String, Object>> out = new ArrayList<>();
      for (Path f : pick.files()) {
        String name = f.getFileName().toString();
        String ext = extension(name);
        if (!extensions.isEmpty() && extensions.stream().noneMatch(e -> e.replace(".", "").equalsIgnoreCase(ext))) {
          continue;
        }
        try {
          FileSandbox.LocalFile temp = files.newTempFile(ext);
          Files.copy(f, temp.file(), StandardCopyOption.REPLACE_EXISTING);
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("path", temp.path());
          m.put("size", Files.size(temp.file()));
          m.put("name", name);
          m.put("type", IMAGE.contains(ext) ? "image" : VIDEO.contains(ext) ? "video" : "file");
          m.put("time", now);
          out.add(m);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      if (out.isEmpty()) {
        throw ApiFailure.of("cancel");
      }
      return Map.<String, Object>of("tempFiles", out);
    }, blocking), r -> r, internal);
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
