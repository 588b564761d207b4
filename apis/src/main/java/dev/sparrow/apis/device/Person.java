package dev.sparrow.apis.device;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The person using the phone where a WeChat sheet asks them something about themselves: their profile
 * ({@code getUserProfile}), a payment ({@code requestPayment}), a delivery address ({@code chooseAddress}), a place on
 * the map ({@code chooseLocation}).
 */
public interface Person {
  /** The WeChat profile a mini program may read. {@code gender}: 0 unknown, 1 male, 2 female. */
  record Profile(String nickName, String avatarUrl, int gender, String country, String province, String city,
      String language) {}

  /** A delivery address as WeChat's address book gives it. */
  record Address(String userName, String postalCode, String provinceName, String cityName, String countyName,
      String streetName, String detailInfo, String detailInfoNew, String nationalCode, String telNumber) {}

  /** A place picked on the map. */
  record Place(String name, String address, double latitude, double longitude) {}

  /** What the person did on the payment sheet; {@code reason} for a failure (the text after {@code fail }). */
  record Payment(Outcome outcome, String reason) {
    public enum Outcome { PAID, CANCELLED, FAILED }

    public static Payment paid() {
      return new Payment(Outcome.PAID, "");
    }

    public static Payment cancelled() {
      return new Payment(Outcome.CANCELLED, "");
    }

    public static Payment failed(String reason) {
      return new Payment(Outcome.FAILED, reason);
    }
  }

  Profile profile();

  /** Whether the person lets the mini program have their profile, asked with the page's {@code desc}. */
  CompletionStage<Boolean> shareProfile(String desc);

  CompletionStage<Payment> pay(String packageValue);

  CompletionStage<Optional<Address>> chooseAddress();

  /** Picks a place, the map opened at {@code latitude}, {@code longitude}; empty when cancelled. */
  CompletionStage<Optional<Place>> chooseLocation(double latitude, double longitude);
}
