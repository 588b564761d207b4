package com.example.miniapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.PageHandle;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.junit.MiniProgram;
import org.junit.jupiter.api.Test;

@MiniProgram("examples/quickstart")   // the mini program folder: absolute, or relative to this folder or a parent
class IndexPageTest {
  @Test
  void tappingTheMottoOpensTheLog(Session s) {
    PageHandle index = s.currentPage();
    index.callMethod("increment");
    assertThat(index.data("count")).isEqualTo(1);

    index.callMethod("bindViewTap");             // wx.navigateTo('../logs/logs')
    assertThat(s.currentPage().route()).isEqualTo("pages/logs/logs");
    assertThat(s.errors()).isEmpty();
  }
}
