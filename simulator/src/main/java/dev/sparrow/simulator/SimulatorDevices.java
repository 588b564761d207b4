package dev.sparrow.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.apis.device.AudioOutput;
import dev.sparrow.apis.device.HeadlessAlbum;
import dev.sparrow.apis.device.HeadlessMicrophone;
import dev.sparrow.apis.device.HeadlessPermissions;
import dev.sparrow.apis.device.ImageViewer;
import dev.sparrow.apis.device.MediaPicker;
import dev.sparrow.apis.device.Microphone;
import dev.sparrow.apis.device.Permissions;
import dev.sparrow.apis.device.TimelineAudioOutput;
import dev.sparrow.apis.ui.Dialogs;
import dev.sparrow.apis.ui.HeadlessDialogs;
import dev.sparrow.runtime.DeviceHooks;
import dev.sparrow.simulator.device.BrowserAlbum;
import dev.sparrow.simulator.device.BrowserDialogs;
import dev.sparrow.simulator.device.BrowserPerson;
import dev.sparrow.simulator.device.BrowserScanner;
import dev.sparrow.apis.device.HeadlessPerson;
import dev.sparrow.apis.device.Person;
import dev.sparrow.apis.device.HeadlessScanner;
import dev.sparrow.apis.device.Scanner;
import dev.sparrow.simulator.device.BrowserDocuments;
import dev.sparrow.apis.files.DocumentViewer;
import dev.sparrow.simulator.device.BrowserMicrophone;
import dev.sparrow.simulator.device.BrowserPermissions;
import dev.sparrow.simulator.device.BrowserSpeaker;
import dev.sparrow.simulator.device.Prompts;
import java.util.ArrayList;
import java.util.List;

/** The session's devices when it runs in the simulator: each wraps the headless one (see {@link DeviceHooks}). */
final class SimulatorDevices implements DeviceHooks {
  final Prompts prompts;
  private final Browsers browsers;
  volatile BrowserDialogs dialogs;
  volatile BrowserPermissions permissions;
  volatile BrowserAlbum album;
  volatile BrowserMicrophone microphone;
  volatile BrowserSpeaker speaker;
  volatile BrowserDocuments documents;

  SimulatorDevices(Browsers browsers) {
    this.browsers = browsers;
    this.prompts = new Prompts(browsers::broadcast);
  }

  @Override
  public Dialogs dialogs(HeadlessDialogs headless, Context context) {
    dialogs = new BrowserDialogs(headless, prompts, browsers::broadcast);
    return dialogs;
  }

  @Override
  public Scanner scanner(HeadlessScanner headless, Context context) {
    return new BrowserScanner(headless, dialogs);
  }

  @Override
  public Person person(HeadlessPerson headless, Context context) {
    return new BrowserPerson(headless, dialogs);
  }

  @Override
  public Permissions permissions(HeadlessPermissions headless, Context context) {
    permissions = new BrowserPermissions(headless, prompts);
    return permissions;
  }

  @Override
  public MediaPicker picker(HeadlessAlbum headless, Context context) {
    return album(headless);
  }

  @Override
  public ImageViewer imageViewer(HeadlessAlbum headless, Context context) {
    return album(headless);
  }

  private synchronized BrowserAlbum album(HeadlessAlbum headless) {
    if (album == null) {
      album = new BrowserAlbum(headless, prompts, browsers::connected);
    }
    return album;
  }

  @Override
  public Microphone microphone(HeadlessMicrophone headless, Context context) {
    microphone = new BrowserMicrophone(headless, browsers::broadcast, browsers::connected);
    return microphone;
  }

  @Override
  public DocumentViewer documents(DocumentViewer headless, Context context) {
    documents = new BrowserDocuments(headless, prompts, browsers::connected);
    return documents;
  }

  @Override
  public AudioOutput speaker(TimelineAudioOutput headless, Context context) {
    speaker = new BrowserSpeaker(headless, context.loop(), browsers::broadcast, browsers::connected);
    return speaker;
  }

  /** What a tab that connects must see of the devices: the toast, open prompts, loaded tracks. */
  List<ObjectNode> replay() {
    List<ObjectNode> out = new ArrayList<>();
    if (dialogs != null) {
      out.addAll(dialogs.replay());
    }
    out.addAll(prompts.replay());
    if (speaker != null) {
      out.addAll(speaker.replay());
    }
    return out;
  }
}
