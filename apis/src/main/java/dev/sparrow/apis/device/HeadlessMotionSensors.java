package dev.sparrow.apis.device;

/**
 * A still phone lying flat, facing north, unless the host says otherwise ({@link #accelerate}, {@link #head},
 * {@link #rotate}, {@link #orient}); the sensor APIs report whatever is set at each tick. Thread-safe.
 */
public final class HeadlessMotionSensors implements MotionSensors {
  private volatile Acceleration acceleration = new Acceleration(0, 0, -1);
  private volatile Heading heading = new Heading(0, "high");
  private volatile Rotation rotation = new Rotation(0, 0, 0);
  private volatile Orientation orientation = new Orientation(0, 0, 0);

  public HeadlessMotionSensors accelerate(double x, double y, double z) {
    acceleration = new Acceleration(x, y, z);
    return this;
  }

  public HeadlessMotionSensors head(double direction) {
    heading = new Heading(((direction % 360) + 360) % 360, "high");
    return this;
  }

  public HeadlessMotionSensors rotate(double x, double y, double z) {
    rotation = new Rotation(x, y, z);
    return this;
  }

  public HeadlessMotionSensors orient(double alpha, double beta, double gamma) {
    orientation = new Orientation(alpha, beta, gamma);
    return this;
  }

  @Override
  public Acceleration acceleration() {
    return acceleration;
  }

  @Override
  public Heading heading() {
    return heading;
  }

  @Override
  public Rotation rotation() {
    return rotation;
  }

  @Override
  public Orientation orientation() {
    return orientation;
  }
}
