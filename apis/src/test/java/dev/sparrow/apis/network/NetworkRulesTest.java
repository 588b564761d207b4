package dev.sparrow.apis.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparrow.apis.ApiFailure;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The pure rules: whitelist, serialisation, headers, body text, socket close arguments. */
class NetworkRulesTest {
  private static final NetworkPolicy POLICY = NetworkPolicy.builder("wxapp")
      .allowDomains(Family.REQUEST, "api.example.com", "pay.example.com:8443")
      .allowDomains(Family.SOCKET, "ws.example.com")
      .allowDomains(Family.DOWNLOAD, "10.0.0.5")
      .build();

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "REQUEST | https://api.example.com/x          | ok",
      "REQUEST | https://API.example.com/x          | ok",
      "REQUEST | http://api.example.com/x           | url not in domain list",
      "REQUEST | https://api.example.com:443/x      | url not in domain list",
      "REQUEST | https://pay.example.com:8443/x     | ok",
      "REQUEST | https://pay.example.com/x          | url not in domain list",
      "REQUEST | https://pay.example.com:9443/x     | url not in domain list",
      "REQUEST | https://sub.api.example.com/x      | url not in domain list",
      "REQUEST | https://evil.com/api.example.com   | url not in domain list",
      "UPLOAD  | https://api.example.com/x          | url not in domain list",
      "SOCKET  | wss://ws.example.com:9999/chat     | ok",
      "SOCKET  | ws://ws.example.com/chat           | url not in domain list",
      "SOCKET  | https://ws.example.com/chat        | url not in domain list",
      "DOWNLOAD| https://10.0.0.5/f                 | url not in domain list",
      "REQUEST | https://localhost/x                | url not in domain list",
      "REQUEST | not a url                          | invalid url",
      "REQUEST | /relative/path                     | invalid url",
  })
  void whitelist(Family family, String url, String expected) {
    if (expected.equals("ok")) {
      assertThat(DomainRules.check(family, url, POLICY)).isNotNull();
    } else {
      assertThatThrownBy(() -> DomainRules.check(family, url, POLICY)).isInstanceOf(ApiFailure.class)
          .hasMessage(expected)
          .satisfies(e -> assertThat(((ApiFailure) e).errno().getAsInt()).isEqualTo(expected.equals("invalid url") ? 600009 : 600002));
    }
  }

  @Test
  void ipHostsPassOnlyWhenAllowedAndListed() {
    NetworkPolicy lan = POLICY.toBuilder().allowIpHosts(true).build();
    assertThat(DomainRules.check(Family.DOWNLOAD, "https://10.0.0.5/f", lan)).isNotNull();
    assertThatThrownBy(() -> DomainRules.check(Family.DOWNLOAD, "https://10.0.0.6/f", lan)).hasMessage("url not in domain list");
  }

  @Test
  void apiWeixinQqComIsNeverAllowed() {
    NetworkPolicy p = NetworkPolicy.builder("a").allowDomains(Family.REQUEST, "api.weixin.qq.com").build();
    assertThatThrownBy(() -> DomainRules.check(Family.REQUEST, "https://api.weixin.qq.com/sns", p)).hasMessage("url not in domain list");
  }

  @Test
  void withoutVerificationAnyHttpUrlPassesButOtherSchemesDoNot() {
    NetworkPolicy off = POLICY.toBuilder().verifyDomains(false).build();
    assertThat(DomainRules.check(Family.REQUEST, "http://127.0.0.1:8080/x", off)).isNotNull();
    assertThat(DomainRules.check(Family.SOCKET, "ws://localhost:1/x", off)).isNotNull();
    assertThatThrownBy(() -> DomainRules.check(Family.REQUEST, "ftp://x/y", off)).hasMessage("invalid url");
    assertThatThrownBy(() -> DomainRules.check(Family.REQUEST, "ws://x/y", off)).hasMessage("invalid url");
  }

  @Test
  void refererIsFixedWithConfigurableVersion() {
    assertThat(POLICY.referer()).isEqualTo("https://servicewechat.com/wxapp/devtools/page-frame.html");
    assertThat(POLICY.toBuilder().refererVersion("0").build().referer()).isEqualTo("https://servicewechat.com/wxapp/0/page-frame.html");
  }

  @Test
  void timeoutComesFromTheCallThenAppJsonThen60s() {
    NetworkPolicy p = NetworkPolicy.builder("a").appTimeout("request", 5000).build();
    assertThat(p.timeoutMillis(Family.REQUEST, 1500)).isEqualTo(1500);
    assertThat(p.timeoutMillis(Family.REQUEST, null)).isEqualTo(5000);
    assertThat(p.timeoutMillis(Family.REQUEST, 0)).isEqualTo(5000);
    assertThat(p.timeoutMillis(Family.DOWNLOAD, null)).isEqualTo(60000);
    assertThat(p.toBuilder().timeoutCap(60000).build().timeoutMillis(Family.REQUEST, 120000)).isEqualTo(60000);
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3} | {4}")
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "GET  | https://a/x       | application/json                  | https://a/x?a=1&b=x%20y&c=%5Bobject%20Object%5D&d=1%2C2 | NULL",
      "GET  | https://a/x?k=v   | application/json                  | https://a/x?k=v&a=1&b=x%20y&c=%5Bobject%20Object%5D&d=1%2C2 | NULL",
      "HEAD | https://a/x#frag  | application/json                  | https://a/x?a=1&b=x%20y&c=%5Bobject%20Object%5D&d=1%2C2#frag | NULL",
      "POST | https://a/x       | application/json                  | https://a/x | {\"a\":1,\"b\":\"x y\",\"c\":{\"n\":true},\"d\":[1,2]}",
      "PUT  | https://a/x       | application/json                  | https://a/x | {\"a\":1,\"b\":\"x y\",\"c\":{\"n\":true},\"d\":[1,2]}",
      "DELETE | https://a/x     | Application/X-WWW-Form-Urlencoded; charset=UTF-8 | https://a/x | a=1&b=x%20y&c=%5Bobject%20Object%5D&d=1%2C2",
  })
  void objectDataIsSerialisedByMethodAndContentType(String method, String url, String type, String expectedUrl, String expectedBody) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("a", 1);
    data.put("b", "x y");
    data.put("c", Map.of("n", true));
    data.put("d", List.of(1, 2));
    RequestRules.Payload p = RequestRules.payload(method, url, Headers.empty().with("CONTENT-TYPE", type), data);
    assertThat(p.url()).isEqualTo(expectedUrl);
    assertThat(p.body() == null ? null : new String(p.body(), StandardCharsets.UTF_8)).isEqualTo(expectedBody);
  }

  @Test
  void stringsAndArrayBuffersAreSentAsTheyAre() {
    assertThat(RequestRules.payload("GET", "https://a/x", Headers.empty(), "q=1").url()).isEqualTo("https://a/x?q=1");
    assertThat(RequestRules.payload("POST", "https://a/x", Headers.empty(), "raw").body()).isEqualTo("raw".getBytes());
    assertThat(RequestRules.payload("GET", "https://a/x", Headers.empty(), new byte[] {1, 2}).body()).containsExactly(1, 2);
  }

  @Test
  void jsonStringifyMatchesJavaScript() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("f", 1.5);
    m.put("big", 1e21);
    m.put("whole", 3.0);
    m.put("s", "\"q\"\n\u0001");
    m.put("n", null);
    assertThat(JsJson.stringify(m)).isEqualTo("{\"f\":1.5,\"big\":1e+21,\"whole\":3,\"s\":\"\\\"q\\\"\\n\\u0001\",\"n\":null}");
  }

  @Test
  void pageHeadersKeepTheirCaseAndLoseForbiddenOnes() {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("X-Trace-Id", "abc");
    h.put("referer", "https://evil");
    h.put("Host", "other");
    h.put("Content-Length", 5);
    h.put("X-Num", 12);
    h.put("Bad\nName", "v");
    Headers out = RequestRules.pageHeaders(h);
    assertThat(out.fields()).containsExactly(new Headers.Field("X-Trace-Id", "abc"), new Headers.Field("X-Num", "12"));
  }

  @Test
  void oneLeadingBomIsStrippedAndJsonValidityIsChecked() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
    assertThat(RequestRules.text(bom, "application/json")).isEqualTo("{}");
    assertThat(RequestRules.isJson(" {\"a\": [1, 2]} ")).isTrue();
    assertThat(RequestRules.isJson("123")).isTrue();
    assertThat(RequestRules.isJson("{\"a\":1} trailing")).isFalse();
    assertThat(RequestRules.isJson("")).isFalse();
    assertThat(RequestRules.isJson("<html>")).isFalse();
  }

  @Test
  void methodsAreUpperCasedAndChecked() {
    assertThat(RequestRules.method("post")).isEqualTo("POST");
    assertThatThrownBy(() -> RequestRules.method("PATCH")).hasMessageStartingWith("parameter error: parameter.method should be one of");
  }

  @ParameterizedTest(name = "close code {0} -> {1}")
  @CsvSource({"1000, ok", "3000, ok", "4999, ok", "1001, fail", "2999, fail", "5000, fail", "1000.5, fail"})
  void closeCodes(double code, String expected) {
    if (expected.equals("ok")) {
      assertThat(SocketRules.closeCode(code)).isEqualTo((int) code);
    } else {
      assertThatThrownBy(() -> SocketRules.closeCode(code)).hasMessageEndingWith("is neither.");
    }
  }

  @Test
  void closeReasonIsAtMost123Utf8Bytes() {
    assertThat(SocketRules.closeReason("x".repeat(123))).hasSize(123);
    assertThatThrownBy(() -> SocketRules.closeReason("好".repeat(42))).hasMessage("The message must not be greater than 123 bytes.");
    assertThat(SocketRules.closeCode(null)).isEqualTo(1000);
  }

  @Test
  void hostMapMatchesOriginsAndRejectsNonsense() {
    HostMap m = HostMap.parse(List.of("https://www.baidu.com=http://127.0.0.1:8080"));
    assertThat(m.find(java.net.URI.create("https://www.baidu.com/s?wd=1"))).isPresent();
    assertThat(m.find(java.net.URI.create("wss://WWW.baidu.com/ws"))).isPresent();
    assertThat(m.find(java.net.URI.create("https://www.baidu.com:8443/"))).isEmpty();
    assertThat(m.find(java.net.URI.create("http://www.baidu.com/"))).isEmpty();
    assertThatThrownBy(() -> HostMap.parse(List.of("nonsense"))).isInstanceOf(IllegalArgumentException.class);
  }
}
