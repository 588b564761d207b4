package dev.sparrow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoopbackGuardTest {
  private final LoopbackGuard guard = new LoopbackGuard("127.0.0.1", 9422);

  @ParameterizedTest(name = "Host {0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "127.0.0.1:9422 | true",
      "localhost:9422 | true",
      "LOCALHOST:9422 | true",
      "[::1]:9422 | true",
      "127.0.0.1:9423 | false",
      "127.0.0.1 | false",
      "evil.example:9422 | false",
      "127.0.0.1.evil.example:9422 | false",
      "192.168.1.5:9422 | false",
      "'' | false"})
  void hostHeader(String host, boolean allowed) {
    assertThat(guard.hostAllowed(host)).isEqualTo(allowed);
  }

  @ParameterizedTest(name = "Origin {0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "http://127.0.0.1:9422 | true",
      "http://localhost:9422 | true",
      "http://[::1]:9422 | true",
      "https://127.0.0.1:9422 | false",
      "http://127.0.0.1:9423 | false",
      "http://127.0.0.1 | false",
      "http://evil.example:9422 | false",
      "http://127.0.0.1:9422.evil.example | false",
      "http://user@127.0.0.1:9422 | false",
      "null | false",
      "file:// | false",
      "'' | false"})
  void origin(String origin, boolean allowed) {
    assertThat(guard.originAllowed(origin)).isEqualTo(allowed);
  }

  @ParameterizedTest(name = "bound to {0}: Host {1} → {2}")
  @CsvSource(delimiter = '|', value = {
      "0.0.0.0 | 0.0.0.0:9422 | true",
      "10.0.0.2 | 10.0.0.2:9422 | true",
      "10.0.0.2 | 10.0.0.3:9422 | false"})
  void configuredBindAddress(String bind, String host, boolean allowed) {
    assertThat(new LoopbackGuard(bind, 9422).hostAllowed(host)).isEqualTo(allowed);
  }
}
