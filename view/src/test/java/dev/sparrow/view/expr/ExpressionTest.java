package dev.sparrow.view.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparrow.view.Pages;
import org.junit.jupiter.api.Test;

class ExpressionTest {
  private static final JsonNode DATA = Pages.json("{'a':1,'s':'12','o':{'k':[1,2]},'n':null,'list':[3,4]}");
  private static final Scope SCOPE = name -> DATA.has(name) ? DATA.get(name) : Js.UNDEFINED;

  private static String show(String text) {
    return Interpolation.parse(text, false).evaluateString(SCOPE);
  }

  @Test
  void followsJavaScriptSemantics() {
    assertThat(show("{{a + s}}|{{s - a}}|{{s * 2}}|{{o.k[1]}}|{{o.k}}|{{n}}|{{u}}|{{!o}}")).isEqualTo("112|11|24|2|1,2|null||false");
    assertThat(show("{{a == '1'}}|{{a === '1'}}|{{n == u}}|{{'b' > 'a'}}|{{2 > '10'}}")).isEqualTo("true|false|true|true|false");
    assertThat(show("{{a ? 'y' : 'n'}}|{{u || 'd'}}|{{a && 'q'}}|{{~a}}|{{5 ^ 3}}")).isEqualTo("y|d|q|-2|6");
    assertThat(show("{{0.1 + 0.2}}|{{1 / 0}}|{{-0}}|{{100000000000000000000000}}|{{1 / 3}}"))
        .isEqualTo("0.30000000000000004|Infinity|0|1e+23|0.3333333333333333");
  }

  @Test
  void loneBindingKeepsItsType() {
    assertThat(Interpolation.parse("{{o}}", false).evaluate(SCOPE)).isEqualTo(DATA.get("o"));
    assertThat(Interpolation.parse("{{a}}", false).evaluate(SCOPE).isNumber()).isTrue();
    assertThat(Interpolation.parse("{{u}}", false).evaluate(SCOPE).isMissingNode()).isTrue();
    assertThat(Interpolation.parse(" {{a}}", false).evaluate(SCOPE).asText()).isEqualTo(" 1");
  }

  @Test
  void objectLiteralsSpreadAndShorthand() {
    JsonNode v = Interpolation.parse("{{ {...o, a, b: list[0]} }}", false).evaluate(SCOPE);
    assertThat(v).isEqualTo(Pages.json("{'k':[1,2],'a':1,'b':3}"));
    assertThat(Interpolation.parse("{{...o, k: 5}}", true).evaluate(SCOPE)).isEqualTo(Pages.json("{'k':5}"));
  }

  @Test
  void dataNeverThrows() {
    assertThat(show("{{n.x.y}}|{{list.indexOf(3)}}|{{a()}}|{{o.__proto__}}")).isEqualTo("|||");
  }

  @Test
  void syntaxErrorsCarryTheirOffset() {
    assertThatThrownBy(() -> Interpolation.parse("ab{{ a + }}", false))
        .isInstanceOf(ExprSyntaxException.class)
        .satisfies(e -> assertThat(((ExprSyntaxException) e).offset()).isEqualTo(9));
    assertThatThrownBy(() -> ExprParser.parse("typeof a")).isInstanceOf(ExprSyntaxException.class);
    assertThatThrownBy(() -> ExprParser.parse("{}")).isInstanceOf(ExprSyntaxException.class);
    assertThatThrownBy(() -> ExprParser.parse("(".repeat(500) + "1" + ")".repeat(500)))
        .hasMessageContaining("nested too deeply");
  }

  @Test
  void numbersPrintLikeJavaScript() {
    assertThat(JsNumbers.toString(1e21)).isEqualTo("1e+21");
    assertThat(JsNumbers.toString(123456789012345680000.0)).isEqualTo("123456789012345680000");
    assertThat(JsNumbers.toString(0.000001)).isEqualTo("0.000001");
    assertThat(JsNumbers.toString(1e-7)).isEqualTo("1e-7");
    assertThat(JsNumbers.toString(-1.5)).isEqualTo("-1.5");
    assertThat(JsNumbers.parse(" 0x1F ")).isEqualTo(31);
    assertThat(JsNumbers.parse("12px")).isNaN();
  }
}
