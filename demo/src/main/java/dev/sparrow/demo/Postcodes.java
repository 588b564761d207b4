package dev.sparrow.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The postcode stand-in: Juhe's 邮编查询 API ({@code https://v.juhe.cn/postcode/query}, GET or POST,
 * parameters {@code postcode}, {@code key}, {@code page}, {@code pagesize}, {@code dtype}) answered
 * from a small table, in the service's JSON shape:
 *
 * <pre>{@code
 * {"resultcode":"200","reason":"successed",
 *  "result":{"list":[{"PostNumber":"215001","Province":"江苏省","City":"苏州市","District":"姑苏区","Address":"人民路"}…],
 *            "totalcount":8,"totalpage":1,"currentpage":1,"pagesize":20},
 *  "error_code":0}
 * }</pre>
 *
 * A missing key is Juhe's platform error {@code 10001 错误的请求KEY}; the two postcode errors use
 * codes chosen here (see docs/decisions.md). Pure: parameters in, the answer as plain data out.
 */
final class Postcodes {
  private Postcodes() {}

  record Place(String postNumber, String province, String city, String district, String address) {
    Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("PostNumber", postNumber);
      m.put("Province", province);
      m.put("City", city);
      m.put("District", district);
      m.put("Address", address);
      return m;
    }
  }

  static final int DEFAULT_PAGE_SIZE = 20;
  static final int MAX_PAGE_SIZE = 50;

  static final List<Place> PLACES = List.of(
      new Place("215001", "江苏省", "苏州市", "姑苏区", "人民路"),
      new Place("215001", "江苏省", "苏州市", "姑苏区", "临顿路"),
      new Place("215001", "江苏省", "苏州市", "姑苏区", "平江路"),
      new Place("215001", "江苏省", "苏州市", "姑苏区", "观前街"),
      new Place("215001", "江苏省", "苏州市", "姑苏区", "白塔东路"),
      new Place("215001", "江苏省", "苏州市", "姑苏区", "干将东路"),
      new Place("215001", "江苏省", "苏州市", "姑苏区", "十全街"),
      new Place("215001", "江苏省", "苏州市", "姑苏区", "凤凰街"),
      new Place("100871", "北京市", "北京市", "海淀区", "颐和园路5号(北京大学)"),
      new Place("100084", "北京市", "北京市", "海淀区", "双清路30号(清华大学)"),
      new Place("100080", "北京市", "北京市", "海淀区", "中关村大街"),
      new Place("100080", "北京市", "北京市", "海淀区", "海淀大街"),
      new Place("100080", "北京市", "北京市", "海淀区", "苏州街"),
      new Place("200030", "上海市", "上海市", "徐汇区", "华山路"),
      new Place("200030", "上海市", "上海市", "徐汇区", "淮海西路"),
      new Place("310027", "浙江省", "杭州市", "西湖区", "浙大路"),
      new Place("518057", "广东省", "深圳市", "南山区", "科技园"),
      new Place("510275", "广东省", "广州市", "海珠区", "新港西路135号(中山大学)"),
      new Place("610041", "四川省", "成都市", "武侯区", "人民南路四段"),
      new Place("430072", "湖北省", "武汉市", "武昌区", "八一路299号(武汉大学)"));

  /** The service's answer to these request parameters (query string or form body, already decoded). */
  static Map<String, Object> answer(Map<String, String> params) {
    String key = params.getOrDefault("key", "").trim();
    if (key.isEmpty()) {
      return error("101", "错误的请求KEY", 10001);
    }
    String postcode = params.getOrDefault("postcode", "").trim();
    if (!postcode.matches("[0-9]{6}")) {
      return error("201", "邮编格式错误", 20701);
    }
    List<Map<String, Object>> all = PLACES.stream().filter(p -> p.postNumber().equals(postcode)).map(Place::json).toList();
    if (all.isEmpty()) {
      return error("202", "查询无结果", 20702);
    }
    int size = clamp(positive(params.get("pagesize"), DEFAULT_PAGE_SIZE), 1, MAX_PAGE_SIZE);
    int pages = (all.size() + size - 1) / size;
    int page = clamp(positive(params.get("page"), 1), 1, pages);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("list", all.subList((page - 1) * size, Math.min(all.size(), page * size)));
    result.put("totalcount", all.size());
    result.put("totalpage", pages);
    result.put("currentpage", page);
    result.put("pagesize", size);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("resultcode", "200");
    m.put("reason", "successed");
    m.put("result", result);
    m.put("error_code", 0);
    return m;
  }

  private static Map<String, Object> error(String resultCode, String reason, int errorCode) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("resultcode", resultCode);
    m.put("reason", reason);
    m.put("result", null);
    m.put("error_code", errorCode);
    return m;
  }

  private static int positive(String s, int fallback) {
    if (s == null || !s.trim().matches("[0-9]{1,6}")) {
      return fallback;
    }
    int v = Integer.parseInt(s.trim());
    return v > 0 ? v : fallback;
  }

  private static int clamp(int v, int min, int max) {
    return Math.max(min, Math.min(max, v));
  }
}
