package dev.sparrow.view.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sparrow.view.Pages;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataPathTest {

  @Test
  void parsesNamesAndIndices() {
    assertThat(DataPath.parse("a.b[1].c").segments()).containsExactly("a", "b", 1, "c");
    assertThat(DataPath.parse("list[3].title").segments()).containsExactly("list", 3, "title");
    assertThat(DataPath.parse("m[0][2]").segments()).containsExactly("m", 0, 2);
    assertThat(DataPath.parse("plain-key").segments()).isEqualTo(List.of("plain-key"));
  }

  @Test
  void createsObjectsForNamesAndArraysForIndices() {
    ObjectNode data = Pages.json("{'a':1}");
    DataPath.parse("x.y[2].z").apply(data, TextNode.valueOf("v"));
    assertThat(data).isEqualTo(Pages.json("{'a':1,'x':{'y':[null,null,{'z':'v'}]}}"));
  }

  @Test
  void replacesExistingValuesInPlace() {
    ObjectNode data = Pages.json("{'list':[{'t':'a'},{'t':'b'}]}");
    DataPath.parse("list[1].t").apply(data, TextNode.valueOf("B"));
    assertThat(data).isEqualTo(Pages.json("{'list':[{'t':'a'},{'t':'B'}]}"));
  }

  @Test
  void rejectsMalformedPaths() {
    for (String bad : List.of("", "a.", "a..b", "[1]", "a[x]", "a[1", "a[1]b", "a[100001]")) {
      assertThatThrownBy(() -> DataPath.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
