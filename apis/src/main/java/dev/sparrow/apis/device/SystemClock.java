package dev.sparrow.apis.device;

/** {@link Clock} backed by {@link System#currentTimeMillis()}. */
final class SystemClock implements Clock {
  static final SystemClock INSTANCE = new SystemClock();

  private SystemClock() {}

  @Override
  public long epochMillis() {
    return System.currentTimeMillis();
  }

  @Override
  public String toString() {
    return "SystemClock";
  }
}
