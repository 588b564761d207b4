package dev.sparrow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The postcode stand-in answers in the shape of Juhe's 邮编查询 API. */
class PostcodesTest {
  private static final String KEY = "3c2f0e6a9b8d4f17a5e2c1b0d9f8e7a6";

  @Test
  void aKnownPostcodeListsItsAddressesInJuhesShape() {
    Map<String, Object> answer = Postcodes.answer(Map.of("postcode", "100080", "key", KEY));
    assertThat(answer).containsKeys("resultcode", "reason", "result", "error_code");
    assertThat(answer.keySet()).containsExactly("resultcode", "reason", "result", "error_code");
    assertThat(answer.get("resultcode")).isEqualTo("200");
    assertThat(answer.get("reason")).isEqualTo("successed");
    assertThat(answer.get("error_code")).isEqualTo(0);
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) answer.get("result");
    assertThat(result.keySet()).containsExactly("list", "totalcount", "totalpage", "currentpage", "pagesize");
    assertThat(result).containsEntry("totalcount", 3).containsEntry("totalpage", 1).containsEntry("currentpage", 1).containsEntry("pagesize", 20);
    assertThat((List<?>) result.get("list")).first().isEqualTo(Map.of("PostNumber", "100080", "Province", "北京市", "City", "北京市",
        "District", "海淀区", "Address", "中关村大街"));
  }

  @Test
  void pagesAreCutByPagesizeAndClampedToTheLastPage() {
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) Postcodes.answer(Map.of("postcode", "215001", "key", KEY, "pagesize", "3",
        "page", "9")).get("result");
    assertThat(result).containsEntry("totalcount", 8).containsEntry("totalpage", 3).containsEntry("currentpage", 3).containsEntry("pagesize", 3);
    assertThat((List<?>) result.get("list")).hasSize(2);
    @SuppressWarnings("unchecked")
    Map<String, Object> big = (Map<String, Object>) Postcodes.answer(Map.of("postcode", "215001", "key", KEY, "pagesize", "500")).get("result");
    assertThat(big).containsEntry("pagesize", Postcodes.MAX_PAGE_SIZE);
  }

  @ParameterizedTest(name = "postcode={0} key={1} → {2} {3}")
  @CsvSource(nullValues = "null", value = {
      "215001, null, 101, 10001",
      "215001, '  ', 101, 10001",
      "null, k, 201, 20701",
      "2150, k, 201, 20701",
      "21500a, k, 201, 20701",
      "999999, k, 202, 20702"})
  void errorsKeepTheShapeWithANullResult(String postcode, String key, String resultCode, int errorCode) {
    Map<String, String> params = new java.util.HashMap<>();
    if (postcode != null) {
      params.put("postcode", postcode);
    }
    if (key != null) {
      params.put("key", key);
    }
    Map<String, Object> answer = Postcodes.answer(params);
    assertThat(answer.get("resultcode")).isEqualTo(resultCode);
    assertThat(answer.get("error_code")).isEqualTo(errorCode);
    assertThat(answer).containsEntry("result", null);
  }

  @Test
  void formDecodingKeepsTheFirstValueAndDecodesUtf8() {
    assertThat(PostcodeSite.form("postcode=215001&key=a%2Bb&x=%E4%B8%AD+%E6%96%87&postcode=1&flag&=v"))
        .containsEntry("postcode", "215001").containsEntry("key", "a+b").containsEntry("x", "中 文").containsEntry("flag", "");
    assertThat(PostcodeSite.form(null)).isEmpty();
    assertThat(PostcodeSite.form("bad=%E4%B8")).containsKey("bad");
  }
}
