package dev.sparrow.view.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A text or attribute value with {@code {{ }}} bindings.
 *
 * <p>WeChat rules: a value that is exactly one mustache ({@code "{{x}}"}, no text around it) keeps the expression's
 * JavaScript type, so an attribute can carry a number, boolean, object or {@code undefined}. Anything else is a
 * string: literal text plus each binding's {@code String(value)}, with {@code undefined} contributing nothing.
 * An empty mustache {@code {{}}} is the empty string. Backslashes in the text around bindings read as in WeChat
 * ({@link WccStrings}).
 */
public final class Interpolation {
  private final List<Object> parts; // String or Expr
  private final boolean lone;

  private Interpolation(List<Object> parts, boolean lone) {
    this.parts = parts;
    this.lone = lone;
  }

  /**
   * Parses {@code text}. Syntax errors throw {@link ExprSyntaxException} with the offset into {@code text}.
   *
   * @param objectBody parse mustaches as object bodies (a template's {@code data} attribute)
   */
  public static Interpolation parse(String text, boolean objectBody) {
    List<Object> parts = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf("{{", i);
      if (open < 0) {
        parts.add(WccStrings.read(text.substring(i)));
        break;
      }
      if (open > i) {
        parts.add(WccStrings.read(text.substring(i, open)));
      }
      int close = mustacheEnd(text, open + 2);
      if (close < 0) {
        throw new ExprSyntaxException("`{{` is not closed", open);
      }
      String body = text.substring(open + 2, close);
      if (body.isBlank()) {
        parts.add("");
      } else {
        try {
          parts.add(objectBody ? ExprParser.parseObjectBody(body) : ExprParser.parse(body));
        } catch (ExprSyntaxException e) {
          throw new ExprSyntaxException(e.getMessage(), open + 2 + e.offset());
        }
      }
      i = close + 2;
    }
    boolean lone = parts.size() == 1 && parts.get(0) instanceof Expr;
    return new Interpolation(List.copyOf(parts), lone);
  }

  /** Plain text without bindings. */
  public static Interpolation literal(String text) {
    return new Interpolation(List.of(text), false);
  }

  static int mustacheEnd(String s, int from) {
    char quote = 0;
    for (int i = from; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (quote != 0) {
        if (ch == '\\') {
          i++;
        } else if (ch == quote) {
          quote = 0;
        }
      } else if (ch == '"' || ch == '\'') {
        quote = ch;
      } else if (ch == '}' && i + 1 < s.length() && s.charAt(i + 1) == '}') {
        return i;
      }
    }
    return -1;
  }

  /** True when the value has at least one binding. */
  public boolean isDynamic() {
    for (Object p : parts) {
      if (p instanceof Expr) {
        return true;
      }
    }
    return false;
  }

  /** The names the bindings read (data keys, loop variables or WXS modules), e.g. {@code a} in {@code {{a.b[c]}}}. */
  public Set<String> names() {
    Set<String> out = new LinkedHashSet<>();
    for (Object p : parts) {
      if (p instanceof Expr) {
        collect((Expr) p, out);
      }
    }
    return out;
  }

  /** {@link #names()} without the names read only as {@code name.length} (a list's length, not its items). */
  public Set<String> namesBesideLength() {
    Set<String> out = new LinkedHashSet<>();
    for (Object p : parts) {
      if (p instanceof Expr) {
        collect((Expr) p, out, true);
      }
    }
    return out;
  }

  /** The names expression {@code e} reads (see {@link #names()}). */
  public static Set<String> namesOf(Expr e) {
    Set<String> out = new LinkedHashSet<>();
    collect(e, out);
    return out;
  }

  /** The expressions {@code e} is made of, one level down (the key of a member access included). */
  public static List<Expr> children(Expr e) {
    if (e instanceof Expr.Member m) {
      return List.of(m.object(), m.key());
    } else if (e instanceof Expr.Call c) {
      List<Expr> out = new ArrayList<>(c.args());
      out.add(0, c.callee());
      return out;
    } else if (e instanceof Expr.Unary u) {
      return List.of(u.operand());
    } else if (e instanceof Expr.Binary b) {
      return List.of(b.left(), b.right());
    } else if (e instanceof Expr.Logical l) {
      return List.of(l.left(), l.right());
    } else if (e instanceof Expr.Conditional c) {
      return List.of(c.test(), c.then(), c.otherwise());
    } else if (e instanceof Expr.ArrayLiteral a) {
      return a.items();
    } else if (e instanceof Expr.ObjectLiteral o) {
      List<Expr> out = new ArrayList<>();
      o.entries().forEach(en -> out.add(en.value()));
      return out;
    }
    return List.of();
  }

  private static void collect(Expr e, Set<String> out) {
    collect(e, out, false);
  }

  private static void collect(Expr e, Set<String> out, boolean besideLength) {
    if (besideLength && e instanceof Expr.Member m && m.object() instanceof Expr.Ident
        && m.key() instanceof Expr.Literal k && k.value().isTextual() && k.value().textValue().equals("length")) {
      return;
    }
    if (e instanceof Expr.Ident) {
      out.add(((Expr.Ident) e).name());
    } else if (e instanceof Expr.Member) {
      collect(((Expr.Member) e).object(), out, besideLength);
      collect(((Expr.Member) e).key(), out, besideLength);
    } else if (e instanceof Expr.Call) {
      collect(((Expr.Call) e).callee(), out, besideLength);
      ((Expr.Call) e).args().forEach(a -> collect(a, out, besideLength));
    } else if (e instanceof Expr.Unary) {
      collect(((Expr.Unary) e).operand(), out, besideLength);
    } else if (e instanceof Expr.Binary) {
      collect(((Expr.Binary) e).left(), out, besideLength);
      collect(((Expr.Binary) e).right(), out, besideLength);
    } else if (e instanceof Expr.Logical) {
      collect(((Expr.Logical) e).left(), out, besideLength);
      collect(((Expr.Logical) e).right(), out, besideLength);
    } else if (e instanceof Expr.Conditional) {
      collect(((Expr.Conditional) e).test(), out, besideLength);
      collect(((Expr.Conditional) e).then(), out, besideLength);
      collect(((Expr.Conditional) e).otherwise(), out, besideLength);
    } else if (e instanceof Expr.ArrayLiteral) {
      ((Expr.ArrayLiteral) e).items().forEach(i -> collect(i, out, besideLength));
    } else if (e instanceof Expr.ObjectLiteral) {
      ((Expr.ObjectLiteral) e).entries().forEach(en -> collect(en.value(), out, besideLength));
    }
  }

  /** The bindings' expressions in order (the text around them left out). */
  public List<Expr> expressions() {
    List<Expr> out = new ArrayList<>();
    for (Object p : parts) {
      if (p instanceof Expr e) {
        out.add(e);
      }
    }
    return out;
  }

  /** The name when the value is exactly {@code {{name}}} (one identifier, nothing around it), else null. */
  public String loneName() {
    return lone && parts.get(0) instanceof Expr.Ident ? ((Expr.Ident) parts.get(0)).name() : null;
  }

  /**
   * The data path a {@code model:} binding writes back to, in {@code scope}: for a lone {@code {{a}}},
   * {@code {{a.b}}}, {@code {{a[i].c}}} the setData key {@code a}, {@code a.b}, {@code a[2].c} (keys evaluated), with
   * the name it starts at replaced by {@code roots} (a loop variable by its item's place, null when it has none);
   * null for any other expression, which is no left value (WeChat's two-way bindings page).
   */
  public String modelPath(Scope scope, UnaryOperator<String> roots) {
    try {
      return lone ? path((Expr) parts.get(0), scope, roots) : null;
    } catch (RuntimeException | StackOverflowError e) {
      return null;
    }
  }

  private static String path(Expr e, Scope scope, UnaryOperator<String> roots) {
    if (e instanceof Expr.Ident id) {
      return roots.apply(id.name());
    }
    if (e instanceof Expr.Member m) {
      String base = path(m.object(), scope, roots);
      if (base == null) {
        return null;
      }
      return memberPath(base, m.key().eval(scope));
    }
    return null;
  }

  /**
   * The setData key of member {@code key} of the data at {@code base}: {@code base[2]} for an index, {@code base.k}
   * for a name; null for a key no setData path can name (empty, or holding {@code .}, {@code [} or {@code ]}).
   */
  public static String memberPath(String base, JsonNode key) {
    if (key.isNumber() && key.asDouble() >= 0 && key.asDouble() == Math.floor(key.asDouble())) {
      return base + "[" + key.asLong() + "]";
    }
    String k = key.isTextual() ? key.asText() : null;
    return k == null || k.isEmpty() || k.matches(".*[.\\[\\]].*") ? null : base + "." + k;
  }

  /** True for a lone {@code {{expr}}}, whose value keeps its type. */
  public boolean isLone() {
    return lone;
  }

  /**
   * Evaluates to a typed value (lone binding) or a string. Never throws. WXS objects come out as plain JSON copies
   * and WXS functions as {@code null}, so rendered trees hold data only.
   */
  public JsonNode evaluate(Scope scope) {
    if (lone) {
      try {
        return Expr.plain(safeEval((Expr) parts.get(0), scope));
      } catch (RuntimeException e) {
        return Js.UNDEFINED;
      }
    }
    return Js.string(evaluateString(scope));
  }

  /**
   * As {@link #evaluate}, but a lone binding to a WXS function keeps the function (a {@link HostValue} in a
   * {@link com.fasterxml.jackson.databind.node.POJONode}): event bindings and {@code change:} observers run it.
   */
  public JsonNode evaluateKeepingFunction(Scope scope) {
    if (lone) {
      try {
        JsonNode v = safeEval((Expr) parts.get(0), scope);
        if (v instanceof POJONode p && p.getPojo() instanceof HostValue h
            && h.callable()) {
          return v;
        }
        return Expr.plain(v);
      } catch (RuntimeException e) {
        return Js.UNDEFINED;
      }
    }
    return evaluate(scope);
  }

  /**
   * For a lone binding, where the parts of its {@code value} that came out undefined were read from: key "" for the
   * whole value, else an object literal's key. Data the view gets as JSON has no functions; a custom component's
   * property bound to one takes it from the owner's logic-layer data through these.
   */
  public Map<String, Expr.Origin> undefinedOrigins(Scope scope, JsonNode value) {
    if (!lone) {
      return Map.of();
    }
    Expr e = (Expr) parts.get(0);
    Map<String, Expr.Origin> out = new LinkedHashMap<>();
    try {
      if (value.isMissingNode()) {
        Expr.Origin o = Expr.origin(e, scope);
        if (o != null) {
          out.put("", o);
        }
      } else if (e instanceof Expr.ObjectLiteral lit && value.isObject()) {
        for (Expr.Entry en : lit.entries()) {
          JsonNode v = en.key() == null ? null : value.get(en.key());
          Expr.Origin o = v != null && v.isMissingNode() ? Expr.origin(en.value(), scope) : null;
          if (o != null) {
            out.put(en.key(), o);
          }
        }
      }
    } catch (RuntimeException | StackOverflowError ex) {
      return Map.of();
    }
    return out;
  }

  /** Evaluates to the displayed string (what a text node shows). */
  public String evaluateString(Scope scope) {
    if (parts.size() == 1 && parts.get(0) instanceof String) {
      return (String) parts.get(0);
    }
    StringBuilder sb = new StringBuilder();
    for (Object p : parts) {
      if (p instanceof String) {
        sb.append((String) p);
      } else {
        sb.append(Js.toDisplay(safeEval((Expr) p, scope)));
      }
    }
    return sb.toString();
  }

  private static JsonNode safeEval(Expr e, Scope scope) {
    try {
      return e.eval(scope);
    } catch (RuntimeException | StackOverflowError ex) {
      return Js.UNDEFINED;
    }
  }
}
