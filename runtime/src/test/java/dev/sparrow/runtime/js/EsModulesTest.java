package dev.sparrow.runtime.js;

import static org.assertj.core.api.Assertions.assertThat;

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
    String text = "// import x from 'y'\nconst s = 'export default 1'\nconst t = `import ${a} from`\nconst r = /export/\n/* export { a } */";
    assertThat(EsModules.isModule(text)).isFalse();
  }

  @Test
  void everyLineStaysWhereItWas() {
    String src = "import a from './a'\nimport {\n  b,\n  c as d\n} from './b'\nexport const x = 1\nthrow new Error('line 7')\n";
    String out = EsModules.toCommonJs(src);
    String[] lines = out.split("\n", -1);
    assertThat(lines).hasSize(src.split("\n", -1).length);
    assertThat(lines[6]).isEqualTo("throw new Error('line 7')");
    assertThat(lines[5]).isEqualTo("const x = 1");
    assertThat(lines[0]).contains("Object.defineProperty(exports,'x'").contains("var __sparrowModule0=require('./a')");
  }

  @Test
  void dynamicImportAndImportMetaAreNotStatements() {
    assertThat(EsModules.isModule("const m = import('./x')\nconsole.log(import.meta)")).isFalse();
  }

  @Test
  void exportDefaultExpressionAndNamedDeclarationForms() {
    String out = EsModules.toCommonJs("export default { a: 1 }\nexport function f() {}\nexport const { p, q: r } = o\n");
    assertThat(out).contains("exports.default={ a: 1 }").contains("'f',{enumerable:true").contains("'p'").contains("'r'").doesNotContain("'q'");
  }
}
