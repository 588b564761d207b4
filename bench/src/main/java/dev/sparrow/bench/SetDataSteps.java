package dev.sparrow.bench;

import dev.sparrow.runtime.app.SetDataEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording of the runtime's setData events over one measured phase of {@link SetDataBench}, printed as the
 * median CPU time of each step (parse, view update, patch listeners, drain, callback task).
 */
final class SetDataSteps {
  private static final String CALLBACK = "dev.sparrow.SetDataCallback";
  private static final String[] FIELDS = {"parse", "view", "listeners", "drain"};

  private final Recording recording;

  private SetDataSteps(Recording recording) {
    this.recording = recording;
  }

  static SetDataSteps start() {
    Recording r = new Recording();
    r.enable(SetDataEvent.NAME).withThreshold(Duration.ZERO);
    r.enable(CALLBACK).withThreshold(Duration.ZERO);
    r.start();
    return new SetDataSteps(r);
  }

  void stopAndPrint() {
    recording.stop();
    try {
      Path file = Files.createTempFile("setdata", ".jfr");
      try {
        recording.dump(file);
        print(RecordingFile.readAllEvents(file));
      } finally {
        Files.deleteIfExists(file);
        recording.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void print(List<RecordedEvent> events) {
    Map<String, List<Double>> steps = new LinkedHashMap<>();
    for (String f : FIELDS) {
      steps.put(f, new ArrayList<>());
    }
    steps.put("callback task", new ArrayList<>());
    steps.put("callback wait (wall, post → run)", new ArrayList<>());
    List<Double> chars = new ArrayList<>();
    List<Double> patches = new ArrayList<>();
    for (RecordedEvent e : events) {
      if (e.getEventType().getName().equals(SetDataEvent.NAME)) {
        for (String f : FIELDS) {
          steps.get(f).add(e.getLong(f) / 1e6);
        }
        chars.add((double) e.getInt("chars"));
        patches.add((double) e.getInt("patches"));
      } else if (e.getEventType().getName().equals(CALLBACK)) {
        steps.get("callback task").add(e.getLong("run") / 1e6);
        steps.get("callback wait (wall, post → run)").add(e.getDuration().toNanos() / 1e6 - e.getLong("run") / 1e6);
      }
    }
    System.out.printf("  JFR steps over %d setData (payload %.0f chars, %.0f patches, medians):%n",
        chars.size(), median(chars), median(patches));
    steps.forEach((name, ms) -> System.out.printf("    %-34s median %.3f ms, p90 %.3f%n", name, median(ms),
        quantile(ms, 0.9)));
  }

  private static double median(List<Double> xs) {
    return quantile(xs, 0.5);
  }

  private static double quantile(List<Double> xs, double q) {
    if (xs.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(xs);
    sorted.sort(null);
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
  }
}
