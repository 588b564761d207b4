package dev.sparrow.view.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The WXS helpers of Vant Weapp and TDesign (their own files, from the npm packages the oracle installs) called from a
 * page with the arguments their components pass: Sparrow must render what wcc renders. Vant's {@code bem()} and
 * TDesign's {@code cls()} test {@code x.constructor === 'Array'}; both {@code addUnit}s write their regular expression
 * with single backslashes ({@code '^-?\d+...'}).
 */
class LibraryWxsOracleTest {

  @Test
  void vantAndTdesignHelpersRenderAsInWeChat() throws Exception {
    NodeOracle.assumeAvailable("library WXS oracle");
    Map<String, String> vant = wxsFiles(NodeOracle.module("@vant/weapp").resolve("lib"), "wxs");
    vant.put("index.wxml", """
        <wxs src="./wxs/utils.wxs" module="utils" />
        <wxs src="./wxs/style.wxs" module="style" />
        <view class="{{utils.bem('button', ['primary', 'normal', { plain: true, block: false, round: 1 }])}}"
            cell="{{utils.bem('cell', { clickable: true, center: false, borderless: '' })}}" icon="{{utils.bem('icon', 'large')}}"
            u1="{{utils.addUnit(10)}}" u2="{{utils.addUnit('1.5')}}" u3="{{utils.addUnit('20%')}}" u4="{{utils.addUnit(null)}}"
            style="{{style([{ fontSize: '12px', backgroundColor: 'red' }, 'color: blue', null, ''])}}"
            s2="{{style({ zIndex: 0, marginTop: utils.addUnit(4), width: null })}}" s3="{{style('a: b')}}"></view>""");
    Map<String, String> tdesign = wxsFiles(NodeOracle.module("tdesign-miniprogram").resolve("miniprogram_dist"),
        "common");
    tdesign.put("index.wxml", """
        <wxs src="./common/utils.wxs" module="_" />
        <view class="{{_.cls('t-button', [['theme', 'primary'], ['block', true], 'ghost', ['size', 'large'], ['disabled', false], 0])}}"
            u1="{{_.addUnit(12)}}" u2="{{_.addUnit('2.5')}}" u3="{{_.addUnit('3em')}}"
            style="{{_._style([{ color: 'red', borderRadius: '4px' }, 'width: 10px', '', null])}}"
            i1="{{_.includes(['a', 'b'], 'b')}}" i2="{{_.includes('ab', 'b')}}" o1="{{_.isNoEmptyObj({ a: 1 })}}"
            v1="{{_.isValidIconName('arrow-left_2')}}" v2="{{_.isValidIconName('a b')}}" k="{{_.keys({ x: 1, y: 2 })}}"
            b1="{{_.getBadgeAriaLabel({ count: 120 })}}" b2="{{_.getBadgeAriaLabel({ count: 5, maxCount: 9 })}}"
            e="{{_.endsWith('a', ';')}}"></view>""");
    List<OracleCase> cases = List.of(new OracleCase("vant helpers", vant, "{}"),
        new OracleCase("tdesign helpers", tdesign, "{}"));
    Map<String, JsonNode> wechat = WccOracle.render(cases);
    for (OracleCase c : cases) {
      JsonNode theirs = wechat.get(c.name());
      assertThat(theirs.has("error")).as("wcc: %s", theirs.path("error").asText()).isFalse();
      JsonNode ours = SparrowSide.render(c);
      assertThat(SparrowSide.canonical(ours.get("tree"))).as(c.name())
          .isEqualTo(SparrowSide.canonical(theirs.get("tree")));
    }
  }

  private static Map<String, String> wxsFiles(Path root, String folder) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> s = Files.list(root.resolve(folder))) {
      for (Path p : s.filter(f -> f.toString().endsWith(".wxs")).sorted().toList()) {
        files.put(folder + "/" + p.getFileName(), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return files;
  }
}
