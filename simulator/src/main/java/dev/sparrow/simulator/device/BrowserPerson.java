package dev.sparrow.simulator.device;

import dev.sparrow.apis.device.HeadlessPerson;
import dev.sparrow.apis.device.Person;
import dev.sparrow.apis.ui.Dialogs;
import dev.sparrow.apis.ui.ModalRequest;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The person's sheets in the simulator, as modals the person answers (and {@code Session.answerModal} can):
 * {@code getUserProfile}'s consent (允许 / 拒绝) and {@code requestPayment}'s confirmation (支付 / 取消). An answer the
 * host scripted on the headless person ({@code Session.person()}) comes first; addresses and places stay headless.
 */
public final class BrowserPerson implements Person {
  private final HeadlessPerson headless;
  private final Dialogs dialogs;

  public BrowserPerson(HeadlessPerson headless, Dialogs dialogs) {
    this.headless = headless;
    this.dialogs = dialogs;
  }

  @Override
  public Profile profile() {
    return headless.profile();
  }

  @Override
  public CompletionStage<Boolean> shareProfile(String desc) {
    if (headless.profileScripted()) {
      return headless.shareProfile(desc);
    }
    ModalRequest ask = new ModalRequest("获取你的昵称、头像", desc, true, "拒绝", "#000000", "允许", "#576B95", false, "");
    return dialogs.showModal(ask).thenApply(a -> a.confirm());
  }

  @Override
  public CompletionStage<Payment> pay(String packageValue) {
    if (headless.paymentScripted()) {
      return headless.pay(packageValue);
    }
    ModalRequest ask = new ModalRequest("微信支付 (Sparrow)", packageValue, true, "取消", "#000000", "支付", "#07C160",
        false, "");
    return dialogs.showModal(ask).thenApply(a -> {
      if (!a.confirm()) {
        return Payment.cancelled();
      }
      headless.recordPaid(packageValue);
      return Payment.paid();
    });
  }

  @Override
  public CompletionStage<Optional<Address>> chooseAddress() {
    return headless.chooseAddress();
  }

  @Override
  public CompletionStage<Optional<Place>> chooseLocation(double latitude, double longitude) {
    return headless.chooseLocation(latitude, longitude);
  }
}
