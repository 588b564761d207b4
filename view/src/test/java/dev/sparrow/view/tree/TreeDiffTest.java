package dev.sparrow.view.tree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.view.PageView;
import dev.sparrow.view.Pages;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TreeDiffTest {

  private static final String LIST =
      "<view wx:for='{{rows}}' wx:key='id' class='row'><text>{{item.t}}</text></view><view>{{rows.length}}</view>"
          .replace('\'', '"');

  @Test
  void changingOneTitleIsOneSetText() {
    try (PageView v = Pages.open(LIST, "{'rows':[{'id':1,'t':'a'},{'id':2,'t':'b'},{'id':3,'t':'c'}]}")) {
      int textId = v.findAll("text").get(1).element().children().get(0).id();
      List<Patch> patches = v.setData(Pages.json("{'rows[1].t':'B'}"));
      assertThat(patches).containsExactly(new Patch.SetText(textId, "B"));
    }
  }

  @Test
  void keyedReorderMovesNodesAndKeepsTheirIds() {
    try (PageView v = Pages.open(LIST, "{'rows':[{'id':1,'t':'a'},{'id':2,'t':'b'},{'id':3,'t':'c'}]}")) {
      int idOfC = v.findAll("view.row").get(2).id();
      List<Patch> patches = v.setData(Pages.json("{'rows':[{'id':3,'t':'c'},{'id':1,'t':'a'},{'id':2,'t':'b'}]}"));
      assertThat(patches).containsExactly(new Patch.Move(idOfC, v.root().id(), v.findAll("view.row").get(1).id()));
      assertThat(v.findAll("view.row").get(0).id()).isEqualTo(idOfC);
    }
  }

  @Test
  void switchingBranchesReplacesTheElement() {
    try (PageView v = Pages.open("<view wx:if=\"{{a}}\">x</view><view wx:else>y</view>", "{'a':true}")) {
      int old = v.find("view").orElseThrow().id();
      List<Patch> patches = v.setData(Pages.json("{'a':false}"));
      assertThat(patches).hasSize(2);
      assertThat(patches.get(0)).isEqualTo(new Patch.Remove(old));
      assertThat(patches.get(1)).isInstanceOf(Patch.Insert.class);
    }
  }

  @Test
  void attributeChangesAreSetAndRemove() {
    try (PageView v = Pages.open("<view class=\"{{c}}\" a=\"{{a}}\"></view>", "{'c':'x','a':1}")) {
      int id = v.find("view").orElseThrow().id();
      assertThat(v.setData(Pages.json("{'c':'y','a':null}")))
          .containsExactlyInAnyOrder(new Patch.SetAttr(id, "class", Pages.JSON.getNodeFactory().textNode("y")),
              new Patch.SetAttr(id, "a", Pages.JSON.getNodeFactory().nullNode()));
    }
  }

  @Test
  void randomListEditsApplyToTheSameTreeAsARender() {
    Random rnd = new Random(7);
    try (PageView v = Pages.open(LIST, "{'rows':[]}")) {
      List<Integer> ids = new ArrayList<>();
      int next = 0;
      for (int round = 0; round < 200; round++) {
        PatchApplier applier = new PatchApplier(v.root());
        int op = rnd.nextInt(4);
        if (op == 0 || ids.isEmpty()) {
          ids.add(rnd.nextInt(ids.size() + 1), next++);
        } else if (op == 1) {
          ids.remove(rnd.nextInt(ids.size()));
        } else if (op == 2) {
          Collections.shuffle(ids, rnd);
        } else {
          Collections.swap(ids, rnd.nextInt(ids.size()), rnd.nextInt(ids.size()));
        }
        StringBuilder rows = new StringBuilder("{'rows':[");
        for (int i = 0; i < ids.size(); i++) {
          rows.append(i == 0 ? "" : ",").append("{'id':").append(ids.get(i)).append(",'t':'r")
              .append(ids.get(i) * (round % 3)).append("'}");
        }
        applier.apply(v.setData(Pages.json(rows + "]}")));
        assertThat(applier.root).isEqualTo(TreeJson.toJson(v.root()));
      }
    }
  }

  @Test
  void longestIncreasingRunStaysPut() {
    boolean[] stays = TreeDiff.longestIncreasing(new int[] {2, 0, 1, -1, 3});
    assertThat(stays).containsExactly(false, true, true, false, true);
  }

  @Test
  void jsonFormDropsUndefinedLikeJsonStringify() throws Exception {
    try (PageView v = Pages.open("<view a=\"{{[1, u]}}\" b=\"{{ {x: u, y: 2} }}\" c=\"{{u}}\">t</view>", "{}")) {
      String json = Pages.JSON.writeValueAsString(TreeJson.toJson(v.root()));
      assertThat(json).contains("\"a\":[1,null]", "\"b\":{\"y\":2}").doesNotContain("\"c\"");
    }
  }
}
