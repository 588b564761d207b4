package dev.sparrow.runtime.js;

import dev.sparrow.runtime.js.JsLexer.Kind;
import dev.sparrow.runtime.js.JsLexer.Token;
import java.util.List;

/**
 * ES {@code import}/{@code export} in a package file: {@link #isModule} spots them with a lexer (cheap, so plain
 * CommonJS files never wait for a compiler), {@link #toCommonJs} has {@link ScriptCompiler} (Sucrase) turn them into
 * the CommonJS form WeChat's module wrapper runs, as DevTools' "ES6 to ES5" step does: Babel's interop
 * ({@code exports.__esModule}, {@code default} of a CommonJS module is its {@code module.exports}), exports kept live
 * by assignment, re-exports, {@code import()} as a promise of {@code require}, every line where it was.
 */
public final class EsModules {

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
    return toCommonJs("module.js", source, CompileCache.none());
  }

  /**
   * The CommonJS form of {@code source} (package file {@code name}), or {@code source} itself if it is not a module.
   *
   * @throws ScriptCompiler.CompileError when the module does not parse
   */
  public static String toCommonJs(String name, String source, CompileCache cache) {
    if (!isModule(source)) {
      return source;
    }
    return cache.get(ScriptCompiler.VERSION, "esm", source, () -> ScriptCompiler.shared().compile(name, source, false));
  }

  /**
   * True if an {@code export var|let|const} in {@code source} may declare more than one name: a comma outside
   * brackets before the statement's {@code ;} (or the next top-level import or export). Cautious: an assignment list
   * after a statement that ends without {@code ;}, or a TypeScript type argument list, counts too.
   */
  public static boolean exportsSeveralDeclarators(String source) {
    if (!source.contains("export")) {
      return false;
    }
    List<Token> tokens = JsLexer.tokenize(source);
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Token next = tokens.get(i + 1);
      if (!"export".equals(statementKeyword(tokens, i))
          || !(next.is("var") || next.is("let") || next.is("const"))) {
        continue;
      }
      int depth = tokens.get(i).depth();
      int brackets = 0;
      for (int j = i + 2; j < tokens.size(); j++) {
        Token t = tokens.get(j);
        if (t.is("(") || t.is("[")) {
          brackets++;
        } else if (t.is(")") || t.is("]")) {
          brackets--;
        } else if (t.depth() == depth && brackets == 0 && (t.is(";") || statementKeyword(tokens, j) != null)) {
          break;
        } else if (t.depth() == depth && brackets == 0 && t.is(",")) {
          return true;
        }
      }
    }
    return false;
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
}
