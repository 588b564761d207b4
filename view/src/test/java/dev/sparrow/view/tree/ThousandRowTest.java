package dev.sparrow.view.tree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.view.ElementHandle;
import dev.sparrow.view.PageView;
import dev.sparrow.view.Pages;
import dev.sparrow.view.bench.Rows;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The benchmark page: a one-row setData in a 1,000-row list touches only that row. */
class ThousandRowTest {

  @Test
  void oneRowSetDataPatchesOnlyThatRow() {
    try (PageView v = PageView.open(Rows.compile(), Rows.data(1000), () -> 0)) {
      List<ElementHandle> rows = v.findAll(".row");
      assertThat(rows).hasSize(1000);
      Set<Integer> rowIds = new HashSet<>();
      collect(rows.get(500).element(), rowIds);

      List<Patch> title = v.setData(Pages.json("{'rows[500].title':'changed'}"));
      assertThat(title).hasSize(1);
      assertThat(rowIds).contains(title.get(0).id());

      List<Patch> done = v.setData(Pages.json("{'rows[500].done':true,'rows[500].qty':5}"));
      assertThat(done).isNotEmpty().allSatisfy(p -> {
        int target = p instanceof Patch.Insert ? ((Patch.Insert) p).parent() : p.id();
        assertThat(rowIds).contains(target);
      });
      assertThat(v.findAll(".row").get(500).text()).contains("501. changed", "x5", "done");
    }
  }

  private static void collect(VNode n, Set<Integer> ids) {
    ids.add(n.id());
    if (n instanceof VElement) {
      for (VNode c : ((VElement) n).children()) {
        collect(c, ids);
      }
    }
  }
}
