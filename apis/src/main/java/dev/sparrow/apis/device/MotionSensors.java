package dev.sparrow.apis.device;

/**
 * The phone's motion sensors as they read now: accelerometer (g), compass (degrees from north), gyroscope (rad/s)
 * and device orientation (degrees), the values {@code wx.onAccelerometerChange} and its siblings report.
 */
public interface MotionSensors {
  /** x, y, z acceleration in g (a phone lying flat, screen up: 0, 0, -1). */
  record Acceleration(double x, double y, double z) {}

  /** Heading in degrees (0 north, 90 east) and its accuracy as Android names it ({@code high}…). */
  record Heading(double direction, String accuracy) {}

  /** Rotation rate around x, y, z in rad/s. */
  record Rotation(double x, double y, double z) {}

  /** Device orientation angles in degrees (W3C DeviceOrientation: alpha around z, beta around x, gamma around y). */
  record Orientation(double alpha, double beta, double gamma) {}

  Acceleration acceleration();

  Heading heading();

  Rotation rotation();

  Orientation orientation();
}
