package dev.sparrow.view.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.view.ViewSources;
import dev.sparrow.view.template.CompiledPage;
import dev.sparrow.view.template.WxmlCompiler;
import java.util.Map;

/** examples/sim-lab's grid page: 50 rows of 20 cells, an imported template whose rows hold a nested wx:for. */
public final class Grid {
  private static final String PAGE = """
      <import src="grid-rows"/>
      <view class="head">{{title}}</view>
      <template is="grid" data="{{rows}}"/>
      """;
  private static final String ROWS = """
      <template name="grid">
        <view wx:for="{{rows}}" wx:key="id" class="row">
          <text class="label">{{item.label}}</text>
          <view wx:for="{{item.cells}}" wx:for-item="cell" wx:key="id" class="cell {{cell.on ? 'on' : ''}}"
              data-row="{{cell.row}}" data-cell="{{index}}" bindtap="toggle">{{cell.v}}</view>
        </view>
      </template>
      """;

  private Grid() {}

  public static CompiledPage compile() {
    return new WxmlCompiler(ViewSources.of(Map.of("index.wxml", PAGE, "grid-rows.wxml", ROWS))).compile("index");
  }

  /** {@code rows[i] = {id: i, label, cells: [{id: j, row: i, v: i * 20 + j, on: false}, …20]}}, 50 rows. */
  public static ObjectNode data() {
    ObjectNode data = JsonNodeFactory.instance.objectNode().put("title", "1,000 cells");
    ArrayNode rows = data.putArray("rows");
    for (int i = 0; i < 50; i++) {
      ArrayNode cells = rows.addObject().put("id", i).put("label", "Row " + i).putArray("cells");
      for (int j = 0; j < 20; j++) {
        cells.addObject().put("id", j).put("row", i).put("v", i * 20 + j).put("on", false);
      }
    }
    return data;
  }
}
