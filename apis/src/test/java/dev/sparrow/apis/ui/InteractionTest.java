package dev.sparrow.apis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.device.Scheduler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InteractionTest {
  /** Records scheduled tasks; the test runs them when it wants. */
  static final class RecordingScheduler implements Scheduler {
    final List<Runnable> due = new ArrayList<>();
    final List<Long> delays = new ArrayList<>();

    @Override
    public Cancellable schedule(long delayMillis, Runnable task) {
      delays.add(delayMillis);
      due.add(task);
      return () -> due.remove(task);
    }
  }

  final HeadlessDialogs dialogs = new HeadlessDialogs(HeadlessDialogs.Policy.WAIT);
  final RecordingScheduler scheduler = new RecordingScheduler();
  final Interaction ui = new Interaction(dialogs, scheduler);

  @Test
  void unknownIconsFallBackToSuccess() {
    ui.showToast("t", "sparkles", null, 1500, false);
    assertThat(ui.current().orElseThrow().icon()).isEqualTo("success");
  }

  @Test
  void aNewToastCancelsTheOldAutoHide() {
    ui.showToast("one", "none", null, 1000, false);
    ui.showToast("two", "none", null, 3000, false);
    assertThat(scheduler.delays).containsExactly(1000L, 3000L);
    assertThat(scheduler.due).hasSize(1);
    scheduler.due.get(0).run();
    assertThat(ui.current()).isEmpty();
  }

  @Test
  void buttonTextsAreMeasuredInChineseCharacters() {
    assertThat(Interaction.visualLength("确定")).isEqualTo(4);
    assertThat(Interaction.visualLength("OK OK OK")).isEqualTo(8);
    ModalRequest tooLong = new ModalRequest("", "", true, "取消", "#000", "确认删除吗", "#000", false, "");
    assertThatThrownBy(() -> ui.showModal(tooLong)).isInstanceOf(ApiFailure.class)
        .hasMessage("confirmText length should not larger then 4 Chinese characters");
  }
}
