package dev.sparrow.runtime;

import dev.sparrow.apis.device.AudioOutput;
import dev.sparrow.apis.device.HeadlessAlbum;
import dev.sparrow.apis.device.HeadlessMicrophone;
import dev.sparrow.apis.device.HeadlessPermissions;
import dev.sparrow.apis.device.HeadlessPerson;
import dev.sparrow.apis.device.HeadlessScanner;
import dev.sparrow.apis.device.ImageViewer;
import dev.sparrow.apis.device.MediaPicker;
import dev.sparrow.apis.device.Microphone;
import dev.sparrow.apis.device.Permissions;
import dev.sparrow.apis.device.Person;
import dev.sparrow.apis.device.Scanner;
import dev.sparrow.apis.device.TimelineAudioOutput;
import dev.sparrow.apis.files.DocumentViewer;
import dev.sparrow.apis.media.MediaLoop;
import dev.sparrow.apis.ui.Dialogs;
import dev.sparrow.apis.ui.HeadlessDialogs;

/**
 * Lets a front-end stand in for the session's devices (the browser simulator asks the person in the
 * browser). Each method receives the headless device the session would use and returns the one the
 * APIs talk to; the default keeps the headless one. A front-end usually wraps it, so that the
 * session's own controls ({@link Session#answerModal}, {@link Session#album()}…) keep working and
 * the headless behaviour applies while nobody is connected. Called once, on the session thread,
 * while the session starts.
 */
public interface DeviceHooks {
  /** What the session offers the devices: its loop (post, timers, in-flight I/O) and clock. */
  record Context(MediaLoop loop, String appId) {}

  DeviceHooks HEADLESS = new DeviceHooks() {};

  default Dialogs dialogs(HeadlessDialogs headless, Context context) {
    return headless;
  }

  default Permissions permissions(HeadlessPermissions headless, Context context) {
    return headless;
  }

  /** The album and camera of {@code chooseImage}/{@code chooseMedia}. */
  default MediaPicker picker(HeadlessAlbum headless, Context context) {
    return headless;
  }

  /** The full-screen viewer of {@code previewImage}. */
  default ImageViewer imageViewer(HeadlessAlbum headless, Context context) {
    return headless;
  }

  default Microphone microphone(HeadlessMicrophone headless, Context context) {
    return headless;
  }

  /** The viewer {@code wx.openDocument} opens (the headless one checks and records documents). */
  default DocumentViewer documents(DocumentViewer headless, Context context) {
    return headless;
  }

  /** The code scanner of {@code wx.scanCode}. */
  default Scanner scanner(HeadlessScanner headless, Context context) {
    return headless;
  }

  /** The person's sheets: profile consent, payment, address, place on the map. */
  default Person person(HeadlessPerson headless, Context context) {
    return headless;
  }

  /** The speaker of voice, InnerAudioContext and background audio. */
  default AudioOutput speaker(TimelineAudioOutput headless, Context context) {
    return headless;
  }
}
