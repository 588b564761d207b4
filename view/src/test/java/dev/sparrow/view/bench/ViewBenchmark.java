package dev.sparrow.view.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.view.PageView;
import dev.sparrow.view.template.CompiledPage;
import dev.sparrow.view.template.TemplateRenderer;
import dev.sparrow.view.tree.Patch;
import dev.sparrow.view.tree.TreeDiff;
import dev.sparrow.view.tree.VElement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The numbers for a 1,000-row {@code wx:for} page (bench/rows.wxml): a full render, one-row
 * {@code setData} end to end (path apply + render + diff), and the diff alone; and one cell of a grid drawn by a
 * template with a nested list ({@link Grid}), by path and by whole render. Sample mode, so percentiles show
 * through the noise of a shared 2-core machine. Run: see docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xss4m", "-Dpolyglot.engine.WarnInterpreterOnly=false"})
public class ViewBenchmark {
  private CompiledPage page;
  private TemplateRenderer renderer;
  private ObjectNode data;
  private PageView view;
  private int counter;
  private TreeDiff diff;
  private VElement committed;
  private VElement fresh;
  private PageView grid;
  private PageView gridWhole;

  @Setup
  public void setUp() {
    page = Rows.compile();
    renderer = page.newRenderer();
    data = Rows.data(1000);
    view = PageView.open(page, data, () -> 0);
    int[] ids = {1};
    diff = new TreeDiff(() -> ids[0]++);
    committed = renderer.render(data);
    diff.assignIds(committed);
    ObjectNode changed = data.deepCopy();
    ((ObjectNode) changed.get("rows").get(500)).put("title", "changed");
    fresh = renderer.render(changed);
    grid = PageView.open(Grid.compile(), Grid.data(), () -> 0);
    gridWhole = PageView.open(Grid.compile(), Grid.data(), () -> 0);
    gridWhole.updateByPath(false);
  }

  @TearDown
  public void tearDown() {
    view.close();
    renderer.close();
    grid.close();
    gridWhole.close();
  }

  @Benchmark
  public VElement render1000Rows() {
    return renderer.render(data);
  }

  @Benchmark
  public List<Patch> setDataOneRow() {
    ObjectNode change = JsonNodeFactory.instance.objectNode();
    change.put("rows[500].title", "title " + (counter++));
    return view.setData(change);
  }

  /** One cell of 1,000 (50 rows × 20, an imported template with a nested wx:for): that cell renders again. */
  @Benchmark
  public List<Patch> setDataOneCell() {
    return grid.setData(oneCell());
  }

  /** The same with updating by path off: what a template or nested list cost before they updated by path. */
  @Benchmark
  public List<Patch> setDataOneCellWholeRender() {
    return gridWhole.setData(oneCell());
  }

  private ObjectNode oneCell() {
    int i = counter++;
    ObjectNode change = JsonNodeFactory.instance.objectNode();
    change.put("rows[" + (i * 7) % 50 + "].cells[" + (i * 3) % 20 + "].v", -i);
    return change;
  }

  @Benchmark
  public List<Patch> diffOneRow() {
    return diff.diff(committed, fresh);
  }
}
