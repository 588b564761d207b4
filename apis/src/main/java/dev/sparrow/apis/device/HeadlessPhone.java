package dev.sparrow.apis.device;

import java.util.ArrayList;
import java.util.List;

/**
 * The phone's own state a mini program changes or hands over to: the screen's brightness (0–1, 0.5 at start) and
 * keep-on flag, calls placed ({@code makePhoneCall}), places shown on the map ({@code openLocation}), the top bar's
 * text. Headless nothing happens but the record. Thread-safe.
 */
public final class HeadlessPhone {
  /** A place {@code openLocation} showed. */
  public record ShownPlace(double latitude, double longitude, double scale, String name, String address) {}

  private final List<String> calls = new ArrayList<>();
  private final List<ShownPlace> shown = new ArrayList<>();
  private double brightness = 0.5;
  private boolean keepScreenOn;
  private String topBarText = "";

  public synchronized double brightness() {
    return brightness;
  }

  public synchronized void brightness(double value) {
    brightness = Math.max(0, Math.min(1, value));
  }

  public synchronized boolean keepScreenOn() {
    return keepScreenOn;
  }

  public synchronized void keepScreenOn(boolean on) {
    keepScreenOn = on;
  }

  public synchronized void call(String number) {
    calls.add(number);
  }

  /** The numbers called so far, in order. */
  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  public synchronized void show(ShownPlace place) {
    shown.add(place);
  }

  public synchronized List<ShownPlace> shownPlaces() {
    return List.copyOf(shown);
  }

  public synchronized void topBarText(String text) {
    topBarText = text;
  }

  public synchronized String topBarText() {
    return topBarText;
  }
}
