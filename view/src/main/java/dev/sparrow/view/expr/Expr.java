package dev.sparrow.view.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A parsed template expression. Evaluation never throws for data reasons: reading through {@code null} or
 * {@code undefined} yields {@code undefined}, calls on non-WXS values yield {@code undefined}, and a WXS function
 * that throws yields {@code undefined} (as WeChat's runtime does).
 */
public interface Expr {
  JsonNode eval(Scope scope);

  /** A constant. */
  record Literal(JsonNode value) implements Expr {
    @Override
    public JsonNode eval(Scope scope) {
      return value;
    }
  }

  /** A name resolved through the {@link Scope}. */
  record Ident(String name) implements Expr {
    @Override
    public JsonNode eval(Scope scope) {
      JsonNode v = scope.lookup(name);
      return v == null ? Js.UNDEFINED : v;
    }
  }

  /** {@code obj.name} or {@code obj[key]}. */
  record Member(Expr object, Expr key) implements Expr {
    @Override
    public JsonNode eval(Scope scope) {
      JsonNode obj = object.eval(scope);
      if (Js.isNullish(obj)) {
        return Js.UNDEFINED;
      }
      JsonNode k = key.eval(scope);
      if (obj instanceof POJONode && ((POJONode) obj).getPojo() instanceof HostValue) {
        if (Js.isNullish(k)) {
          return Js.UNDEFINED;
        }
        return ((HostValue) ((POJONode) obj).getPojo()).get(Js.toJsString(k));
      }
      return Js.member(obj, k);
    }
  }

  /** {@code f(args)}: only WXS functions are called. */
  record Call(Expr callee, List<Expr> args) implements Expr {
    @Override
    public JsonNode eval(Scope scope) {
      JsonNode f = callee.eval(scope);
      if (!(f instanceof POJONode) || !(((POJONode) f).getPojo() instanceof HostValue)) {
        return Js.UNDEFINED;
      }
      HostValue fn = (HostValue) ((POJONode) f).getPojo();
      if (!fn.callable()) {
        return Js.UNDEFINED;
      }
      List<JsonNode> values = new ArrayList<>(args.size());
      for (Expr a : args) {
        values.add(plain(a.eval(scope)));
      }
      try {
        JsonNode r = fn.call(values);
        return r == null ? Js.UNDEFINED : r;
      } catch (RuntimeException e) {
        return Js.UNDEFINED;
      }
    }
  }

  /** {@code !x}, {@code -x}, {@code ~x}. */
  record Unary(String op, Expr operand) implements Expr {
    @Override
    public JsonNode eval(Scope scope) {
      JsonNode v = operand.eval(scope);
      switch (op) {
        case "!":
          return Js.bool(!Js.truthy(v));
        case "-":
          return Js.number(-Js.toNumber(v));
        default:
          return Js.number(~JsNumbers.toInt32(Js.toNumber(v)));
      }
    }
  }

  /** Arithmetic, comparison, equality and bitwise operators with JavaScript semantics. */
  record Binary(String op, Expr left, Expr right) implements Expr {
    @Override
    public JsonNode eval(Scope scope) {
      JsonNode a = left.eval(scope);
      JsonNode b = right.eval(scope);
      switch (op) {
        case "+": return Js.add(a, b);
        case "-": return Js.number(Js.toNumber(a) - Js.toNumber(b));
        case "*": return Js.number(Js.toNumber(a) * Js.toNumber(b));
        case "/": return Js.number(Js.toNumber(a) / Js.toNumber(b));
        case "%": return Js.number(Js.toNumber(a) % Js.toNumber(b));
        case "<": case ">": case "<=": case ">=": return Js.bool(Js.compare(op, a, b));
        case "==": return Js.bool(Js.looseEquals(a, b));
        case "!=": return Js.bool(!Js.looseEquals(a, b));
        case "===": return Js.bool(Js.strictEquals(a, b));
        case "!==": return Js.bool(!Js.strictEquals(a, b));
        case "&": return Js.number(int32(a) & int32(b));
        case "|": return Js.number(int32(a) | int32(b));
        case "^": return Js.number(int32(a) ^ int32(b));
        case "<<": return Js.number(int32(a) << (int32(b) & 31));
        default: return Js.number(int32(a) >> (int32(b) & 31)); // ">>"
      }
    }

    private static int int32(JsonNode v) {
      return JsNumbers.toInt32(Js.toNumber(v));
    }
  }

  /** {@code &&} and {@code ||}, short-circuiting and returning an operand as JavaScript does. */
  record Logical(boolean and, Expr left, Expr right) implements Expr {
    @Override
    public JsonNode eval(Scope scope) {
      JsonNode a = left.eval(scope);
      return Js.truthy(a) == and ? right.eval(scope) : a;
    }
  }

  /** {@code c ? a : b}. */
  record Conditional(Expr test, Expr then, Expr otherwise) implements Expr {
    @Override
    public JsonNode eval(Scope scope) {
      return Js.truthy(test.eval(scope)) ? then.eval(scope) : otherwise.eval(scope);
    }
  }

  /** {@code [a, b]}: a fresh array (WeChat has no array spread). */
  record ArrayLiteral(List<Expr> items) implements Expr {
    @Override
    public JsonNode eval(Scope scope) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode(items.size());
      for (Expr e : items) {
        out.add(arrayItem(e.eval(scope)));
      }
      return out;
    }

    private static JsonNode arrayItem(JsonNode v) {
      return plain(v);
    }
  }

  /** One entry of an object literal: {@code key: value}, or a spread when {@code key} is null. */
  record Entry(String key, Expr value) {}

  /** {@code {a: 1, b, ...o}}; later entries win, like JavaScript. Undefined values keep their key. */
  record ObjectLiteral(List<Entry> entries) implements Expr {
    @Override
    public JsonNode eval(Scope scope) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Entry e : entries) {
        JsonNode v = e.value().eval(scope);
        if (e.key() != null) {
          out.set(e.key(), plain(v));
        } else {
          spread(out, plain(v));
        }
      }
      return out;
    }

    private static void spread(ObjectNode out, JsonNode v) {
      if (v.isObject()) {
        for (Iterator<String> it = Js.keys(v); it.hasNext(); ) {
          String k = it.next();
          out.set(k, v.get(k));
        }
      } else if (v.isArray()) {
        for (int i = 0; i < v.size(); i++) {
          out.set(Integer.toString(i), v.get(i));
        }
      } else if (v.isTextual()) {
        String s = v.textValue();
        for (int i = 0; i < s.length(); i++) {
          out.put(Integer.toString(i), String.valueOf(s.charAt(i)));
        }
      }
    }
  }

  /**
   * Where a name or member chain reads its value: {@code path} below the container {@code base} (the template's data
   * object when the chain starts at a data name). Lets the logic layer take a value the view only has as JSON (a
   * function, which JSON drops) from its own data.
   */
  record Origin(JsonNode base, List<String> path) {}

  /** The origin of {@code e} when it is a name or a chain of constant members read from data; else null. */
  static Origin origin(Expr e, Scope scope) {
    if (e instanceof Ident id) {
      JsonNode root = scope.dataRoot(id.name());
      return root == null ? null : new Origin(root, List.of(id.name()));
    }
    if (e instanceof Member m && m.key() instanceof Literal k && !k.value().isContainerNode()) {
      String key = Js.toJsString(k.value());
      JsonNode obj = m.object().eval(scope);
      if (obj.isContainerNode()) {
        return new Origin(obj, List.of(key));
      }
      Origin o = origin(m.object(), scope);
      if (o == null) {
        return null;
      }
      List<String> path = new ArrayList<>(o.path());
      path.add(key);
      return new Origin(o.base(), List.copyOf(path));
    }
    return null;
  }

  /** A host value flattened to data, for places WeChat deep-copies (arguments, literals, attributes). */
  static JsonNode plain(JsonNode v) {
    if (v instanceof POJONode && ((POJONode) v).getPojo() instanceof HostValue) {
      return ((HostValue) ((POJONode) v).getPojo()).toJson();
    }
    return v;
  }
}
