package dev.sparrow.apis.device;

/**
 * A scriptable position: where the test (or {@code --location LAT,LON}) says the phone is. By
 * default Tiananmen Square, Beijing (39.9087° N, 116.3975° E, WGS-84), standing still.
 */
public final class HeadlessLocation implements Location {
  public static final Fix DEFAULT = new Fix(39.9087, 116.3975, 44, 30, -1);

  private volatile Fix fix = DEFAULT;

  /** Moves the phone (WGS-84 degrees); altitude, accuracy and speed stay. */
  public HeadlessLocation moveTo(double latitude, double longitude) {
    Fix f = fix;
    fix = new Fix(latitude, longitude, f.altitude(), f.accuracy(), f.speed());
    return this;
  }

  /** Sets the whole fix. */
  public HeadlessLocation set(Fix fix) {
    this.fix = fix;
    return this;
  }

  @Override
  public Fix current() {
    return fix;
  }
}
