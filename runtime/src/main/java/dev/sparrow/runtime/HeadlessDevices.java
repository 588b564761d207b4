package dev.sparrow.runtime;

import dev.sparrow.apis.device.HeadlessAlbum;
import dev.sparrow.apis.device.HeadlessLocation;
import dev.sparrow.apis.device.HeadlessMicrophone;
import dev.sparrow.apis.device.HeadlessMotionSensors;
import dev.sparrow.apis.device.HeadlessPermissions;
import dev.sparrow.apis.device.HeadlessPerson;
import dev.sparrow.apis.device.HeadlessPhone;
import dev.sparrow.apis.device.HeadlessScanner;
import dev.sparrow.apis.device.TimelineAudioOutput;
import dev.sparrow.apis.files.DocumentViewer;
import dev.sparrow.apis.files.HeadlessDocumentViewer;
import dev.sparrow.runtime.js.EventLoop;
import java.nio.file.Path;

/**
 * The phone and the person as a test scripts them: album and camera, location, microphone and speaker, permission
 * prompts, code scanner, motion sensors, the person's answers, the phone's record, the document viewer. Set up from
 * the session's options; the wx APIs use them through {@link DeviceHooks}.
 */
final class HeadlessDevices {
  private final HeadlessAlbum album;
  private final HeadlessLocation location = new HeadlessLocation();
  private final HeadlessMicrophone microphone = new HeadlessMicrophone();
  private final HeadlessPermissions permissions;
  private final HeadlessScanner scanner = new HeadlessScanner();
  private final HeadlessMotionSensors sensors = new HeadlessMotionSensors();
  private final HeadlessPerson person = new HeadlessPerson();
  private final HeadlessPhone phone = new HeadlessPhone();
  private final TimelineAudioOutput speaker;
  private final DocumentViewer documentViewer;

  /** {@code appDataDir}: the app's data folder ({@code <dataDir>/<appid>}); the speaker's clock is {@code loop}'s. */
  HeadlessDevices(SessionOptions options, Path appDataDir, EventLoop loop) {
    this.documentViewer = options.documentViewer() != null ? options.documentViewer() : new HeadlessDocumentViewer();
    Path dataRoot = appDataDir.getParent();
    options.startLocation().ifPresent(fix -> location.moveTo(fix[0], fix[1]));
    options.scanResult().ifPresent(scanner::always);
    this.album = new HeadlessAlbum(options.albumDir(),
        options.photoAlbumDir() != null ? options.photoAlbumDir() : dataRoot.resolve("photo-album"));
    if (options.microphoneWav() != null) {
      microphone.wav(options.microphoneWav());
    } else if (options.microphoneTone() > 0) {
      microphone.tone(options.microphoneTone(), 0.5);
    }
    this.permissions = new HeadlessPermissions(options.permissionPolicy(), appDataDir.resolve("auth-settings.json"));
    this.speaker = new TimelineAudioOutput(loop.clock(), loop);
  }

  HeadlessAlbum album() {
    return album;
  }

  HeadlessLocation location() {
    return location;
  }

  HeadlessMicrophone microphone() {
    return microphone;
  }

  HeadlessPermissions permissions() {
    return permissions;
  }

  HeadlessScanner scanner() {
    return scanner;
  }

  HeadlessMotionSensors sensors() {
    return sensors;
  }

  HeadlessPerson person() {
    return person;
  }

  HeadlessPhone phone() {
    return phone;
  }

  TimelineAudioOutput speaker() {
    return speaker;
  }

  DocumentViewer documentViewer() {
    return documentViewer;
  }
}
