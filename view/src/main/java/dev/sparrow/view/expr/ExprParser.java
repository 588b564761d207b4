package dev.sparrow.view.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses WeChat's expression subset, as accepted by {@code wcc}:
 * <ul>
 *   <li>literals: decimal numbers ({@code 1}, {@code 1.5}, {@code .5}; no exponent or hex), strings in single or
 *       double quotes, {@code true}, {@code false}, {@code null}, {@code undefined}; every other name (even {@code NaN})
 *       is looked up in the data;</li>
 *   <li>member access {@code a.b}, {@code a[b]} and calls {@code f(x)}, only on names (not on literals or
 *       parenthesised expressions);</li>
 *   <li>unary {@code ! - ~} (no unary {@code +}, no {@code typeof}); binary {@code * / % + - << >> < > <= >=
 *       == != === !== & ^ | && ||} and {@code ?:} with JavaScript precedence;</li>
 *   <li>array literals (no holes, spreads or trailing commas) and object literals with identifier keys, shorthand
 *       {@code {a}} and spread {@code {...o}} (no empty {@code {}}, quoted keys or trailing commas).</li>
 * </ul>
 * A template's {@code data} attribute holds an object body without braces: {@link #parseObjectBody}.
 */
public final class ExprParser {
  /** Nesting limit, so hostile input cannot overflow the stack. */
  static final int MAX_DEPTH = 200;

  private final ExprLexer lexer;
  private ExprLexer.Token tok;
  private int depth;

  private ExprParser(String text) {
    this.lexer = new ExprLexer(text);
    this.tok = lexer.next();
  }

  /** Parses a whole expression. */
  public static Expr parse(String text) {
    ExprParser p = new ExprParser(text);
    Expr e = p.conditional();
    p.expectEnd();
    return e;
  }

  /** Parses {@code a: 1, b, ...o} (a template's {@code data}) as an object literal. */
  public static Expr parseObjectBody(String text) {
    ExprParser p = new ExprParser(text);
    Expr e = p.objectEntries(ExprLexer.Kind.END);
    p.expectEnd();
    return e;
  }

  private void expectEnd() {
    if (tok.kind() != ExprLexer.Kind.END) {
      throw unexpected();
    }
  }

  private Expr conditional() {
    enter();
    Expr test = binary(0);
    if (isPunct("?")) {
      advance();
      Expr then = conditional();
      expectPunct(":");
      Expr otherwise = conditional();
      test = new Expr.Conditional(test, then, otherwise);
    }
    depth--;
    return test;
  }

  private static final String[][] LEVELS = {
    {"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!=", "===", "!=="}, {"<", ">", "<=", ">="}, {"<<", ">>"},
    {"+", "-"}, {"*", "/", "%"}
  };

  private Expr binary(int level) {
    if (level == LEVELS.length) {
      return unary();
    }
    Expr left = binary(level + 1);
    while (tok.kind() == ExprLexer.Kind.PUNCT && in(LEVELS[level], tok.text())) {
      String op = tok.text();
      advance();
      Expr right = binary(level + 1);
      if (op.equals("&&") || op.equals("||")) {
        left = new Expr.Logical(op.equals("&&"), left, right);
      } else {
        left = new Expr.Binary(op, left, right);
      }
    }
    return left;
  }

  private Expr unary() {
    if (isPunct("!") || isPunct("-") || isPunct("~")) {
      String op = tok.text();
      advance();
      enter();
      Expr operand = unary();
      depth--;
      return new Expr.Unary(op, operand);
    }
    return postfix();
  }

  private Expr postfix() {
    boolean accessible = tok.kind() == ExprLexer.Kind.NAME;
    Expr e = primary();
    while (accessible) {
      if (isPunct(".")) {
        advance();
        if (tok.kind() != ExprLexer.Kind.NAME && tok.kind() != ExprLexer.Kind.KEYWORD) {
          throw unexpected();
        }
        e = new Expr.Member(e, new Expr.Literal(Js.string(tok.text())));
        advance();
      } else if (isPunct("[")) {
        advance();
        Expr key = conditional();
        expectPunct("]");
        e = new Expr.Member(e, key);
      } else if (isPunct("(")) {
        advance();
        List<Expr> args = new ArrayList<>();
        if (!isPunct(")")) {
          args.add(conditional());
          while (isPunct(",")) {
            advance();
            args.add(conditional());
          }
        }
        expectPunct(")");
        e = new Expr.Call(e, args);
      } else {
        break;
      }
    }
    return e;
  }

  private Expr primary() {
    ExprLexer.Token t = tok;
    switch (t.kind()) {
      case NUMBER:
      case STRING:
        advance();
        return new Expr.Literal(t.value());
      case KEYWORD:
        advance();
        return new Expr.Literal(keyword(t.text()));
      case NAME:
        advance();
        return new Expr.Ident(t.text());
      case PUNCT:
        if (isPunct("(")) {
          advance();
          Expr e = conditional();
          expectPunct(")");
          return e;
        }
        if (isPunct("[")) {
          return array();
        }
        if (isPunct("{")) {
          advance();
          Expr o = objectEntries(ExprLexer.Kind.PUNCT);
          expectPunct("}");
          return o;
        }
        throw unexpected();
      default:
        throw unexpected();
    }
  }

  private static JsonNode keyword(String k) {
    switch (k) {
      case "true": return Js.bool(true);
      case "false": return Js.bool(false);
      case "undefined": return Js.UNDEFINED;
      default: return Js.NULL;
    }
  }

  private Expr array() {
    advance();
    enter();
    List<Expr> items = new ArrayList<>();
    if (!isPunct("]")) {
      items.add(conditional());
      while (isPunct(",")) {
        advance();
        items.add(conditional());
      }
    }
    expectPunct("]");
    depth--;
    return new Expr.ArrayLiteral(items);
  }

  /** Entries up to {@code }} (or the end for a template's data); at least one entry is required. */
  private Expr objectEntries(ExprLexer.Kind closer) {
    enter();
    List<Expr.Entry> entries = new ArrayList<>();
    do {
      if (!entries.isEmpty()) {
        advance(); // the comma
      }
      if (isPunct("...")) {
        advance();
        entries.add(new Expr.Entry(null, conditional()));
      } else if (tok.kind() == ExprLexer.Kind.NAME || tok.kind() == ExprLexer.Kind.KEYWORD) {
        String key = tok.text();
        advance();
        if (isPunct(":")) {
          advance();
          entries.add(new Expr.Entry(key, conditional()));
        } else {
          entries.add(new Expr.Entry(key, new Expr.Ident(key)));
        }
      } else {
        throw unexpected();
      }
    } while (isPunct(","));
    depth--;
    return new Expr.ObjectLiteral(entries);
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw new ExprSyntaxException("expression nested too deeply", tok.offset());
    }
  }

  private boolean isPunct(String p) {
    return tok.kind() == ExprLexer.Kind.PUNCT && tok.text().equals(p);
  }

  private void expectPunct(String p) {
    if (!isPunct(p)) {
      throw new ExprSyntaxException(
          "expected `" + p + "` but found " + describe(tok), tok.offset());
    }
    advance();
  }

  private void advance() {
    tok = lexer.next();
  }

  private ExprSyntaxException unexpected() {
    return new ExprSyntaxException("unexpected " + describe(tok), tok.offset());
  }

  private static String describe(ExprLexer.Token t) {
    return t.kind() == ExprLexer.Kind.END ? "end of expression" : "token `" + t.text() + "`";
  }

  private static boolean in(String[] ops, String op) {
    for (String o : ops) {
      if (o.equals(op)) {
        return true;
      }
    }
    return false;
  }
}
