package dev.sparrow.runtime.js;

import dev.sparrow.runtime.js.JsLexer.Kind;
import dev.sparrow.runtime.js.JsLexer.Token;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites a file written with ES {@code import}/{@code export} into the CommonJS form WeChat's
 * module wrapper runs (as DevTools' "ES6 to ES5" step does), keeping every line where it was so
 * that errors still point at the right {@code file:line}.
 *
 * <ul>
 *   <li>{@code import x from 'm'} → {@code var x = default-of(require('m'))} (Babel interop: a module
 *       marked {@code __esModule} gives its {@code default}, any other its {@code module.exports});
 *   <li>{@code import {a, b as c} from 'm'}, {@code import * as ns from 'm'}, {@code import 'm'};
 *   <li>exported declarations stay as they are and are published as live getters on {@code
 *       exports}; {@code export default expr} assigns {@code exports.default}; {@code export … from
 *       'm'} and {@code export * from 'm'} re-export.
 * </ul>
 *
 * Imports bind when their statement runs (not hoisted); code rarely notices.
 */
public final class EsModules {
  private static final Set<String> DECLARATION_STARTERS = Set.of("import", "export", "function", "class", "const", "let", "var");

  private EsModules() {}

  /** True if {@code source} has a top-level import or export statement. */
  public static boolean isModule(String source) {
    if (!source.contains("import") && !source.contains("export")) {
      return false;
    }
    List<Token> tokens = JsLexer.tokenize(source);
    for (int i = 0; i < tokens.size(); i++) {
      if (statementKeyword(tokens, i) != null) {
        return true;
      }
    }
    return false;
  }

  /** The CommonJS form of {@code source}, or {@code source} itself if it is not a module. */
  public static String toCommonJs(String source) {
    if (!isModule(source)) {
      return source;
    }
    return new Rewriter(source).rewrite();
  }

  private static String statementKeyword(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    if (t.depth() != 0 || t.kind() != Kind.NAME || !(t.text().equals("import") || t.text().equals("export"))) {
      return null;
    }
    if (i > 0) {
      Token prev = tokens.get(i - 1);
      if (prev.is(".") || prev.is("?.")) {
        return null;
      }
    }
    if (i + 1 < tokens.size()) {
      Token next = tokens.get(i + 1);
      if (t.text().equals("import") && (next.is("(") || next.is("."))) {
        return null;
      }
      if (next.is("=") || next.is(":") || next.is("(")) {
        return null;
      }
    } else {
      return null;
    }
    return t.text();
  }

  private static final class Rewriter {
    private final String src;
    private final List<Token> tokens;
    private final StringBuilder out = new StringBuilder();
    private final Map<String, String> getters = new LinkedHashMap<>();
    private int copied;
    private int moduleVars;

    Rewriter(String src) {
      this.src = src;
      this.tokens = JsLexer.tokenize(src);
    }

    String rewrite() {
      int i = 0;
      while (i < tokens.size()) {
        String kw = statementKeyword(tokens, i);
        if (kw == null) {
          i++;
          continue;
        }
        i = kw.equals("import") ? importStatement(i) : exportStatement(i);
      }
      out.append(src, copied, src.length());
      StringBuilder head = new StringBuilder("'use strict';Object.defineProperty(exports,'__esModule',{value:true});");
      for (Map.Entry<String, String> g : getters.entrySet()) {
        head.append("Object.defineProperty(exports,").append(quote(g.getKey()))
            .append(",{enumerable:true,configurable:true,get:function(){return ").append(g.getValue()).append(";}});");
      }
      return head.append(out).toString();
    }

    /** Replaces source [start, end) with {@code text}, keeping the line count. */
    private void replace(int start, int end, String text) {
      out.append(src, copied, start).append(text);
      for (int k = start; k < end; k++) {
        if (src.charAt(k) == '\n') {
          out.append('\n');
        }
      }
      copied = end;
    }

    private String moduleVar() {
      return "__sparrowModule" + (moduleVars++);
    }

    /** Index after an optional ';'. */
    private int endOfStatement(int i) {
      return i < tokens.size() && tokens.get(i).is(";") ? i + 1 : i;
    }

    private int endOffset(int i) {
      return i < tokens.size() ? tokens.get(i - 1).end() : src.length();
    }

    private int importStatement(int i) {
      Token start = tokens.get(i);
      int j = i + 1;
      if (tokens.get(j).kind() == Kind.STRING) {
        int end = endOfStatement(j + 1);
        replace(start.start(), endOffset(end), "require(" + tokens.get(j).text() + ");");
        return end;
      }
      String defaultName = null;
      String nsName = null;
      Map<String, String> named = new LinkedHashMap<>();
      if (tokens.get(j).kind() == Kind.NAME && !tokens.get(j).is("from")) {
        defaultName = tokens.get(j).text();
        j++;
        if (tokens.get(j).is(",")) {
          j++;
        }
      }
      if (tokens.get(j).is("*")) {
        nsName = tokens.get(j + 2).text();
        j += 3;
      } else if (tokens.get(j).is("{")) {
        j = namedList(j + 1, named);
      }
      if (!tokens.get(j).is("from")) {
        return j;
      }
      Token spec = tokens.get(j + 1);
      int end = endOfStatement(skipAttributes(j + 2));
      String mv = moduleVar();
      StringBuilder code = new StringBuilder("var ").append(mv).append("=require(").append(spec.text()).append(")");
      if (defaultName != null) {
        code.append(",").append(defaultName).append("=__sparrowInterop.def(").append(mv).append(")");
      }
      if (nsName != null) {
        code.append(",").append(nsName).append("=__sparrowInterop.ns(").append(mv).append(")");
      }
      for (Map.Entry<String, String> e : named.entrySet()) {
        String imported = e.getValue();
        code.append(",").append(e.getKey()).append("=")
            .append(imported.equals("default") ? "__sparrowInterop.def(" + mv + ")" : mv + "[" + quote(imported) + "]");
      }
      replace(start.start(), endOffset(end), code.append(';').toString());
      return end;
    }

    /** Reads {@code a, b as c, 'x' as d}} into local → imported; returns the index after '}'. */
    private int namedList(int j, Map<String, String> localToRemote) {
      while (j < tokens.size() && !tokens.get(j).is("}")) {
        Token name = tokens.get(j);
        if (name.is(",")) {
          j++;
          continue;
        }
        String remote = unquote(name);
        String local = remote;
        if (j + 2 < tokens.size() && tokens.get(j + 1).is("as")) {
          local = unquote(tokens.get(j + 2));
          j += 3;
        } else {
          j++;
        }
        localToRemote.put(local, remote);
      }
      return j + 1;
    }

    private int skipAttributes(int j) {
      if (j < tokens.size() && (tokens.get(j).is("with") || tokens.get(j).is("assert")) && j + 1 < tokens.size() && tokens.get(j + 1).is("{")) {
        j += 2;
        while (j < tokens.size() && !tokens.get(j).is("}")) {
          j++;
        }
        return j + 1;
      }
      return j;
    }

    private int exportStatement(int i) {
      Token start = tokens.get(i);
      Token next = tokens.get(i + 1);
      if (next.is("default")) {
        return exportDefault(i);
      }
      if (next.is("*")) {
        int j = i + 2;
        String nsName = null;
        if (tokens.get(j).is("as")) {
          nsName = unquote(tokens.get(j + 1));
          j += 2;
        }
        Token spec = tokens.get(j + 1);
        int end = endOfStatement(skipAttributes(j + 2));
        if (nsName == null) {
          replace(start.start(), endOffset(end), "__sparrowInterop.reexport(exports,require(" + spec.text() + "));");
        } else {
          String mv = moduleVar();
          replace(start.start(), endOffset(end), "var " + mv + "=__sparrowInterop.ns(require(" + spec.text() + "));");
          getters.put(nsName, mv);
        }
        return end;
      }
      if (next.is("{")) {
        Map<String, String> exportedToLocal = new LinkedHashMap<>();
        int j = namedList(i + 2, exportedToLocal);
        if (j < tokens.size() && tokens.get(j).is("from")) {
          Token spec = tokens.get(j + 1);
          int end = endOfStatement(skipAttributes(j + 2));
          String mv = moduleVar();
          replace(start.start(), endOffset(end), "var " + mv + "=require(" + spec.text() + ");");
          for (Map.Entry<String, String> e : exportedToLocal.entrySet()) {
            String remote = e.getValue();
            getters.put(e.getKey(), remote.equals("default") ? "__sparrowInterop.def(" + mv + ")" : mv + "[" + quote(remote) + "]");
          }
          return end;
        }
        int end = endOfStatement(j);
        replace(start.start(), endOffset(end), "");
        exportedToLocal.forEach(getters::put);
        return end;
      }
      // export var/let/const/function/async function/class
      replace(start.start(), next.start(), "");
      int j = i + 1;
      if (tokens.get(j).is("async")) {
        j++;
      }
      Token kw = tokens.get(j);
      if (kw.is("function") || kw.is("class")) {
        int nameAt = tokens.get(j + 1).is("*") ? j + 2 : j + 1;
        String name = tokens.get(nameAt).text();
        getters.put(name, name);
        return nameAt + 1;
      }
      if (kw.is("var") || kw.is("let") || kw.is("const")) {
        return declaredNames(j + 1);
      }
      return j;
    }

    private int exportDefault(int i) {
      Token start = tokens.get(i);
      int j = i + 2;
      boolean async = tokens.get(j).is("async") && tokens.get(j + 1).is("function");
      Token decl = tokens.get(async ? j + 1 : j);
      if (decl.is("function") || decl.is("class")) {
        int nameAt = tokens.get((async ? j + 1 : j) + 1).is("*") ? (async ? j + 3 : j + 2) : (async ? j + 2 : j + 1);
        Token name = tokens.get(nameAt);
        if (name.kind() == Kind.NAME && !name.is("extends")) {
          replace(start.start(), tokens.get(j).start(), "");
          getters.put("default", name.text());
          return nameAt + 1;
        }
      }
      replace(start.start(), tokens.get(j).start(), "exports.default=");
      return j;
    }

    /** Publishes the names bound by a var/let/const declaration list starting at {@code j}. */
    private int declaredNames(int j) {
      int nesting = 0;
      boolean expectName = true;
      while (j < tokens.size()) {
        Token t = tokens.get(j);
        if (nesting == 0 && (t.is(";") || (t.kind() == Kind.NAME && DECLARATION_STARTERS.contains(t.text()) && !expectName))) {
          return j;
        }
        if (expectName && nesting == 0 && (t.is("{") || t.is("["))) {
          j = patternNames(j);
          expectName = false;
          continue;
        }
        if (expectName && t.kind() == Kind.NAME) {
          getters.put(t.text(), t.text());
          expectName = false;
        } else if (t.is("(") || t.is("[") || t.is("{") || (t.kind() == Kind.TEMPLATE && t.text().endsWith("${"))) {
          nesting++;
        } else if (t.is(")") || t.is("]") || t.is("}") || (t.kind() == Kind.TEMPLATE && t.text().startsWith("}"))) {
          nesting--;
        } else if (nesting == 0 && t.is(",")) {
          expectName = true;
        }
        j++;
      }
      return j;
    }

    /** Names bound by a destructuring pattern starting at {@code j}; returns the index after it. */
    private int patternNames(int j) {
      int nesting = 0;
      do {
        Token t = tokens.get(j);
        if (t.is("{") || t.is("[")) {
          nesting++;
        } else if (t.is("}") || t.is("]")) {
          nesting--;
        } else if (t.kind() == Kind.NAME && j + 1 < tokens.size()) {
          Token after = tokens.get(j + 1);
          Token before = tokens.get(j - 1);
          boolean isKey = after.is(":");
          boolean isDefaultValue = before.is("=");
          if (!isKey && !isDefaultValue) {
            getters.put(t.text(), t.text());
          }
        }
        j++;
      } while (nesting > 0 && j < tokens.size());
      return j;
    }

    private static String unquote(Token t) {
      return t.kind() == Kind.STRING ? t.text().substring(1, t.text().length() - 1) : t.text();
    }

    private static String quote(String s) {
      return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
  }
}
