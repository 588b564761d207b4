package dev.sparrow.apis.device;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The person, scripted by the host. Defaults: WeChat's anonymous profile ({@code 微信用户}, grey avatar) shared when
 * asked; payments succeed; the address is WeChat's documented sample; a picked place is where the map opened,
 * unnamed. {@link #denyProfile}, {@link #nextPayment}, {@link #offerAddress}/{@link #cancelAddress},
 * {@link #offerPlace}/{@link #cancelPlace} change the next answer. Thread-safe.
 */
public final class HeadlessPerson implements Person {
  public static final Profile ANONYMOUS = new Profile("微信用户",
      "https://thirdwx.qlogo.cn/mmopen/vi_32/"
          + "POgEwh4mIHO4nibH0KlMECNjjGxQUq24ZEaGT4poC6icRiccVGKSyXwibcPq4BWmiaIGuG1icwxaQX6grC"
          + "9VemZoJ8rg/132", 0, "", "", "", "zh_CN");
  public static final Address SAMPLE_ADDRESS = new Address("张三", "510000", "广东省", "广州市", "海珠区", "",
      "新港中路397号", "新港中路397号", "510000", "020-81167888");

  private volatile Profile profile = ANONYMOUS;
  private final Deque<Boolean> profileAnswers = new ArrayDeque<>();
  private final Deque<Payment> payments = new ArrayDeque<>();
  private final Deque<Optional<Address>> addresses = new ArrayDeque<>();
  private final Deque<Optional<Place>> places = new ArrayDeque<>();
  private final List<String> paid = new ArrayList<>();

  public HeadlessPerson profile(Profile p) {
    profile = p;
    return this;
  }

  public synchronized HeadlessPerson denyProfile() {
    profileAnswers.addLast(false);
    return this;
  }

  public synchronized HeadlessPerson nextPayment(Payment p) {
    payments.addLast(p);
    return this;
  }

  public synchronized HeadlessPerson offerAddress(Address a) {
    addresses.addLast(Optional.of(a));
    return this;
  }

  public synchronized HeadlessPerson cancelAddress() {
    addresses.addLast(Optional.empty());
    return this;
  }

  public synchronized HeadlessPerson offerPlace(Place p) {
    places.addLast(Optional.of(p));
    return this;
  }

  public synchronized HeadlessPerson cancelPlace() {
    places.addLast(Optional.empty());
    return this;
  }

  /** Whether the host scripted the next profile answer (a front-end asks the person otherwise). */
  public synchronized boolean profileScripted() {
    return !profileAnswers.isEmpty();
  }

  /** Whether the host scripted the next payment (a front-end asks the person otherwise). */
  public synchronized boolean paymentScripted() {
    return !payments.isEmpty();
  }

  /** Records a payment a front-end's person made. */
  public synchronized void recordPaid(String packageValue) {
    paid.add(packageValue);
  }

  /** The {@code package} values of the payments made so far (paid ones only). */
  public synchronized List<String> payments() {
    return List.copyOf(paid);
  }

  @Override
  public Profile profile() {
    return profile;
  }

  @Override
  public synchronized CompletionStage<Boolean> shareProfile(String desc) {
    Boolean next = profileAnswers.pollFirst();
    return CompletableFuture.completedFuture(next == null || next);
  }

  @Override
  public synchronized CompletionStage<Payment> pay(String packageValue) {
    Payment next = payments.isEmpty() ? Payment.paid() : payments.pollFirst();
    if (next.outcome() == Payment.Outcome.PAID) {
      paid.add(packageValue);
    }
    return CompletableFuture.completedFuture(next);
  }

  @Override
  public synchronized CompletionStage<Optional<Address>> chooseAddress() {
    return CompletableFuture.completedFuture(addresses.isEmpty() ? Optional.of(SAMPLE_ADDRESS) : addresses.pollFirst());
  }

  @Override
  public synchronized CompletionStage<Optional<Place>> chooseLocation(double latitude, double longitude) {
    Optional<Place> next = places.isEmpty() ? Optional.of(new Place("", "", latitude, longitude)) : places.pollFirst();
    return CompletableFuture.completedFuture(next);
  }
}
