package dev.sparrow.runtime.js;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

class EsModulesTest {
  @Test
  void commonJsFilesAreLeftAlone() {
    String cjs = "const a = require('./a')\nmodule.exports = { importX: 1, exported: a }\nobj.import(1); obj.export = 2";
    assertThat(EsModules.isModule(cjs)).isFalse();
    assertThat(EsModules.toCommonJs(cjs)).isSameAs(cjs);
  }

  @Test
  void keywordsInsideStringsCommentsTemplatesAndRegexesDoNotCount() {
    String text = "// import x from 'y'\nconst s = 'export default 1'\nconst t = `import ${a} from`\n"
        + "const r = /export/\n/* export { a } */";
    assertThat(EsModules.isModule(text)).isFalse();
  }

  @Test
  void everyLineStaysWhereItWas() {
    String src = "import a from './a'\nimport {\n  b,\n  c as d\n} from './b'\nexport const x = 1\n"
        + "throw new Error('line 7')\n";
    String[] lines = EsModules.toCommonJs(src).split("\n", -1);
    assertThat(lines[6]).contains("throw new Error('line 7')");
    assertThat(lines[5]).contains("const x = 1");
  }

  @Test
  void dynamicImportAndImportMetaAreNotStatements() {
    assertThat(EsModules.isModule("const m = import('./x')\nconsole.log(import.meta)")).isFalse();
  }

  @Test
  void anExportAfterATemplateLiteralArrowIsCompiled() {
    // TDesign's common/utils.js: the hand-written rewriter left the second export in place
    Map<String, String> files = new LinkedHashMap<>();
    files.put("utils", "export const f = (a, e) => `${a}_${e}`;\nexport const g = (a) => `${a}`;\nexport default 3;\n");
    files.put("main", "import d, { f, g } from './utils';\nmodule.exports = [f(1, 'x'), g(2), d];\n");
    assertThat(run(files, "main")).isEqualTo("[\"1_x\",\"2\",3]");
    assertThat(EsModules.isModule("const f = (a, e) => `${a}_${e}`;\nexport const g = 1;\n")).isTrue();
  }

