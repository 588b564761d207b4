package dev.sparrow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The load and soak runs of {@link Reliability} with small counts (the full runs are in docs/benchmarks.md). */
class ReliabilityTest {
  @Test
  @SuppressWarnings("unchecked")
  void underInjectedFaultsEveryRequestSettlesOnceWithAWeChatErrMsgAndNothingIsLeft() throws Exception {
    Reliability.LoadReport r = Reliability.load(300, 10, 42);
    assertThat(r.faults().values().stream().mapToLong(Long::longValue).sum()).as("requests seen").isPositive();
    assertThat(r.faults()).allSatisfy((fault, n) -> assertThat(n).as(fault).isPositive());
    assertThat(r.page().get("calls")).isEqualTo(300);
    assertThat(r.settledOnce()).as("settled exactly once").isEqualTo(300);
    assertThat(((Map<String, Object>) r.page().get("errMsgs")).keySet())
        .allMatch(m -> Reliability.WECHAT_ERRMSG.matcher(m).matches());
    assertThat(r.threadsLeft()).as("threads left").isLessThanOrEqualTo(0);
    assertThat(r.fdsLeft()).as("file descriptors left").isLessThanOrEqualTo(0);
    assertThat(r.tempLeft()).as("temp folders left").isLessThanOrEqualTo(0);
  }

  @Test
  void sessionsOpenedAndClosedLeaveNothingBehindAndShareNothing() throws Exception {
    Reliability.SoakReport r = Reliability.soak(20);
    assertThat(r.leaks()).as("state seen by a later session").isEmpty();
    assertThat(r.lateTimers()).as("timers or promises of a closed session that ran").isZero();
    assertThat(r.end().threads()).as("threads").isLessThanOrEqualTo(r.warm().threads());
    assertThat(r.end().fds()).as("file descriptors").isLessThanOrEqualTo(r.warm().fds());
    assertThat(r.end().tempFolders()).as("temp folders").isLessThanOrEqualTo(r.warm().tempFolders());
  }
}
