package dev.sparrow.apis.device;

/** Where the phone is: the positioning hardware behind {@code wx.getLocation}. */
public interface Location {
  /**
   * A position fix in WGS-84 (what GPS reports).
   *
   * @param altitude metres above sea level
   * @param accuracy horizontal accuracy in metres
   * @param speed metres per second, -1 when unknown
   */
  record Fix(double latitude, double longitude, double altitude, double accuracy, double speed) {}

  /** The current fix. */
  Fix current();
}
