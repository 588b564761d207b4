package dev.sparrow.runtime;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * A {@code setData} callback from the view's patches to the callback's end, as a JFR event (recorded only while a
 * recording enables {@code dev.sparrow.SetDataCallback}): its duration is wall time from the post, {@code run} the
 * session thread's CPU time in the callback's task.
 */
@Name(SetDataCallbackEvent.NAME)
@Label("setData callback")
@Category("Sparrow")
@Description("The task that runs a setData callback once the view has the change")
@StackTrace(false)
final class SetDataCallbackEvent extends Event {
  static final String NAME = "dev.sparrow.SetDataCallback";

  @Label("Callback task CPU")
  @Timespan
  long run;

  /** Runs {@code task} as the callback's, timing it when the event is recorded. */
  static Runnable timed(Runnable task) {
    SetDataCallbackEvent e = new SetDataCallbackEvent();
    if (!e.isEnabled()) {
      return task;
    }
    e.begin();
    return () -> {
      long start = Cpu.THREADS.getCurrentThreadCpuTime();
      task.run();
      e.run = Cpu.THREADS.getCurrentThreadCpuTime() - start;
      e.commit();
    };
  }

  /** Loaded on the first recorded event only: the JVM's thread bean takes tens of milliseconds to make. */
  private static final class Cpu {
    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  }
}
