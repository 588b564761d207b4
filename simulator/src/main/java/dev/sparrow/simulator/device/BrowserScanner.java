package dev.sparrow.simulator.device;

import dev.sparrow.apis.device.HeadlessScanner;
import dev.sparrow.apis.device.Scanner;
import dev.sparrow.apis.ui.Dialogs;
import dev.sparrow.apis.ui.ModalRequest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * {@code wx.scanCode} in the simulator: a scripted or standing answer of the headless scanner ({@code --scan},
 * {@code Session.scanner()}) answers at once; otherwise the person types what the camera reads into an editable
 * modal (Scan / Cancel), shown through the browser dialogs (and answerable by {@code Session.answerModal}).
 */
public final class BrowserScanner implements Scanner {
  private final HeadlessScanner headless;
  private final Dialogs dialogs;

  public BrowserScanner(HeadlessScanner headless, Dialogs dialogs) {
    this.headless = headless;
    this.dialogs = dialogs;
  }

  @Override
  public CompletionStage<Optional<Scan>> scan(List<String> scanTypes, boolean onlyFromCamera) {
    if (headless.hasAnswer()) {
      return headless.scan(scanTypes, onlyFromCamera);
    }
    ModalRequest ask = new ModalRequest("扫一扫 (Sparrow)", "", true, "取消", "#000000", "扫码", "#576B95", true,
        "the text the camera reads");
    return dialogs.showModal(ask).thenApply(a -> a.confirm() && !a.content().isEmpty()
        ? Optional.of(new Scan(a.content(), "QR_CODE", "UTF-8")) : Optional.empty());
  }
}
