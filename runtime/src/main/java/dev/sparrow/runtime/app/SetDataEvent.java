package dev.sparrow.runtime.app;

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
 * Where one {@code setData} goes in the view layer, as a JFR event: recorded only while a recording enables
 * {@code dev.sparrow.SetData} (off otherwise: no clock is read). The steps are the session thread's CPU time, which
 * a busy machine does not inflate; the event's own duration is wall time. {@code bench/run SetDataBench … profile}
 * prints their medians.
 */
@Name(SetDataEvent.NAME)
@Label("setData in the view layer")
@Category("Sparrow")
@Description("A setData payload parsed, applied to the view (path updates, render, diff) and its patches handed on")
@StackTrace(false)
public final class SetDataEvent extends Event {
  public static final String NAME = "dev.sparrow.SetData";

  @Label("Page")
  int pageId;
  @Label("Instance")
  int instance;
  @Label("Payload characters")
  int chars;
  @Label("Patches")
  int patches;
  @Label("JSON parse CPU")
  @Timespan
  long parse;
  @Label("View update CPU (path apply, render, diff)")
  @Timespan
  long view;
  @Label("Patch listeners CPU (screens, animations, images)")
  @Timespan
  long listeners;
  @Label("Component lifecycle drain CPU")
  @Timespan
  long drain;

  private transient long mark;

  /** Starts the event; the first step's time runs from here. */
  void start(int pageId, int instance, String json) {
    begin();
    this.pageId = pageId;
    this.instance = instance;
    this.chars = json == null ? 0 : json.length();
    mark = Cpu.THREADS.getCurrentThreadCpuTime();
  }

  /** CPU time since the last step (or the start), and the mark moved to now. */
  long step() {
    long now = Cpu.THREADS.getCurrentThreadCpuTime();
    long spent = now - mark;
    mark = now;
    return spent;
  }

  /** Loaded on the first recorded event only: the JVM's thread bean takes tens of milliseconds to make. */
  private static final class Cpu {
    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  }
}
