package dev.sparrow.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.view.bench.Rows;
import dev.sparrow.view.custom.ComponentDefinition;
import dev.sparrow.view.custom.ComponentHost;
import dev.sparrow.view.template.CompiledPage;
import dev.sparrow.view.template.WxmlCompiler;
import dev.sparrow.view.tree.Patch;
import dev.sparrow.view.tree.TreeJson;
import dev.sparrow.view.tree.VElement;
import dev.sparrow.view.tree.VNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Updates by data path ({@code rows[3].title} re-renders that item only) give exactly the patches and the tree a
 * whole render gives: two views of one page take the same random setData sequences, one updating by path and one
 * rendering the page again each time.
 */
class PathUpdateTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Keyed items, nested lists, an if/elif/else chain, a template call, WXS calls and a list inside a condition. */
  private static final String NESTED = """
      <wxs module="m">
        module.exports = { fmt: function (n, i) { return n === undefined ? 'none' : '#' + i + ':' + (n * 2) } };
      </wxs>
      <template name="cell"><text class="cell {{k}}">{{m2.up(t)}}</text></template>
      <wxs module="m2">module.exports = { up: function (s) { return String(s).toUpperCase() } };</wxs>
      <view class="head">{{title}}</view>
      <view class="box {{cls}}" data-t="{{title}}">
        <block wx:if="{{show && list.length > 0}}">
          <view wx:for="{{list}}" wx:key="k" data-i="{{index}}" class="item {{item.n > 5 ? 'big' : ''}}">
            <text>{{m.fmt(item.n, index)}}</text>
            <text wx:if="{{item.n > 7}}">high</text>
            <text wx:elif="{{item.n > 3}}">mid</text>
            <block wx:else><text>low</text><text>{{item.t}}</text></block>
            <view wx:for="{{item.tags}}" wx:for-item="tag" wx:key="*this">{{tag}}/{{index}}</view>
            <template is="cell" data="{{...item}}"/>
          </view>
        </block>
        <view wx:else>hidden</view>
        <text>between {{list.length}} and {{plain['length']}}</text>
        <view wx:for="{{plain}}">{{index}}={{item}}</view>
      </view>
      <view wx:for="{{twice}}">{{item.v}}</view>
      <view wx:if="{{show}}" style="{{cls}}">{{title}} {{user.name}}</view>
      <text>{{twice.length}} {{count}}</text>
      <include src="part"/>
      """;
  private static final String PART = "<view wx:for=\"{{inc}}\" wx:key=\"id\">{{item.id}}:{{item.v}}</view>";

  @Test
  void rowsPageMatchesWholeRenders() {
    differential(Rows.compile(), Rows.data(60), 7, 400, this::rowChange);
  }

  @Test
  void nestedPageMatchesWholeRenders() {
    CompiledPage page = new WxmlCompiler(ViewSources.of(Map.of("index.wxml", NESTED, "part.wxml", PART)))
        .compile("index");
    for (long seed = 1; seed <= 4; seed++) {
      differential(page, nestedData(new Random(seed)), seed, 250, this::nestedChange);
    }
  }

  /**
   * Lists in template bodies (a template imported and one defined here), nested three deep (keyed), singles in
   * templates whose data spreads an object or computes a value (one called twice), an include with a list and a
   * single, and a template with a list called four times: over two lists of their own and twice over a third (that
   * one is not on its own).
   */
  private static final String GRID = """
      <import src="lib"/>
      <template name="rows">
        <view wx:for="{{list}}" wx:key="k" class="row">{{item.t}}
          <view wx:for="{{item.cells}}" wx:for-item="c" wx:key="id" class="cell {{c.v > 4 ? 'hi' : ''}}">{{c.v}}
            <text wx:for="{{c.parts}}" wx:for-item="p">{{p}}/{{index}}</text>
            <text wx:if="{{c.v > 6}}">top</text>
          </view>
          <text>{{item.cells.length}} cells</text>
        </view>
      </template>
      <view class="top {{cls}}"><template is="rows" data="{{list: grid}}"/></view>
      <template is="head" data="{{title, n: count + 1}}"/><template is="head" data="{{title: box.b, n: count}}"/>
      <template is="box" data="{{...box}}"/>
      <include src="part"/>
      <template is="twice" data="{{twice}}"/><template is="twice" data="{{twice: other}}"/>
      <template is="twice" data="{{twice: same}}"/><template is="twice" data="{{twice: same}}"/>
      """;
  private static final String LIB = """
      <template name="head"><view class="h">{{title}}</view><text>{{title}}-{{n}}</text></template>
      <template name="box"><view class="b {{a}}">{{b}}</view></template>
      <template name="twice"><view wx:for="{{twice}}">{{item}}</view></template>
      """;
  private static final String GRID_PART = "<view wx:for=\"{{inc}}\" wx:key=\"id\">{{item.v}}"
      + "<view wx:for=\"{{item.sub}}\">{{item}}</view></view><text>{{title}}</text>";

  @Test
  void templatesIncludesAndNestedListsMatchWholeRenders() {
    CompiledPage page = new WxmlCompiler(ViewSources.of(Map.of("index.wxml", GRID, "lib.wxml", LIB,
        "part.wxml", GRID_PART))).compile("index");
    int steps = 0;
    int whole = 0;
    for (long seed = 31; seed <= 34; seed++) {
      whole += differential(page, gridData(new Random(seed)), seed, 250, this::gridChange);
      steps += 250;
    }
    // by design a whole render: an index past the end, a top-level item's key, the whole grid, the list called twice
    assertThat(whole).as("whole renders of " + steps).isLessThan(steps / 2);
  }

  private static ObjectNode gridData(Random r) {
    ObjectNode d = F.objectNode().put("title", "t").put("count", 1).put("cls", "c");
    d.putObject("box").put("a", "x").put("b", "y");
    ArrayNode grid = d.putArray("grid");
    for (int i = 0; i < 5; i++) {
      grid.add(gridRow(r, i));
    }
    ArrayNode inc = d.putArray("inc");
    ArrayNode twice = d.putArray("twice");
    ArrayNode other = d.putArray("other");
    ArrayNode same = d.putArray("same");
    for (int i = 0; i < 3; i++) {
      inc.addObject().put("id", i).put("v", "v" + i).putArray("sub").add("s" + i);
      twice.add(i);
      other.add(10 + i);
      same.add(20 + i);
    }
    return d;
  }

  private static ObjectNode gridRow(Random r, int k) {
    ObjectNode row = F.objectNode().put("k", "k" + k).put("t", "t" + r.nextInt(9));
    ArrayNode cells = row.putArray("cells");
    for (int j = r.nextInt(4); j > 0; j--) {
      cells.add(gridCell(r, j));
    }
    return row;
  }

  private static ObjectNode gridCell(Random r, int id) {
    ObjectNode c = F.objectNode().put("id", id).put("v", r.nextInt(9));
    ArrayNode parts = c.putArray("parts");
    for (int m = r.nextInt(3); m > 0; m--) {
      parts.add("p" + r.nextInt(5));
    }
    return c;
  }

  private ObjectNode gridChange(Random r, ObjectNode data) {
    ObjectNode c = F.objectNode();
    int n = 1 + r.nextInt(3);
    for (int k = 0; k < n; k++) {
      int i = r.nextInt(data.get("grid").size() + 1);
      JsonNode row = data.get("grid").get(Math.min(i, data.get("grid").size() - 1));
      int cells = row == null || !row.path("cells").isArray() ? 1 : row.get("cells").size();
      int j = r.nextInt(cells + 1);
      String cell = "grid[" + i + "].cells[" + j + "]";
      switch (r.nextInt(22)) {
        case 0 -> c.put("grid[" + i + "].t", "T" + r.nextInt(9));
        case 1 -> c.put("grid[" + i + "].k", "k" + r.nextInt(7));
        case 2, 3, 4 -> c.put(cell + ".v", r.nextInt(9));
        case 5 -> c.put(cell + ".id", r.nextInt(4));
        case 6, 7 -> c.put(cell + ".parts[" + r.nextInt(3) + "]", "q" + r.nextInt(5));
        case 8 -> c.set(cell + ".parts", F.arrayNode().add("z"));
        case 9 -> c.set(cell, gridCell(r, r.nextInt(4)));
        case 10 -> c.set("grid[" + i + "].cells", gridRow(r, 0).get("cells"));
        case 11 -> c.set("grid[" + i + "]", gridRow(r, r.nextInt(7)));
        case 12 -> c.set("grid", shuffled(r, (ArrayNode) data.get("grid")));
        case 13 -> c.put("title", "t" + r.nextInt(5));
        case 14 -> c.put("count", r.nextInt(5));
        case 15 -> c.put("box.a", "a" + r.nextInt(3));
        case 16 -> c.set("box", F.objectNode().put("b", "b" + r.nextInt(3)));
        case 17 -> c.put("inc[" + r.nextInt(4) + "].v", "w" + r.nextInt(9));
        case 18 -> c.put("inc[" + r.nextInt(3) + "].sub[" + r.nextInt(2) + "]", "u" + r.nextInt(9));
        case 19 -> c.put(List.of("twice", "other", "same").get(r.nextInt(3)) + "[" + r.nextInt(3) + "]",
            r.nextInt(9));
        case 20 -> c.put("cls", "c" + r.nextInt(3));
        default -> c.putNull(cell + ".v");
      }
    }
    return c;
  }

  /** The session's way: pages open with a component host; a list item that grows a custom tag takes a whole render. */
  @Test
  void pageWithComponentHostMatchesWholeRenders() {
    String wxml = NESTED.replace("<template is=\"cell\" data=\"{{...item}}\"/>",
        "<template is=\"cell\" data=\"{{...item}}\"/><badge wx:if=\"{{item.n > 10}}\" label=\"{{item.t}}\"/>");
    ViewSources sources = ViewSources.of(Map.of("index.wxml", wxml, "part.wxml", PART,
        "badge.wxml", "<text class=\"badge\">{{label}}</text>"));
    CompiledPage page = new WxmlCompiler(sources).compile("index");
    ComponentDefinition badge = new ComponentDefinition("badge", new WxmlCompiler(sources).compile("badge"), false,
        null, List.of(), Set.of(), false, Set.of());
    for (long seed = 11; seed <= 13; seed++) {
      differential(d -> PageView.open(page, d, () -> 0, new Badges(badge)), nestedData(new Random(seed)), seed, 200,
          this::nestedChange);
    }
  }

  /**
   * A page that a component follows (the runtime's custom tab bar: a host appended after the page's own render, under
   * a fixed instance id): updates by path give what whole renders give, and the appended host stays last.
   */
  @Test
  void pageWithAnAppendedComponentMatchesWholeRenders() {
    ViewSources sources = ViewSources.of(Map.of("index.wxml", NESTED, "part.wxml", PART,
        "bar.wxml", "<view class=\"bar\">{{sel}}</view>"));
    CompiledPage page = new WxmlCompiler(sources).compile("index");
    ComponentDefinition bar = new ComponentDefinition("bar", new WxmlCompiler(sources).compile("bar"), false,
        null, List.of(), Set.of(), false, Set.of());
    ComponentHost.Appended appended = new ComponentHost.Appended("custom-tab-bar", bar, -1);
    for (long seed = 21; seed <= 22; seed++) {
      differential(d -> PageView.open(page, d, () -> 0, new Badges(null, Optional.of(appended))),
          nestedData(new Random(seed)), seed, 200, this::nestedChange);
    }
    try (PageView view = PageView.open(page, nestedData(new Random(21)), () -> 0,
        new Badges(null, Optional.of(appended)))) {
      VNode last = view.root().children().get(view.root().children().size() - 1);
      assertThat(last).isInstanceOf(VElement.class);
      assertThat(((VElement) last).tag()).isEqualTo("custom-tab-bar");
      assertThat(((VElement) last).hosted()).isEqualTo(-1);
      assertThat(view.setData(-1, (ObjectNode) F.objectNode().put("sel", 3))).isNotEmpty();
      assertThat(view.wxml()).endsWith("<custom-tab-bar><view class=\"bar\">3</view></custom-tab-bar>");
    }
  }

  /** Resolves {@code badge}; its data is its properties; {@code appended} follows the page. */
  private record Badges(ComponentDefinition badge, Optional<ComponentHost.Appended> appended) implements ComponentHost {
    Badges(ComponentDefinition badge) {
      this(badge, Optional.empty());
    }

    @Override
    public Optional<ComponentDefinition> resolve(String ownerPath, String tag) {
      return tag.equals("badge") && badge != null ? Optional.of(badge) : Optional.empty();
    }

    @Override
    public ObjectNode create(int instance, int owner, ComponentDefinition definition, ObjectNode properties,
        ObjectNode origins, ObjectNode host) {
      return properties.deepCopy();
    }

    @Override
    public void attached(int instance) {}

    @Override
    public void propertiesChanged(int instance, ObjectNode changed, ObjectNode origins) {}

    @Override
    public void detached(int instance) {}
  }

  /**
   * A page of custom components: keyed hosts in a list with slot content, a host whose properties single bindings
   * set, a list written as another component's slot content, a host that comes and goes inside a list item, and
   * components' own setData of their lists. Property changes reach the components as the runtime passes them (a
   * component setData after the drain); the lifecycle and property calls must be the whole render's too.
   */
  private static final String CARDS = """
      <view class="head">{{title}}</view>
      <card title="{{title}}" n="{{count}}" class="{{cls}}"><text>slot {{count}}</text></card>
      <view class="list {{cls}}">
        <card wx:for="{{list}}" wx:key="k" title="{{item.t}}" n="{{item.n}}" data-i="{{index}}">
          <text>{{item.k}}</text>
          <badge wx:if="{{item.n > 7}}" label="{{item.t}}"/>
          <view wx:for="{{item.tags}}" wx:for-item="g" class="g">{{g}}<badge wx:if="{{g == 'g3'}}" label="{{g}}"/></view>
        </card>
      </view>
      <pane><view wx:for="{{twice}}" class="v{{item.v}}">{{item.v}}</view></pane>
      <text>{{count}} {{plain[0]}}</text>
      """;

  @Test
  void pageOfComponentsMatchesWholeRenders() {
    ViewSources sources = ViewSources.of(Map.of("index.wxml", CARDS,
        "card.wxml", "<view class=\"card {{n > 5 ? 'big' : ''}}\">{{title}}:{{n}}<slot/></view>"
            + "<view wx:for=\"{{tags}}\" class=\"tag\">{{item}}</view><text>{{note}}</text>",
        "badge.wxml", "<text class=\"badge\">{{label}}</text>",
        "pane.wxml", "<view class=\"pane\"><slot/></view>"));
    Map<String, ComponentDefinition> defs = new java.util.HashMap<>();
    for (String name : List.of("card", "badge", "pane")) {
      defs.put(name, new ComponentDefinition(name, new WxmlCompiler(sources).compile(name), false, null, List.of(),
          Set.of(), false, Set.of()));
    }
    CompiledPage page = new WxmlCompiler(sources).compile("index");
    for (long seed = 21; seed <= 24; seed++) {
      Random random = new Random(seed);
      ObjectNode data = nestedData(random);
      Cards a = new Cards(defs);
      Cards b = new Cards(defs);
      try (PageView byPath = PageView.open(page, data, () -> 0, a);
          PageView whole = PageView.open(page, data, () -> 0, b)) {
        whole.updateByPath(false);
        byPath.drain();
        whole.drain();
        for (int step = 0; step < 200; step++) {
          String at = "seed " + seed + " step " + step;
          List<Integer> ids = whole.components().components().stream().map(i -> i.id()).toList();
          if (random.nextInt(4) == 0 && !ids.isEmpty()) {
            int id = ids.get(random.nextInt(ids.size()));
            ObjectNode own = cardChange(random);
            if (whole.components().instance(id).definition().path().equals("card")) {
              at += " card " + id + " " + own;
              assertSame(byPath.setData(id, own.deepCopy()), whole.setData(id, own.deepCopy()), byPath, whole, at);
            }
          } else {
            ObjectNode changes = nestedChange(random, whole.data());
            at += " " + changes;
            assertSame(byPath.setData(changes.deepCopy()), whole.setData(changes.deepCopy()), byPath, whole, at);
          }
          for (int round = 0; round < 10; round++) {
            byPath.drain();
            whole.drain();
            assertThat(a.calls).as(at).isEqualTo(b.calls);
            if (a.pending.isEmpty()) {
              break;
            }
            while (!a.pending.isEmpty()) {
              Map.Entry<Integer, ObjectNode> pa = a.pending.remove(0);
              Map.Entry<Integer, ObjectNode> pb = b.pending.remove(0);
              assertThat(pa.getKey()).as(at).isEqualTo(pb.getKey());
              assertSame(byPath.setData(pa.getKey(), pa.getValue()), whole.setData(pb.getKey(), pb.getValue()),
                  byPath, whole, at + " properties of " + pa.getKey());
            }
          }
        }
      }
    }
  }

  /** One property of one of 200 cards: that host alone is composed again, and only its instance hears of it. */
  @Test
  void oneCardUpdateComposesThatCardOnly() {
    ViewSources sources = ViewSources.of(Map.of(
        "index.wxml", "<view class=\"head {{cls}}\">{{title}}</view>"
            + "<card wx:for=\"{{list}}\" wx:key=\"k\" title=\"{{item.t}}\" n=\"{{item.n}}\"/>",
        "card.wxml", "<view class=\"card\">{{title}}:{{n}}</view>"));
    Map<String, ComponentDefinition> defs = Map.of("card", new ComponentDefinition("card",
        new WxmlCompiler(sources).compile("card"), false, null, List.of(), Set.of(), false, Set.of()));
    ObjectNode data = F.objectNode().put("title", "t").put("cls", "c");
    ArrayNode list = data.putArray("list");
    for (int i = 0; i < 200; i++) {
      list.addObject().put("k", "k" + i).put("t", "t" + i).put("n", i);
    }
    Cards host = new Cards(defs);
    try (PageView v = PageView.open(new WxmlCompiler(sources).compile("index"), data, () -> 0, host)) {
      v.drain();
      host.calls.clear();
      VNode first = v.root().children().get(1);
      VNode hundredth = v.root().children().get(101);
      List<Patch> patches = v.setData(Pages.json("{'list[100].t':'changed','title':'T'}"));
      assertThat(json(patches)).hasToString("[{\"op\":\"setText\",\"id\":3,\"text\":\"T\"}, "
          + "{\"op\":\"setAttr\",\"id\":" + hundredth.id() + ",\"name\":\"title\",\"value\":\"changed\"}]");
      assertThat(v.root().children().get(1)).isSameAs(first);
      assertThat(v.root().children().get(101)).isNotSameAs(hundredth);
      v.drain();
      assertThat(host.calls).containsExactly("properties 101 {\"title\":\"changed\"}");
      Map.Entry<Integer, ObjectNode> update = host.pending.remove(0);
      assertThat(v.setData(update.getKey(), update.getValue())).hasSize(1);
      assertThat(v.handle(v.components().instance(1).host().id()).orElseThrow().text()).isEqualTo("t0:0");
      assertThat(v.handle(v.components().instance(101).host().id()).orElseThrow().text()).isEqualTo("changed:100");
      assertThat(v.setData(Pages.json("{'cls':'d'}"))).hasSize(1);
      assertThat(v.root().children().get(1)).isSameAs(first);
    }
  }

  /** With components too, one tag of a nested list in a card's slot content renders alone: the card stays. */
  @Test
  void nestedListInSlotContentUpdatesByPath() {
    ViewSources sources = ViewSources.of(Map.of(
        "index.wxml", "<card wx:for=\"{{list}}\" wx:key=\"k\" title=\"{{item.t}}\">"
            + "<view wx:for=\"{{item.tags}}\" wx:for-item=\"g\" class=\"g\">{{g}}</view></card>",
        "card.wxml", "<view class=\"card\">{{title}}<slot/></view>"));
    Map<String, ComponentDefinition> defs = Map.of("card", new ComponentDefinition("card",
        new WxmlCompiler(sources).compile("card"), false, null, List.of(), Set.of(), false, Set.of()));
    ObjectNode data = Pages.json("{'list': [{'k': 'a', 't': 'A', 'tags': ['x', 'y']}, "
        + "{'k': 'b', 't': 'B', 'tags': ['z', 'w']}]}");
    try (PageView v = PageView.open(new WxmlCompiler(sources).compile("index"), data, () -> 0, new Cards(defs))) {
      v.drain();
      VNode card = v.root().children().get(1);
      VNode w = v.findAll(".g").get(3).element();
      List<Patch> patches = v.setData(Pages.json("{'list[1].tags[0]': 'Z'}"));
      assertThat(patches).hasSize(1).first().isInstanceOf(Patch.SetText.class);
      assertThat(v.findAll(".g").get(2).text()).isEqualTo("Z");
      assertThat(v.root().children().get(1)).isSameAs(card);
      assertThat(v.findAll(".g").get(3).element()).isSameAs(w);
      assertThat(v.wholeRenders()).isZero();
    }
  }

  private static void assertSame(List<Patch> a, List<Patch> b, PageView byPath, PageView whole, String at) {
    assertThat(json(a)).as(at).isEqualTo(json(b));
    assertThat(TreeJson.toJson(byPath.root())).as(at).isEqualTo(TreeJson.toJson(whole.root()));
    assertThat(byPath.wxml()).as(at).isEqualTo(whole.wxml());
    assertIndexed(byPath, byPath.root(), at);
    for (var in : byPath.components().components()) {
      assertThat(in.host()).as(at + " host of " + in.id()).isNotNull();
      assertThat(byPath.node(in.host().id())).as(at + " host of " + in.id()).isSameAs(in.host());
      assertThat(byPath.logicalAncestors(in.id())).as(at).isEqualTo(whole.logicalAncestors(in.id()));
    }
    assertThat(byPath.componentOrder()).as(at).isEqualTo(whole.componentOrder());
  }

  private static ObjectNode cardChange(Random r) {
    ObjectNode c = F.objectNode();
    switch (r.nextInt(4)) {
      case 0 -> c.put("tags[" + r.nextInt(3) + "]", "g" + r.nextInt(5));
      case 1 -> c.set("tags", F.arrayNode().add("x" + r.nextInt(3)));
      case 2 -> c.put("note", "n" + r.nextInt(4));
      default -> c.put("title", "own" + r.nextInt(3));
    }
    return c;
  }

  /** Card, badge and pane; a component's data is its properties (card has tags of its own); changes come back. */
  private static final class Cards implements ComponentHost {
    final Map<String, ComponentDefinition> defs;
    final List<String> calls = new ArrayList<>();
    final List<Map.Entry<Integer, ObjectNode>> pending = new ArrayList<>();

    Cards(Map<String, ComponentDefinition> defs) {
      this.defs = defs;
    }

    @Override
    public Optional<ComponentDefinition> resolve(String ownerPath, String tag) {
      return Optional.ofNullable(defs.get(tag));
    }

    @Override
    public ObjectNode create(int instance, int owner, ComponentDefinition definition, ObjectNode properties,
        ObjectNode origins, ObjectNode host) {
      calls.add("create " + instance + " " + owner + " " + definition.path() + " " + properties + " " + host);
      ObjectNode data = properties.deepCopy();
      if (definition.path().equals("card")) {
        data.set("tags", F.arrayNode().add("t1").add("t2"));
      }
      return data;
    }

    @Override
    public void attached(int instance) {
      calls.add("attached " + instance);
    }

    @Override
    public void propertiesChanged(int instance, ObjectNode changed, ObjectNode origins) {
      if (changed.isEmpty()) {
        return; // a binding that came out undefined may be a function: the logic layer compares (a whole render asks)
      }
      calls.add("properties " + instance + " " + changed);
      pending.add(Map.entry(instance, changed.deepCopy()));
    }

    @Override
    public void moved(int instance) {
      calls.add("moved " + instance);
    }

    @Override
    public void detached(int instance) {
      calls.add("detached " + instance);
    }
  }

  /** The bench's grid: one cell of 1,000 in an imported template's nested list renders alone. */
  @Test
  void oneCellOfTheGridRendersThatCellOnly() {
    try (PageView v = PageView.open(dev.sparrow.view.bench.Grid.compile(), dev.sparrow.view.bench.Grid.data(),
        () -> 0)) {
      VNode row = v.findAll(".row").get(7).element();
      VNode cell = v.findAll(".cell").get(7 * 20 + 3).element();
      VNode next = v.findAll(".cell").get(7 * 20 + 4).element();
      List<Patch> patches = v.setData(Pages.json("{'rows[7].cells[3].v':'x','rows[7].cells[4].on':true}"));
      assertThat(json(patches)).hasToString("[{\"op\":\"setText\",\"id\":" + (cell.id() + 1)
          + ",\"text\":\"x\"}, {\"op\":\"setAttr\",\"id\":" + next.id() + ",\"name\":\"class\","
          + "\"value\":\"cell on\"}]");
      assertThat(v.findAll(".cell").get(7 * 20 + 2).element()).isSameAs(((VElement) row).children().get(1 + 2));
      assertThat(v.findAll(".cell").get(7 * 20 + 5).element()).isSameAs(((VElement) row).children().get(1 + 5));
      assertThat(v.wholeRenders()).isZero();
    }
  }

  @Test
  void oneRowUpdateKeepsTheOtherRowsAsTheyWere() {
    try (PageView v = PageView.open(Rows.compile(), Rows.data(1000), () -> 0)) {
      VNode first = v.findAll(".row").get(0).element();
      VNode row = v.findAll(".row").get(500).element();
      List<Patch> patches = v.setData(Pages.json("{'rows[500].title':'changed'}"));
      assertThat(patches).hasSize(1).first().isInstanceOf(Patch.SetText.class);
      assertThat(v.findAll(".row").get(0).element()).isSameAs(first);
      assertThat(v.findAll(".row").get(500).element()).isNotSameAs(row);
      assertThat(v.findAll(".row").get(500).text()).contains("501. changed");
      assertThat(v.setData(Pages.json("{'unread':1}"))).isEmpty();
      VNode list = v.root().children().get(0);
      assertThat(v.setData(Pages.json("{'rows[3].title':'x','rows[9].done':true}"))).hasSize(3);
      assertThat(v.root().children().get(0)).isNotSameAs(list);
      assertThat(v.findAll(".row").get(0).element()).isSameAs(first);
    }
  }

  private interface Change {
    ObjectNode next(Random random, ObjectNode data);
  }

  private static int differential(CompiledPage page, ObjectNode data, long seed, int steps, Change change) {
    return differential(d -> PageView.open(page, d, () -> 0), data, seed, steps, change);
  }

  /** Returns how many whole renders the view updating by path took. */
  private static int differential(Function<ObjectNode, PageView> open, ObjectNode data, long seed, int steps,
      Change change) {
    Random random = new Random(seed);
    try (PageView byPath = open.apply(data); PageView whole = open.apply(data)) {
      whole.updateByPath(false);
      for (int step = 0; step < steps; step++) {
        ObjectNode changes = change.next(random, whole.data());
        List<Patch> a = byPath.setData(changes.deepCopy());
        List<Patch> b = whole.setData(changes.deepCopy());
        String at = "seed " + seed + " step " + step + " " + changes;
        assertThat(json(a)).as(at).isEqualTo(json(b));
        assertThat(TreeJson.toJson(byPath.root())).as(at).isEqualTo(TreeJson.toJson(whole.root()));
        assertThat(byPath.data()).as(at).isEqualTo(whole.data());
        assertIndexed(byPath, byPath.root(), at);
      }
      try (PageView fresh = open.apply(whole.data())) {
        assertThat(byPath.wxml()).isEqualTo(fresh.wxml());
      }
      return byPath.wholeRenders();
    }
  }

  /** Every node of the tree is the one its id finds (the id index follows updates by path). */
  private static void assertIndexed(PageView view, VNode n, String at) {
    assertThat(view.node(n.id())).as(at).isSameAs(n);
    if (n instanceof VElement e) {
      e.children().forEach(c -> assertIndexed(view, c, at));
    }
  }

  private static List<JsonNode> json(List<Patch> patches) {
    List<JsonNode> out = new ArrayList<>();
    patches.forEach(p -> out.add(p.toJson()));
    return out;
  }

  private ObjectNode rowChange(Random r, ObjectNode data) {
    ObjectNode c = F.objectNode();
    int size = data.get("rows").size();
    int n = 1 + r.nextInt(3);
    for (int k = 0; k < n; k++) {
      int i = r.nextInt(size + (r.nextInt(40) == 0 ? 1 : 0));
      switch (r.nextInt(10)) {
        case 0 -> c.put("rows[" + i + "].done", r.nextBoolean());
        case 1 -> c.put("rows[" + i + "].qty", r.nextInt(5));
        case 2 -> c.put("rows[" + i + "].id", r.nextInt(size));       // keys move, sometimes duplicate
        case 3 -> c.set("rows[" + i + "]", F.objectNode().put("id", 1000 + r.nextInt(100)).put("title", "new"));
        case 4 -> c.put("other", r.nextInt());                           // read by no binding
        case 5 -> c.set("rows", shuffled(r, (ArrayNode) data.get("rows")));
        default -> c.put("rows[" + i + "].title", "T" + r.nextInt(1000));
      }
    }
    return c;
  }

  private static ObjectNode nestedData(Random r) {
    ObjectNode d = F.objectNode().put("title", "t").put("show", true).put("count", 0).put("cls", "c0");
    ArrayNode list = d.putArray("list");
    for (int i = 0; i < 12; i++) {
      list.add(item(r, i));
    }
    ArrayNode plain = d.putArray("plain");
    for (int i = 0; i < 5; i++) {
      plain.add("p" + i);
    }
    ArrayNode twice = d.putArray("twice");
    ArrayNode inc = d.putArray("inc");
    for (int i = 0; i < 4; i++) {
      twice.addObject().put("v", i);
      inc.addObject().put("id", i).put("v", "v" + i);
    }
    return d;
  }

  private static ObjectNode item(Random r, int k) {
    ObjectNode o = F.objectNode().put("k", "k" + k).put("n", r.nextInt(10)).put("t", "t" + r.nextInt(9));
    ArrayNode tags = o.putArray("tags");
    for (int i = r.nextInt(3); i > 0; i--) {
      tags.add("g" + r.nextInt(4));
    }
    return o;
  }

  private ObjectNode nestedChange(Random r, ObjectNode data) {
    ObjectNode c = F.objectNode();
    int n = 1 + r.nextInt(3);
    for (int k = 0; k < n; k++) {
      int i = r.nextInt(data.get("list").size() + 1);
      switch (r.nextInt(18)) {
        case 0 -> c.put("show", r.nextInt(4) != 0);
        case 1 -> c.put("title", "t" + r.nextInt(5));
        case 2 -> c.set("list[" + i + "]", item(r, r.nextInt(20)));
        case 3 -> c.put("list[" + i + "].k", "k" + r.nextInt(15));
        case 4 -> c.set("list[" + i + "].tags", item(r, 0).get("tags"));
        case 5 -> c.put("list[" + i + "].tags[0]", "g" + r.nextInt(4));
        case 6 -> c.set("list", shuffled(r, (ArrayNode) data.get("list")));
        case 7 -> c.put("plain[" + r.nextInt(6) + "]", "q" + r.nextInt(9));
        case 8 -> c.put("twice[" + r.nextInt(4) + "].v", r.nextInt(9));
        case 9 -> c.put("count", r.nextInt(9));
        case 10 -> c.put("inc[" + r.nextInt(5) + "].v", "w" + r.nextInt(9));
        case 11 -> c.putNull("list[" + i + "]");
        case 12 -> c.put("list[" + i + "].t", "x" + r.nextInt(9));
        case 13 -> c.put("nothing.read", r.nextInt(9));
        case 14 -> c.put("cls", "c" + r.nextInt(3));
        case 15 -> c.put("user.name", "u" + r.nextInt(3));
        default -> c.put("list[" + i + "].n", r.nextInt(12));
      }
    }
    return c;
  }

  private static ArrayNode shuffled(Random r, ArrayNode list) {
    List<JsonNode> items = new ArrayList<>();
    list.forEach(items::add);
    Collections.shuffle(items, r);
    if (!items.isEmpty() && r.nextBoolean()) {
      items.remove(0);
    }
    ArrayNode out = F.arrayNode();
    items.forEach(x -> out.add(x.deepCopy()));
    return out;
  }
}