  @Test
  void interopWithCommonJsReExportsAndLiveBindings() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("cjs", "module.exports = function main() { return 'main'; }; module.exports.extra = 7;");
    files.put("counter", "export let count = 0;\nexport function bump() { count++; }\n");
    files.put("all", "export * from './counter';\nexport { default as cjs, extra } from './cjs';\n");
    files.put("main", "import cjs, { extra } from './cjs';\nimport * as all from './all';\n"
        + "const before = all.count; all.bump();\n"
        + "module.exports = [cjs(), extra, before, all.count, all.cjs === cjs, require('./all').__esModule];\n");
    assertThat(run(files, "main")).isEqualTo("[\"main\",7,0,1,true,true]");
  }

  @Test
  void anExportOfSeveralDeclaratorsExportsEachOfThem() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("several", "export const a = 1, b = [a, 2], c = f(1, 2);\nfunction f(x, y) { return x + y; }\n"
        + "export let d = {e: 1, g: 2}, h = () => d.e;\n");
    files.put("main", "import * as s from './several';\nmodule.exports = [s.a, s.b, s.c, s.d.g, s.h()];\n");
    assertThat(run(files, "main")).isEqualTo("[1,[1,2],3,2,1]");
  }

  @Test
  void severalDeclaratorsAreFoundByTheParserNotByCommasInTheText() {
    // patterns, defaults, strings, templates and comments hold commas; a statement after one without `;` too
    Map<String, String> files = new LinkedHashMap<>();
    files.put("several", """
        const obj = {a: 1, b: [2, 3]};
        export const {a, b: [, c]} = obj, s = 'p, q', t = `r, ${a + 1}, s`; // u, v
        export let /* w, x */ m = 1, n;
        export var [p = (1, 2), ...rest] = [undefined, 5, 6], q = {k: [1, 2]}
        n = m + 1, m = 9
        export function bump() { m++; }
        """);
    files.put("main", "import * as s from './several';\nconst before = s.m; s.bump();\n"
        + "module.exports = [s.a, s.c, s.s, s.t, before, s.n, s.m, s.p, s.rest, s.q.k];\n");
    assertThat(run(files, "main")).isEqualTo("[1,3,\"p, q\",\"r, 2, s\",9,2,10,2,[5,6],[1,2]]");
    assertThat(EsModules.toCommonJs(files.get("several")).split("\n", -1)[5]).contains("function bump()");
  }

  @Test
  void aTypeScriptExportOfSeveralDeclaratorsKeepsItsTypesCommasAndItsColumnsInTheMap() {
    String ts = "export const m: Map<string, number> = new Map<string, number>(), label: string = 'x, y', n = 2;\n"
        + "export let u: [number, string] | undefined, v = m.size + n;\n";
    String out = ScriptCompiler.shared().compile("t.ts", ts, true);
    Context c = Context.create("js");
    Value exports = c.eval("js", "(function (code) { var module = {exports: {}};"
        + " new Function('module', 'exports', 'require', code)(module, module.exports, null);"
        + " return module.exports; })")
        .execute(out);
    assertThat(exports.getMember("label").asString()).isEqualTo("x, y");
    assertThat(exports.getMember("n").asInt()).isEqualTo(2);
    assertThat(exports.getMember("v").asInt()).isEqualTo(2);
    // where `'x, y'` and `m.size` are in the output, the map points at them in the source
    SourceMap map = SourceMap.of(out).orElseThrow();
    String[] lines = out.split("\n");
    assertThat(map.original(1, lines[0].indexOf("'x, y'") + 1))
        .hasValueSatisfying(at -> assertThat(at).containsExactly(1, ts.indexOf("'x, y'") + 1));
    int second = ts.indexOf('\n') + 1;
    assertThat(map.original(2, lines[1].indexOf("m.size") + 1))
        .hasValueSatisfying(at -> assertThat(at).containsExactly(2, ts.indexOf("m.size") - second + 1));
  }

  @Test
  void onlyAnExportedDeclarationWithATopLevelCommaCountsAsSeveral() {
    assertThat(EsModules.exportsSeveralDeclarators("export const a = 1, b = 2;")).isTrue();
    assertThat(EsModules.exportsSeveralDeclarators("export var a=1,b=2\nexport function f() {}")).isTrue();
    assertThat(EsModules.exportsSeveralDeclarators("export const a = f(1, 2), o = {x: 1};")).isTrue();
    assertThat(EsModules.exportsSeveralDeclarators("export const a = f(1, 2), b")).isTrue();
    assertThat(EsModules.exportsSeveralDeclarators("export const a = f(1, 2); g(3, 4);")).isFalse();
    assertThat(EsModules.exportsSeveralDeclarators("export const o = {x: 1, y: [2, 3]};\nexport { o as p, o as q };"))
        .isFalse();
    assertThat(EsModules.exportsSeveralDeclarators("export function f(a, b) { let c = 1, d = 2; }")).isFalse();
    assertThat(EsModules.exportsSeveralDeclarators("const a = 1, b = 2; export { a, b };")).isFalse();
  }

  @Test
  void aModulesOwnExportWinsOverTheSameNameFromAStarExport() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("base", "export const x = 'base';\nexport const y = 'base';\n");
    files.put("over", "export * from './base';\nexport const x = 'own';\n");
    files.put("main", "import { x, y } from './over';\nmodule.exports = [x, y];\n");
    assertThat(run(files, "main")).isEqualTo("[\"own\",\"base\"]");
  }

  @Test
  void theSourceMapIsSucrasesOwn() {
    // what Sucrase 3.35.1 with @jridgewell/gen-mapping gives for it under Node
    String ts = "import { a } from \"./a\";\nexport const f = (x: number): string => a(x) + \"!\";\n"
        + "export default class K { n: number = 1; }\n";
    assertThat(ScriptCompiler.shared().compile("m.ts", ts, true)).endsWith(SourceMap.MARK + "AAAA,iGAAuB;AACvB,"
        + "CAAO,MAAM,EAAE,EAAE,CAAC,CAAC,KAAqB,kBAAC,CAAE,EAAE,EAAE,kBAAG;AAClD,CAAe,MAAM,EAAE,EAAE,CAAC,CAAS,EAAE,CAAC,EAAE");
  }

  @Test
  void dynamicImportInAModuleBecomesAPromiseOfRequire() {
    String out = EsModules.toCommonJs("export const load = () => import('./later');\n");
    assertThat(out).containsPattern("require\\(['\"]./later['\"]\\)").doesNotContain("import(");
  }

  @Test
  void aSyntaxErrorNamesItsFileLineAndColumn() {
    assertThatThrownBy(() -> EsModules.toCommonJs("lib/bad.js", "export const a = 1;\nexport const = 2;\n",
        CompileCache.none()))
        .isInstanceOfSatisfying(ScriptCompiler.CompileError.class, e -> {
          assertThat(e.file()).isEqualTo("lib/bad.js");
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.column()).isEqualTo(14);
          assertThat(e.getMessage()).startsWith("SyntaxError: ");
        });
  }

  @Test
  void typeScriptLosesItsTypesAndKeepsItsLines() {
    String ts = "interface P { name: string }\nconst greet = (p: P): string => `hi ${p.name}`;\n"
        + "export default greet;\nexport enum Color { Red, Green }\n";
    String js = ScriptCompiler.shared().compile("a.ts", ts, true);
    Map<String, String> files = Map.of("a", js, "main",
        "const a = require('./a'); module.exports = [a.default({name: 'x'}), a.Color.Green];");
    assertThat(run(files, "main")).isEqualTo("[\"hi x\",1]");
    assertThat(js.split("\n", -1)[1]).contains("const greet");
  }

  /** Evaluates {@code entry} with a require over {@code files} (each compiled), returning its exports as JSON. */
  private static String run(Map<String, String> files, String entry) {
    Context c = Context.create("js");
    Value define = c.eval("js", "(function () { var mods = {}, cache = {};"
        + " function req(n) { n = n.replace('./', ''); if (cache[n]) return cache[n].exports;"
        + " var m = cache[n] = {exports: {}}; mods[n](m, m.exports, req); return m.exports; }"
        + " return {add: function (n, code) { mods[n] = new Function('module', 'exports', 'require', code); },"
        + " req: req}; })()");
    files.forEach((name, code) -> define.getMember("add").execute(name, EsModules.toCommonJs(code)));
    return c.eval("js", "JSON.stringify").execute(define.getMember("req").execute(entry)).asString();
  }
}
