package dev.sparrow.view.template;

import dev.sparrow.view.expr.Interpolation;
import dev.sparrow.view.expr.Js;
import dev.sparrow.view.tree.VNode;
import dev.sparrow.view.tree.VText;
import java.util.List;
import java.util.Map;

/**
 * Text with bindings; always produces a text node, even when it evaluates to "" (as WeChat does). {@code decode} is
 * the {@code decode} attribute of the {@code <text>} it sits in (null elsewhere): when it is truthy the entities
 * WeChat's text component decodes become their characters.
 */
record TText(Interpolation text, int origin, Interpolation decode) implements TNode {
  /** The entities {@code <text decode>} turns into characters (WeChat's text component documentation). */
  private static final Map<String, String> ENTITIES = Map.of("&nbsp;", "\u00a0", "&ensp;", "\u2002",
      "&emsp;", "\u2003", "&lt;", "<", "&gt;", ">", "&amp;", "&", "&apos;", "'");

  TText(Interpolation text, int origin) {
    this(text, origin, null);
  }

  @Override
  public void render(RenderContext ctx, Frame frame, String key, List<VNode> out) {
    if (ctx.count()) {
      VText t = new VText(value(frame), origin, key);
      out.add(t);
      ctx.single(this, frame, t);
    }
  }

  /** The text in {@code frame}, decoded when its {@code <text>} says so. */
  String value(Frame frame) {
    String s = text.evaluateString(frame);
    return decode != null && Js.truthy(decode.evaluate(frame)) ? decoded(s) : s;
  }

  /** One pass, left to right: {@code &amp;lt;} gives {@code &lt;}, not {@code <}. */
  static String decoded(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      int semi = s.charAt(i) == '&' ? s.indexOf(';', i) : -1;
      String character = semi > i && semi - i <= 6 ? ENTITIES.get(s.substring(i, semi + 1)) : null;
      if (character != null) {
        out.append(character);
        i = semi + 1;
      } else {
        out.append(s.charAt(i++));
      }
    }
    return out.toString();
  }
}
