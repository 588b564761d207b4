package dev.sparrow.runtime.js;

import dev.sparrow.apis.device.Clock;
import dev.sparrow.apis.device.Scheduler;
import dev.sparrow.apis.device.VirtualClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.WeakHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One session's thread: every piece of JavaScript runs here, one task at a time, as in WeChat's
 * logic layer. Other threads {@link #post} work to it; timers fire in session time ({@link Clock}).
 *
 * <p>The loop is <em>idle</em> when no task is queued or running, no timer is due, and no
 * {@linkplain #beginIo() I/O operation} is in flight. Timers due later do not keep it busy: with a
 * {@link VirtualClock} they wait for {@link #advance(Duration)}; with the system clock they fire
 * when their time comes.
 */
public final class EventLoop implements Scheduler, AutoCloseable {
  private final Clock clock;
  private final boolean virtual;
  private final Thread thread;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private final Consumer<Throwable> onTaskFailure;
  private long timerSeq;
  private int pendingIo;
  /** Deadlines of I/O now in flight, scheduled through {@link #deadlines()} and not yet fired or cancelled. */
  private int ioDeadlines;
  private boolean running;
  private boolean closed;
  private long taskCount;
  /** Tasks finished, and of them the {@link #call}s each thread made (under the lock; for {@link #finishedEvents}). */
  private long finishedTasks;
  private final Map<Thread, Long> callsFinished = new WeakHashMap<>();
  private volatile long runningTask;

  /** A task {@link #call} posts: its caller waits for it, so to that caller it is no {@link #awaitEventAfter} event. */
  private record CallTask(Thread caller, Runnable work) implements Runnable {
    @Override
    public void run() {
      work.run();
    }
  }

  /** A scheduled callback; ordered by due time, then by creation. */
  private final class Timer implements Comparable<Timer>, Cancellable {
    final long seq = ++timerSeq;
    long due;
    final Runnable task;
    volatile boolean cancelled;

    Timer(long due, Runnable task) {
      this.due = due;
      this.task = task;
    }

    @Override
    public int compareTo(Timer o) {
      int c = Long.compare(due, o.due);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }

    @Override
    public void cancel() {
      lock.lock();
      try {
        cancelled = true;
        timers.remove(this);
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * Starts the loop thread.
   *
   * @param name thread name
   * @param clock session time; a {@link VirtualClock} only moves through {@link #advance}
   * @param onTaskFailure receives anything a task throws (the loop itself goes on)
   */
  public EventLoop(String name, Clock clock, Consumer<Throwable> onTaskFailure) {
    this.clock = clock;
    this.virtual = clock instanceof VirtualClock;
    this.onTaskFailure = onTaskFailure;
    this.thread = new Thread(this::run, name);
    this.thread.setDaemon(true);
    this.thread.start();
  }

  public Clock clock() {
    return clock;
  }

  /** True on the loop's own thread. */
  public boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  /** Queues {@code task}; from any thread. Tasks posted after {@link #close()} are dropped. */
  public void post(Runnable task) {
    lock.lock();
    try {
      if (!closed) {
        tasks.addLast(task);
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code task} after {@code delayMillis} of session time; from any thread. */
  @Override
  public Cancellable schedule(long delayMillis, Runnable task) {
    lock.lock();
    try {
      Timer t = new Timer(clock.epochMillis() + Math.max(0, delayMillis), task);
      if (!closed) {
        timers.add(t);
        changed.signalAll();
      }
      return t;
    } finally {
      lock.unlock();
    }
  }

  /**
   * A scheduler for the deadlines of I/O in flight (network timeouts): timers on this loop's clock, so that on a
   * virtual clock a timeout elapses through {@link #advance}. While such a deadline is pending, {@link #advance} does
   * not wait for one operation in flight (a peer that never answers would otherwise stop the clock forever); it
   * still waits for every other one.
   */
  public Scheduler deadlines() {
    return (delayMillis, task) -> {
      AtomicBoolean open = new AtomicBoolean(true);
      Runnable release = () -> {
        if (open.compareAndSet(true, false)) {
          lock.lock();
          try {
            ioDeadlines--;
            changed.signalAll();
          } finally {
            lock.unlock();
          }
        }
      };
      lock.lock();
      try {
        ioDeadlines++;
      } finally {
        lock.unlock();
      }
      Cancellable timer = schedule(delayMillis, () -> {
        release.run();
        task.run();
      });
      return () -> {
        timer.cancel();
        release.run();
      };
    };
  }

  /**
   * Marks the start of an operation that will {@link #post} its result later, so the loop is not
   * idle meanwhile. Each call must be paired with one {@link #endIo()}.
   */
  public void beginIo() {
    lock.lock();
    try {
      pendingIo++;
    } finally {
      lock.unlock();
    }
  }

  /** Ends an operation started with {@link #beginIo()}. */
  public void endIo() {
    lock.lock();
    try {
      pendingIo--;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs {@code work} on the loop and waits for its result; runs it directly when already on the
   * loop.
   */
  public <T> T call(Callable<T> work, Duration timeout) {
    if (inLoop()) {
      try {
        return work.call();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    post(new CallTask(Thread.currentThread(), () -> {
      try {
        result.complete(work.call());
      } catch (Throwable t) {
        result.completeExceptionally(t);
      }
    }));
    try {
      return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the session", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the session did not answer within " + timeout.toMillis() + " ms", e);
    }
  }

  /**
   * Waits until the loop is idle (see class doc). Returns false if {@code timeout} passed first.
   */
  public boolean awaitIdle(Duration timeout) {
    return await("awaitIdle()", timeout, this::isIdleLocked);
  }

  /**
   * How many tasks have finished other than the calling thread's own {@link #call}s: timers that came due, work other
   * threads posted (an I/O answer) or called. A mark for {@link #awaitEventAfter}.
   */
  public long finishedEvents() {
    lock.lock();
    try {
      return eventsFor(Thread.currentThread());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until a task other than the calling thread's own {@link #call}s has finished since {@code mark} (from
   * {@link #finishedEvents}). Returns false if {@code timeout} passed first. With {@link #awaitIdle} this lets a
   * caller wait for a condition that page code reaches over several tasks (an animation's frames, an answer from
   * another thread) without sleeping: idle, mark, check, wait for an event after the mark, again. Taking the mark
   * before checking matters: an event that runs while the check's own calls do is then not missed, and the check's
   * calls do not count.
   */
  public boolean awaitEventAfter(long mark, Duration timeout) {
    Thread caller = Thread.currentThread();
    return await("awaitEventAfter()", timeout, () -> eventsFor(caller) > mark);
  }

  private long eventsFor(Thread caller) {
    return finishedTasks - callsFinished.getOrDefault(caller, 0L);
  }

  /** Waits until {@code done} (read under the lock) holds or the loop is closed; false on timeout. */
  private boolean await(String what, Duration timeout, BooleanSupplier done) {
    if (inLoop()) {
      throw new IllegalStateException(what + " called from the session's own thread");
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (!closed && !done.getAsBoolean()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        // a timer coming due on the system clock signals nothing: look again at least every 50 ms
        changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Moves a {@link VirtualClock} forward by {@code amount}, firing every timer due on the way at its
   * own instant and letting the work it causes settle before the next one. Returns false if the
   * session did not settle within {@code timeout}.
   */
  public boolean advance(Duration amount, Duration timeout) {
    if (!virtual) {
      throw new IllegalStateException("advance() needs a session with a virtual clock");
    }
    VirtualClock vc = (VirtualClock) clock;
    long target = vc.epochMillis() + amount.toMillis();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (!await("advance()", Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), this::isQuietLocked)) {
        return false;
      }
      long next;
      lock.lock();
      try {
        Timer t = timers.peek();
        next = t == null ? Long.MAX_VALUE : t.due;
        vc.moveTo(Math.min(next, target));
        changed.signalAll();
      } finally {
        lock.unlock();
      }
      if (next > target) {
        return await("advance()", Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), this::isQuietLocked);
      }
    }
  }

  /** A number identifying the task running now (each task gets the next one), or 0 while the loop waits. */
  public long runningTask() {
    return runningTask;
  }

  /** The id of the loop's thread (for its CPU time). */
  @SuppressWarnings("deprecation") // Thread.threadId() arrives in Java 19; the baseline is 17
  public long threadId() {
    return thread.getId();
  }

  /**
   * The running task starts over as far as the watchdog is concerned (a new task number): called after a long but
   * finite step that is not page code (parsing a large module such as a 1 MB chart library), so that the code after
   * it gets its full time.
   */
  public void restartTaskClock() {
    if (runningTask != 0) {
      runningTask = ++taskCount;
    }
  }

  /** Number of timers not yet fired or cancelled. */
  public int pendingTimers() {
    lock.lock();
    try {
      return timers.size();
    } finally {
      lock.unlock();
    }
  }

  /** Stops the loop; queued tasks and timers are dropped. Waits briefly for the thread to end. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      tasks.clear();
      timers.clear();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (!inLoop()) {
      try {
        thread.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  public boolean isClosed() {
    lock.lock();
    try {
      return closed;
    } finally {
      lock.unlock();
    }
  }

  /** Idle but for I/O that waits on a deadline of this loop's clock ({@link #deadlines()}). */
  private boolean isQuietLocked() {
    if (running || !tasks.isEmpty() || pendingIo > ioDeadlines) {
      return false;
    }
    Timer t = timers.peek();
    return t == null || t.due > clock.epochMillis();
  }

  private boolean isIdleLocked() {
    if (running || !tasks.isEmpty() || pendingIo > 0) {
      return false;
    }
    Timer t = timers.peek();
    return t == null || t.due > clock.epochMillis();
  }

  private void run() {
    while (true) {
      Runnable next;
      lock.lock();
      try {
        while (true) {
          if (closed) {
            changed.signalAll();
            return;
          }
          Timer t = timers.peek();
          long now = clock.epochMillis();
          // A timer that comes due joins the task queue behind work posted before it, as in browsers.
          while (t != null && t.due <= now) {
            timers.poll();
            Timer due = t;
            tasks.addLast(() -> {
              if (!due.cancelled) {
                due.task.run();
              }
            });
            t = timers.peek();
          }
          if (!tasks.isEmpty()) {
            next = tasks.pollFirst();
            break;
          }
          if (t == null || virtual) {
            changed.await();
          } else {
            changed.await(t.due - now, TimeUnit.MILLISECONDS);
          }
        }
        running = true;
      } catch (InterruptedException e) {
        return;
      } finally {
        lock.unlock();
      }
      runningTask = ++taskCount;
      try {
        next.run();
      } catch (Throwable t) {
        onTaskFailure.accept(t);
      } finally {
        runningTask = 0;
        lock.lock();
        try {
          running = false;
          finishedTasks++;
          if (next instanceof CallTask call) {
            callsFinished.merge(call.caller(), 1L, Long::sum);
          }
          changed.signalAll();
        } finally {
          lock.unlock();
        }
      }
    }
  }
}
