package dev.sparrow.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.view.template.WxmlCompiler;
import dev.sparrow.view.tree.Patch;
import dev.sparrow.view.tree.TreeJson;
import dev.sparrow.view.tree.VElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which WXML constructs a {@code setData} by path updates on its own and which take a whole render: for each, the
 * update by path must give the whole render's patches and tree, must not render the page again when the table says
 * so, and must leave the node {@code keep} names (selector, then {@code @n} for the n-th match) the same object.
 */
class PathUpdateConstructsTest {
  private static final String DATA = """
      {'title': 'T', 'head': {'title': 'H'}, 'rows2': [{'id': 5, 't': 'e'}, {'id': 6, 't': 'f'}], 'rows': [
        {'id': 0, 't': 'a', 'cells': [{'text': 'x0'}, {'text': 'y0'}, {'text': 'z0'}]},
        {'id': 1, 't': 'b', 'cells': [{'text': 'x1'}, {'text': 'y1'}, {'text': 'z1'}]},
        {'id': 2, 't': 'c', 'cells': [{'text': 'x2'}, {'text': 'y2'}, {'text': 'z2'}]}]}""";
  private static final String LIST =
      "<view wx:for=\"{{rows}}\" wx:key=\"id\" class=\"row r{{index}}\"><text>{{item.t}}</text></view>";
  private static final String GRID = "<view wx:for=\"{{rows}}\" wx:key=\"id\" class=\"row r{{index}}\">"
      + "<text>{{item.t}}</text><view wx:for=\"{{item.cells}}\" wx:for-item=\"c\" class=\"cell c{{index}}\">"
      + "{{c.text}}</view></view>";

  record Case(String name, Map<String, String> files, String change, boolean byPath, String keep) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> constructs() {
    return Stream.of(
        new Case("list item", Map.of("index.wxml", LIST), "{'rows[1].t': 'B'}", true, ".r0"),
        new Case("single text", Map.of("index.wxml", "<view class=\"keep\"/><text>{{title}}</text>"),
            "{'title': 'U'}", true, ".keep"),
        new Case("template call, data shorthand", Map.of("index.wxml",
            "<template name=\"h\"><view class=\"h\">{{title}}</view></template>"
                + "<view class=\"keep\"/><template is=\"h\" data=\"{{title}}\"/>"), "{'title': 'U'}", true, ".keep"),
        new Case("template call, data spread", Map.of("index.wxml",
            "<template name=\"h\"><view class=\"h {{title}}\">{{title}}</view></template>"
                + "<view class=\"keep\"/><template is=\"h\" data=\"{{...head}}\"/>"), "{'head.title': 'U'}", true,
            ".keep"),
        new Case("template called twice, singles", Map.of("index.wxml",
            "<template name=\"h\"><view class=\"h {{t}}\">{{t}}</view></template><view class=\"keep\"/>"
                + "<template is=\"h\" data=\"{{t: title}}\"/><template is=\"h\" data=\"{{t: head.title}}\"/>"),
            "{'title': 'U', 'head.title': 'V'}", true, ".keep"),
        new Case("template with a list called twice, with two lists", Map.of("index.wxml",
            "<template name=\"l\">" + LIST.replace("rows", "list") + "</template>"
                + "<template is=\"l\" data=\"{{list: rows}}\"/><template is=\"l\" data=\"{{list: rows2}}\"/>"),
            "{'rows2[1].t': 'B'}", true, ".r1"),
        new Case("template call, list in its body", Map.of("index.wxml",
            "<template name=\"l\">" + LIST + "</template><template is=\"l\" data=\"{{rows}}\"/>"),
            "{'rows[1].t': 'B'}", true, ".r0"),
        new Case("imported template, list in its body", Map.of("t.wxml", "<template name=\"l\">" + LIST + "</template>",
            "index.wxml", "<import src=\"t\"/><template is=\"l\" data=\"{{rows, title}}\"/>"),
            "{'rows[1].t': 'B'}", true, ".r0"),
        new Case("include, list",
            Map.of("part.wxml", LIST, "index.wxml", "<view class=\"keep\"/><include src=\"part\"/>"),
            "{'rows[1].t': 'B'}", true, ".r0"),
        new Case("include, single", Map.of("part.wxml", "<text>{{title}}</text>",
            "index.wxml", "<view class=\"keep\"/><include src=\"part\"/>"), "{'title': 'U'}", true, ".keep"),
        new Case("nested list", Map.of("index.wxml", GRID), "{'rows[1].cells[2].text': 'Z'}", true, ".c0@1"),
        new Case("nested list, two cells and a row", Map.of("index.wxml", GRID),
            "{'rows[1].cells[2].text': 'Z', 'rows[2].cells[0].text': 'X', 'rows[2].t': 'C'}", true, ".c1@1"),
        new Case("nested item's key changes: its row renders again", Map.of("index.wxml",
            GRID.replace("wx:for-item=\"c\"", "wx:for-item=\"c\" wx:key=\"text\"")),
            "{'rows[1].cells[2].text': 'Z'}", true, ".r0"),
        new Case("single around a list, both changed", Map.of("index.wxml",
            "<view class=\"box {{title}}\">" + LIST + "</view>"), "{'rows[1].t': 'B', 'title': 'U'}", true, ".r0"),
        new Case("nested list in a template", Map.of("index.wxml",
            "<template name=\"g\">" + GRID + "</template><template is=\"g\" data=\"{{rows}}\"/>"),
            "{'rows[1].cells[2].text': 'Z'}", true, ".c0@1"),
        new Case("nested list in an include", Map.of("part.wxml", GRID, "index.wxml", "<include src=\"part\"/>"),
            "{'rows[1].cells[2].text': 'Z'}", true, ".c0@1"),
        new Case("template call in a list item", Map.of("index.wxml",
            "<template name=\"cell\"><text>{{t}}</text></template><view wx:for=\"{{rows}}\" wx:key=\"id\" "
                + "class=\"row r{{index}}\"><template is=\"cell\" data=\"{{...item}}\"/></view>"),
            "{'rows[1].t': 'B'}", true, ".r0"),
        new Case("whole list replaced (keyed diff)", Map.of("index.wxml", LIST),
            "{'rows': [{'id': 2, 't': 'c'}, {'id': 0, 't': 'a'}]}", false, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("constructs")
  void updatesByPathAsAWholeRenderWould(Case c) {
    Map<String, String> files = new HashMap<>(c.files());
    var page = new WxmlCompiler(ViewSources.of(files)).compile("index");
    ObjectNode data = Pages.json(DATA);
    try (PageView byPath = PageView.open(page, data, () -> 0); PageView whole = PageView.open(page, data, () -> 0)) {
      whole.updateByPath(false);
      VElement kept = c.keep() == null ? null : keep(byPath, c.keep());
      List<Patch> a = byPath.setData(Pages.json(c.change()));
      List<Patch> b = whole.setData(Pages.json(c.change()));
      assertThat(json(a)).as(c.name()).isEqualTo(json(b)).isNotEmpty();
      assertThat(TreeJson.toJson(byPath.root())).as(c.name()).isEqualTo(TreeJson.toJson(whole.root()));
      assertThat(byPath.wholeRenders()).as(c.name() + ": whole renders").isEqualTo(c.byPath() ? 0 : 1);
      if (kept != null) {
        assertThat(keep(byPath, c.keep())).as(c.name() + ": " + c.keep() + " kept").isSameAs(kept);
      }
      ObjectNode next = Pages.json(c.change());
      next.fields().forEachRemaining(e -> e.setValue(e.getValue().isTextual()
          ? Pages.JSON.getNodeFactory().textNode(e.getValue().textValue() + "2") : e.getValue()));
      List<Patch> again = byPath.setData(next.deepCopy());
      assertThat(json(again)).as(c.name() + ", again").isEqualTo(json(whole.setData(next.deepCopy())));
      assertThat(TreeJson.toJson(byPath.root())).as(c.name()).isEqualTo(TreeJson.toJson(whole.root()));
      assertThat(byPath.wholeRenders()).as(c.name() + ": whole renders").isEqualTo(c.byPath() ? 0 : 2);
    }
  }

  private static VElement keep(PageView v, String keep) {
    String[] at = keep.split("@");
    return v.findAll(at[0]).get(at.length > 1 ? Integer.parseInt(at[1]) : 0).element();
  }

  private static List<JsonNode> json(List<Patch> patches) {
    List<JsonNode> out = new ArrayList<>();
    patches.forEach(p -> out.add(p.toJson()));
    return out;
  }
}
