package dev.sparrow.apis.canvas;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One canvas's bitmap and its CanvasRenderingContext2D, in plain Java2D: paths (lines, curves, arcs, arcTo,
 * ellipses, rects, round rects), fill and stroke with colours, gradients and patterns, line styles and dashes,
 * text with the bundled font, {@code drawImage}, transforms, save/restore, clip (anti-aliased), globalAlpha, every
 * {@code globalCompositeOperation}, shadows, and image data. The canvas rules for bad input hold: non-finite numbers
 * make a call do nothing, invalid values leave the state as it was, and nothing here throws for page input.
 *
 * <p>Pixels are premultiplied ARGB ({@link BufferedImage#TYPE_INT_ARGB_PRE}). A canvas whose size is 0 or over
 * {@link CanvasLimits} has no bitmap: drawing on it does nothing. Not thread-safe: one session thread uses it.
 */
public final class Context2D {
  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
  private static final Set<String> COMPOSITES = Set.of("source-over", "source-in", "source-out", "source-atop",
      "destination-over", "destination-in", "destination-out", "destination-atop", "lighter", "copy", "xor",
      "multiply", "screen", "overlay", "darken", "lighten", "color-dodge", "color-burn", "hard-light", "soft-light",
      "difference", "exclusion", "hue", "saturation", "color", "luminosity");
  /** Operations that clear what the source does not cover (they act on the whole clip region). */
  private static final Set<String> UNBOUNDED = Set.of("source-in", "source-out", "destination-in", "destination-atop", "copy");

  /** The drawing state save() keeps. */
  private static final class State implements Cloneable {
    AffineTransform ctm = new AffineTransform();
    CanvasStyle fill = new CanvasStyle.Solid(0xff000000);
    CanvasStyle stroke = new CanvasStyle.Solid(0xff000000);
    double lineWidth = 1;
    String lineCap = "butt";
    String lineJoin = "miter";
    double miterLimit = 10;
    double[] dash = new double[0];
    double dashOffset;
    CanvasFont font = CanvasFont.DEFAULT;
    String textAlign = "start";
    String textBaseline = "alphabetic";
    String direction = "ltr";
    double alpha = 1;
    String composite = "source-over";
    double shadowBlur;
    int shadowColor;
    double shadowX;
    double shadowY;
    boolean smoothing = true;
    /** Clip region in device space; null for none. */
    Shape clip;
    boolean clipIsRect;

    @Override
    protected State clone() {
      try {
        State s = (State) super.clone();
        s.ctm = new AffineTransform(ctm);
        return s;
      } catch (CloneNotSupportedException e) {
        throw new AssertionError(e);
      }
    }
  }

  private final CanvasLimits limits;
  private int width;
  private int height;
  private BufferedImage bitmap;
  private State state = new State();
  private final Deque<State> saved = new ArrayDeque<>();
  /** The current path, in device space. */
  private Path2D.Double path = new Path2D.Double();
  private boolean hasPoint;
  private double startX;
  private double startY;
  private double lastX;
  private double lastY;
  private long drawn;

  public Context2D(int width, int height, CanvasLimits limits) {
    this.limits = limits;
    resize(width, height);
  }

  // ---- the bitmap -----------------------------------------------------------------------------

  /** {@code canvas.width = w} / {@code canvas.height = h}: a new, transparent bitmap and a fresh state. */
  public void resize(int w, int h) {
    width = Math.max(0, w);
    height = Math.max(0, h);
    bitmap = limits.allows(width, height) && width > 0 && height > 0
        ? new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE) : null;
    state = new State();
    saved.clear();
    beginPath();
    drawn = 0;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** False when the size is 0 or over the limits: the canvas then draws nothing and cannot be exported. */
  public boolean hasBitmap() {
    return bitmap != null;
  }

  /** The bitmap (premultiplied ARGB), or null; the caller must not keep it across calls. */
  public BufferedImage bitmap() {
    return bitmap;
  }

  /** Number of drawing operations that reached the bitmap since it was made (0: nothing was ever drawn). */
  public long drawCount() {
    return drawn;
  }

  /** Clears every pixel (the legacy {@code draw(false)}), keeping the state. */
  public void clearAll() {
    if (bitmap != null) {
      Arrays.fill(((DataBufferInt) bitmap.getRaster().getDataBuffer()).getData(), 0);
    }
  }

  // ---- state ----------------------------------------------------------------------------------

  public void save() {
    saved.push(state.clone());
  }

  public void restore() {
    if (!saved.isEmpty()) {
      state = saved.pop();
    }
  }

  /** {@code reset()}: transparent bitmap, default state, empty path. */
  public void reset() {
    resize(width, height);
  }

  public void setFillStyle(CanvasStyle style) {
    if (style != null) {
      state.fill = style;
    }
  }

  public void setStrokeStyle(CanvasStyle style) {
    if (style != null) {
      state.stroke = style;
    }
  }

  public void setLineWidth(double w) {
    if (w > 0 && Double.isFinite(w)) {
      state.lineWidth = w;
    }
  }

  public void setLineCap(String cap) {
    if (Set.of("butt", "round", "square").contains(cap)) {
      state.lineCap = cap;
    }
  }

  public void setLineJoin(String join) {
    if (Set.of("miter", "round", "bevel").contains(join)) {
      state.lineJoin = join;
    }
  }

  public void setMiterLimit(double m) {
    if (m > 0 && Double.isFinite(m)) {
      state.miterLimit = m;
    }
  }

  /** {@code setLineDash(segments)}: ignored if any is negative or not finite; an odd list is repeated. */
  public void setLineDash(double[] segments) {
    for (double d : segments) {
      if (!(d >= 0) || !Double.isFinite(d)) {
        return;
      }
    }
    state.dash = segments.length % 2 == 1 ? concat(segments, segments) : segments.clone();
  }

  public void setLineDashOffset(double offset) {
    if (Double.isFinite(offset)) {
      state.dashOffset = offset;
    }
  }

  public void setFont(CanvasFont font) {
    if (font != null) {
      state.font = font;
    }
  }

  public CanvasFont font() {
    return state.font;
  }

  public void setTextAlign(String align) {
    if (Set.of("start", "end", "left", "right", "center").contains(align)) {
      state.textAlign = align;
    }
  }

  public void setTextBaseline(String baseline) {
    if (Set.of("top", "hanging", "middle", "alphabetic", "ideographic", "bottom").contains(baseline)) {
      state.textBaseline = baseline;
    }
  }

  public void setDirection(String direction) {
    if (Set.of("ltr", "rtl", "inherit").contains(direction)) {
      state.direction = direction.equals("inherit") ? "ltr" : direction;
    }
  }

  public void setGlobalAlpha(double a) {
    if (a >= 0 && a <= 1) {
      state.alpha = a;
    }
  }

  public void setGlobalCompositeOperation(String op) {
    if (op != null && COMPOSITES.contains(op.toLowerCase(Locale.ROOT))) {
      state.composite = op.toLowerCase(Locale.ROOT);
    }
  }

  public void setShadowBlur(double b) {
    if (b >= 0 && Double.isFinite(b)) {
      state.shadowBlur = b;
    }
  }

  public void setShadowColor(int argb) {
    state.shadowColor = argb;
  }

  public void setShadowOffsetX(double x) {
    if (Double.isFinite(x)) {
      state.shadowX = x;
    }
  }

  public void setShadowOffsetY(double y) {
    if (Double.isFinite(y)) {
      state.shadowY = y;
    }
  }

  public void setImageSmoothingEnabled(boolean on) {
    state.smoothing = on;
  }

  /** The drawing state as commands that set it again (another canvas picks up where this one is: the simulator). */
  public List<List<Object>> stateCommands() {
    State st = state;
    List<List<Object>> out = new ArrayList<>();
    double[] m = getTransform();
    out.add(List.of("setTransform", m[0], m[1], m[2], m[3], m[4], m[5]));
    styleCommand("fillStyle", st.fill).ifPresent(out::add);
    styleCommand("strokeStyle", st.stroke).ifPresent(out::add);
    out.add(List.of("set", "lineWidth", st.lineWidth));
    out.add(List.of("set", "lineCap", st.lineCap));
    out.add(List.of("set", "lineJoin", st.lineJoin));
    out.add(List.of("set", "miterLimit", st.miterLimit));
    List<Object> dash = new ArrayList<>();
    for (double d : st.dash) {
      dash.add(d);
    }
    out.add(List.of("setLineDash", dash));
    out.add(List.of("set", "lineDashOffset", st.dashOffset));
    out.add(List.of("set", "font", st.font.css()));
    out.add(List.of("set", "textAlign", st.textAlign));
    out.add(List.of("set", "textBaseline", st.textBaseline));
    out.add(List.of("set", "direction", st.direction));
    out.add(List.of("set", "globalAlpha", st.alpha));
    out.add(List.of("set", "globalCompositeOperation", st.composite));
    out.add(List.of("set", "shadowBlur", st.shadowBlur));
    out.add(List.of("set", "shadowColor", CssColor.serialize(st.shadowColor)));
    out.add(List.of("set", "shadowOffsetX", st.shadowX));
    out.add(List.of("set", "shadowOffsetY", st.shadowY));
    out.add(List.of("set", "imageSmoothingEnabled", st.smoothing));
    return out;
  }

  private static Optional<List<Object>> styleCommand(String name, CanvasStyle style) {
    if (style instanceof CanvasStyle.Solid c) {
      return Optional.of(List.of("set", name, CssColor.serialize(c.argb())));
    }
    if (style instanceof CanvasStyle.Gradient g) {
      List<Object> stops = new ArrayList<>();
      for (CanvasStyle.Stop stop : g.stops()) {
        stops.add(List.of(stop.offset(), CssColor.serialize(stop.argb())));
      }
      Map<String, Object> v = new LinkedHashMap<>();
      v.put(g.radial() ? "radial" : "linear", g.radial() ? List.of(g.x0(), g.y0(), g.r0(), g.x1(), g.y1(), g.r1())
          : List.of(g.x0(), g.y0(), g.x1(), g.y1()));
      v.put("stops", stops);
      return Optional.of(List.of("set", name, v));
    }
    return Optional.empty(); // a pattern's picture is not known to another canvas
  }

  // ---- transforms -----------------------------------------------------------------------------

  public void scale(double x, double y) {
    if (finite(x, y)) {
      state.ctm.scale(x, y);
    }
  }

  public void rotate(double angle) {
    if (finite(angle)) {
      state.ctm.rotate(angle);
    }
  }

  public void translate(double x, double y) {
    if (finite(x, y)) {
      state.ctm.translate(x, y);
    }
  }

  public void transform(double a, double b, double c, double d, double e, double f) {
    if (finite(a, b, c, d, e, f)) {
      state.ctm.concatenate(new AffineTransform(a, b, c, d, e, f));
    }
  }

  public void setTransform(double a, double b, double c, double d, double e, double f) {
    if (finite(a, b, c, d, e, f)) {
      state.ctm = new AffineTransform(a, b, c, d, e, f);
    }
  }

  public void resetTransform() {
    state.ctm = new AffineTransform();
  }

  /** The current transform as {@code [a, b, c, d, e, f]}. */
  public double[] getTransform() {
    double[] m = new double[6];
    state.ctm.getMatrix(m);
    return m;
  }

  // ---- paths ----------------------------------------------------------------------------------

  public void beginPath() {
    path = new Path2D.Double(Path2D.WIND_NON_ZERO);
    hasPoint = false;
  }

  public void closePath() {
    if (hasPoint) {
      path.closePath();
      lastX = startX;
      lastY = startY;
    }
  }

  public void moveTo(double x, double y) {
    if (!finite(x, y)) {
      return;
    }
    Point2D p = state.ctm.transform(new Point2D.Double(x, y), null);
    path.moveTo(p.getX(), p.getY());
    startX = lastX = p.getX();
    startY = lastY = p.getY();
    hasPoint = true;
  }

  public void lineTo(double x, double y) {
    if (!finite(x, y)) {
      return;
    }
    if (!hasPoint) {
      moveTo(x, y);
      return;
    }
    Point2D p = state.ctm.transform(new Point2D.Double(x, y), null);
    path.lineTo(p.getX(), p.getY());
    lastX = p.getX();
    lastY = p.getY();
  }

  public void quadraticCurveTo(double cx, double cy, double x, double y) {
    if (!finite(cx, cy, x, y)) {
      return;
    }
    ensurePoint(cx, cy);
    double[] pts = {cx, cy, x, y};
    state.ctm.transform(pts, 0, pts, 0, 2);
    path.quadTo(pts[0], pts[1], pts[2], pts[3]);
    lastX = pts[2];
    lastY = pts[3];
  }

  public void bezierCurveTo(double c1x, double c1y, double c2x, double c2y, double x, double y) {
    if (!finite(c1x, c1y, c2x, c2y, x, y)) {
      return;
    }
    ensurePoint(c1x, c1y);
    double[] pts = {c1x, c1y, c2x, c2y, x, y};
    state.ctm.transform(pts, 0, pts, 0, 3);
    path.curveTo(pts[0], pts[1], pts[2], pts[3], pts[4], pts[5]);
    lastX = pts[4];
    lastY = pts[5];
  }

  public void arc(double x, double y, double r, double start, double end, boolean anticlockwise) {
    ellipse(x, y, r, r, 0, start, end, anticlockwise);
  }

  /** {@code ellipse(...)}; a negative radius does nothing (browsers throw IndexSizeError, WeChat's page goes on). */
  public void ellipse(double x, double y, double rx, double ry, double rotation, double start, double end, boolean ccw) {
    if (!finite(x, y, rx, ry, rotation, start, end) || rx < 0 || ry < 0) {
      return;
    }
    double tau = 2 * Math.PI;
    double sweep;
    if (!ccw && end - start >= tau) {
      sweep = tau;
    } else if (ccw && start - end >= tau) {
      sweep = -tau;
    } else {
      double d = ((end - start) % tau + tau) % tau;
      if (ccw) {
        sweep = d == 0 ? 0 : d - tau;
      } else {
        sweep = d;
      }
    }
    AffineTransform local = new AffineTransform(state.ctm);
    local.translate(x, y);
    local.rotate(rotation);
    local.scale(rx, ry);
    double[] p0 = {Math.cos(start), Math.sin(start)};
    local.transform(p0, 0, p0, 0, 1);
    if (hasPoint) {
      path.lineTo(p0[0], p0[1]);
    } else {
      path.moveTo(p0[0], p0[1]);
      startX = p0[0];
      startY = p0[1];
      hasPoint = true;
    }
    lastX = p0[0];
    lastY = p0[1];
    int segments = (int) Math.ceil(Math.abs(sweep) / (Math.PI / 2) - 1e-9);
    double step = segments == 0 ? 0 : sweep / segments;
    double a = start;
    for (int i = 0; i < segments; i++) {
      double b = a + step;
      double k = 4.0 / 3 * Math.tan((b - a) / 4);
      double[] pts = {
        Math.cos(a) - k * Math.sin(a), Math.sin(a) + k * Math.cos(a),
        Math.cos(b) + k * Math.sin(b), Math.sin(b) - k * Math.cos(b),
        Math.cos(b), Math.sin(b)
      };
      local.transform(pts, 0, pts, 0, 3);
      path.curveTo(pts[0], pts[1], pts[2], pts[3], pts[4], pts[5]);
      lastX = pts[4];
      lastY = pts[5];
      a = b;
    }
  }

  public void arcTo(double x1, double y1, double x2, double y2, double r) {
    if (!finite(x1, y1, x2, y2, r) || r < 0) {
      return;
    }
    if (!hasPoint) {
      moveTo(x1, y1);
    }
    Point2D p0;
    try {
      p0 = state.ctm.inverseTransform(new Point2D.Double(lastX, lastY), null);
    } catch (NoninvertibleTransformException e) {
      return;
    }
    double x0 = p0.getX();
    double y0 = p0.getY();
    double ax = x0 - x1;
    double ay = y0 - y1;
    double bx = x2 - x1;
    double by = y2 - y1;
    double cross = ax * by - ay * bx;
    if ((x0 == x1 && y0 == y1) || (x1 == x2 && y1 == y2) || r == 0 || Math.abs(cross) < 1e-12) {
      lineTo(x1, y1);
      return;
    }
    double la = Math.hypot(ax, ay);
    double lb = Math.hypot(bx, by);
    double angle = Math.acos(Math.max(-1, Math.min(1, (ax * bx + ay * by) / (la * lb))));
    double tangent = r / Math.tan(angle / 2);
    double tx0 = x1 + ax / la * tangent;
    double ty0 = y1 + ay / la * tangent;
    double tx1 = x1 + bx / lb * tangent;
    double ty1 = y1 + by / lb * tangent;
    // the centre is r away from both tangent points, on the inner side
    double nx = -ay / la;
    double ny = ax / la;
    if (nx * bx + ny * by < 0) {
      nx = -nx;
      ny = -ny;
    }
    double cx = tx0 + nx * r;
    double cy = ty0 + ny * r;
    double a0 = Math.atan2(ty0 - cy, tx0 - cx);
    double a1 = Math.atan2(ty1 - cy, tx1 - cx);
    lineTo(tx0, ty0);
    arc(cx, cy, r, a0, a1, cross > 0);
  }

  public void rect(double x, double y, double w, double h) {
    if (!finite(x, y, w, h)) {
      return;
    }
    moveTo(x, y);
    lineTo(x + w, y);
    lineTo(x + w, y + h);
    lineTo(x, y + h);
    closePath();
    moveTo(x, y);
  }

  /** {@code roundRect(x, y, w, h, radii)} with 1 to 4 radii (top-left, top-right, bottom-right, bottom-left). */
  public void roundRect(double x, double y, double w, double h, double[] radii) {
    if (!finite(x, y, w, h) || radii.length < 1 || radii.length > 4) {
      return;
    }
    for (double r : radii) {
      if (!(r >= 0) || !Double.isFinite(r)) {
        return;
      }
    }
    double tl = radii[0];
    double tr = radii.length > 1 ? radii[1] : tl;
    double br = radii.length > 2 ? radii[2] : tl;
    double bl = radii.length > 3 ? radii[3] : radii.length == 2 ? radii[0] : tr;
    if (radii.length == 2) {
      br = radii[0];
      bl = radii[1];
    }
    double aw = Math.abs(w);
    double ah = Math.abs(h);
    double scale = Math.min(1, Math.min(Math.min(aw / Math.max(tl + tr, 1e-12), aw / Math.max(bl + br, 1e-12)),
        Math.min(ah / Math.max(tl + bl, 1e-12), ah / Math.max(tr + br, 1e-12))));
    tl *= scale;
    tr *= scale;
    br *= scale;
    bl *= scale;
    double sx = Math.signum(w) == 0 ? 1 : Math.signum(w);
    double sy = Math.signum(h) == 0 ? 1 : Math.signum(h);
    moveTo(x + tl * sx, y);
    lineTo(x + w - tr * sx, y);
    corner(x + w - tr * sx, y + tr * sy, tr, -Math.PI / 2, sx, sy);
    lineTo(x + w, y + h - br * sy);
    corner(x + w - br * sx, y + h - br * sy, br, 0, sx, sy);
    lineTo(x + bl * sx, y + h);
    corner(x + bl * sx, y + h - bl * sy, bl, Math.PI / 2, sx, sy);
    lineTo(x, y + tl * sy);
    corner(x + tl * sx, y + tl * sy, tl, Math.PI, sx, sy);
    closePath();
    moveTo(x, y);
  }

  private void corner(double cx, double cy, double r, double from, double sx, double sy) {
    if (r <= 0) {
      return;
    }
    AffineTransform keep = state.ctm;
    state.ctm = new AffineTransform(keep);
    state.ctm.translate(cx, cy);
    state.ctm.scale(sx, sy);
    ellipse(0, 0, r, r, 0, from, from + Math.PI / 2, false);
    state.ctm = keep;
  }

  /**
   * A Path2D in user space: {@code build} runs path calls (moveTo, arc…) on this context as if its transform were
   * the identity; the current path and state are left as they were.
   */
  public Path2D.Double userPath(Consumer<Context2D> build) {
    Path2D.Double keepPath = path;
    boolean keepHas = hasPoint;
    double[] keepPoints = {startX, startY, lastX, lastY};
    AffineTransform keepCtm = state.ctm;
    state.ctm = new AffineTransform();
    beginPath();
    try {
      build.accept(this);
      return path;
    } finally {
      path = keepPath;
      hasPoint = keepHas;
      startX = keepPoints[0];
      startY = keepPoints[1];
      lastX = keepPoints[2];
      lastY = keepPoints[3];
      state.ctm = keepCtm;
    }
  }

  private void ensurePoint(double x, double y) {
    if (!hasPoint) {
      moveTo(x, y);
    }
  }

  // ---- drawing --------------------------------------------------------------------------------

  /** {@code fill(fillRule)}: "nonzero" or "evenodd". */
  public void fill(String rule) {
    fillDevice(withRule(path, rule));
  }

  /** {@code fill(path2d, rule)}: a path given in user space (a Path2D object). */
  public void fill(Path2D userPath, String rule) {
    fillDevice(withRule(state.ctm.createTransformedShape(userPath), rule));
  }

  public void stroke() {
    strokeDevice(path);
  }

  public void stroke(Path2D userPath) {
    strokeDevice(state.ctm.createTransformedShape(userPath));
  }

  /** {@code clip(rule)}: intersects the clip region with the current path. */
  public void clip(String rule) {
    clipDevice(withRule(path, rule));
  }

  public void clip(Path2D userPath, String rule) {
    clipDevice(withRule(state.ctm.createTransformedShape(userPath), rule));
  }

  /**
   * {@code isPointInPath([path,] x, y, rule)}: whether the point, in the bitmap's pixels (the transform does not apply
   * to it), lies inside the current path or {@code userPath} (in user space, null for the current path).
   */
  public boolean isPointInPath(Path2D userPath, double x, double y, String rule) {
    Shape device = userPath == null ? path : state.ctm.createTransformedShape(userPath);
    return finite(x, y) && withRule(device, rule).contains(x, y);
  }

  /** {@code isPointInStroke([path,] x, y)}: whether the point lies on the outline {@code stroke()} would paint. */
  public boolean isPointInStroke(Path2D userPath, double x, double y) {
    if (!finite(x, y)) {
      return false;
    }
    Shape user;
    if (userPath != null) {
      user = userPath;
    } else {
      try {
        user = state.ctm.createInverse().createTransformedShape(path);
      } catch (NoninvertibleTransformException e) {
        return false;
      }
    }
    return state.ctm.createTransformedShape(basicStroke().createStrokedShape(user)).contains(x, y);
  }

  private void clipDevice(Shape device) {
    Area area = new Area(device);
    boolean rect = area.isRectangular() && (state.clip == null || state.clipIsRect);
    if (state.clip != null) {
      area.intersect(new Area(state.clip));
    }
    state.clip = area;
    state.clipIsRect = rect && pixelAligned(area.getBounds2D());
  }

  public void fillRect(double x, double y, double w, double h) {
    if (!finite(x, y, w, h) || w == 0 || h == 0) {
      return;
    }
    fillDevice(state.ctm.createTransformedShape(new Rectangle2D.Double(Math.min(x, x + w), Math.min(y, y + h), Math.abs(w), Math.abs(h))));
  }

  public void strokeRect(double x, double y, double w, double h) {
    if (!finite(x, y, w, h)) {
      return;
    }
    Path2D.Double r = new Path2D.Double();
    r.moveTo(x, y);
    r.lineTo(x + w, y);
    r.lineTo(x + w, y + h);
    r.lineTo(x, y + h);
    r.closePath();
    strokeDevice(state.ctm.createTransformedShape(r));
  }

  /** {@code clearRect}: transparent black inside the (transformed) rectangle and the clip; no shadow, alpha or composite. */
  public void clearRect(double x, double y, double w, double h) {
    if (bitmap == null || !finite(x, y, w, h) || w == 0 || h == 0) {
      return;
    }
    Shape device = state.ctm.createTransformedShape(new Rectangle2D.Double(Math.min(x, x + w), Math.min(y, y + h), Math.abs(w), Math.abs(h)));
    Graphics2D g = bitmap.createGraphics();
    try {
      hints(g);
      if (state.clip != null) {
        g.setClip(state.clip);
      }
      g.setComposite(AlphaComposite.Clear);
      g.fill(device);
    } finally {
      g.dispose();
    }
  }

  public void fillText(String text, double x, double y, Double maxWidth) {
    Shape glyphs = textShape(text, x, y, maxWidth);
    if (glyphs != null) {
      fillDevice(state.ctm.createTransformedShape(glyphs));
    }
  }

  public void strokeText(String text, double x, double y, Double maxWidth) {
    Shape glyphs = textShape(text, x, y, maxWidth);
    if (glyphs != null) {
      strokeDevice(state.ctm.createTransformedShape(glyphs));
    }
  }

  /** What {@code measureText(text)} answers for the current font. */
  public TextMetrics measureText(String text) {
    CanvasFont f = state.font;
    Layout layout = layout(text == null ? "" : text, f);
    Rectangle2D ink = layout.outline(0, 0).getBounds2D();
    double w = layout.advance;
    double anchor = alignOffset(w);
    double shift = baselineOffset(f);
    return new TextMetrics(w, -(ink.getMinX() + anchor), ink.getMaxX() + anchor, -ink.getMinY() - shift,
        ink.getMaxY() + shift, f.ascent() - shift, f.descent() + shift);
  }

  /** {@code measureText} results: width and the bounding boxes (px, from the anchor as the canvas places it). */
  public record TextMetrics(double width, double actualBoundingBoxLeft, double actualBoundingBoxRight,
      double actualBoundingBoxAscent, double actualBoundingBoxDescent, double fontBoundingBoxAscent,
      double fontBoundingBoxDescent) {}

  /**
   * {@code drawImage(image, dx, dy)}, {@code (image, dx, dy, dw, dh)} or {@code (image, sx, sy, sw, sh, dx, dy,
   * dw, dh)}: pass NaN for {@code sx…sh} / {@code dw, dh} that were not given.
   */
  public void drawImage(BufferedImage image, double sx, double sy, double sw, double sh, double dx, double dy, double dw,
      double dh) {
    if (image == null || image.getWidth() == 0 || image.getHeight() == 0) {
      return;
    }
    int iw = image.getWidth();
    int ih = image.getHeight();
    if (Double.isNaN(sx)) {
      sx = 0;
      sy = 0;
      sw = iw;
      sh = ih;
    }
    if (Double.isNaN(dw)) {
      dw = sw;
      dh = sh;
    }
    if (!finite(sx, sy, sw, sh, dx, dy, dw, dh) || sw == 0 || sh == 0 || dw == 0 || dh == 0) {
      return;
    }
    // the source rectangle is clipped to the image; the destination shrinks with it
    double sx0 = Math.max(0, Math.min(sx, sx + sw));
    double sy0 = Math.max(0, Math.min(sy, sy + sh));
    double sx1 = Math.min(iw, Math.max(sx, sx + sw));
    double sy1 = Math.min(ih, Math.max(sy, sy + sh));
    if (sx1 <= sx0 || sy1 <= sy0) {
      return;
    }
    double kx = dw / sw;
    double ky = dh / sh;
    double ox = dx + (sx0 - sx) * kx;
    double oy = dy + (sy0 - sy) * ky;
    double fw = (sx1 - sx0) * kx;
    double fh = (sy1 - sy0) * ky;
    final double fsx0 = sx0;
    final double fsy0 = sy0;
    final double fsx1 = sx1;
    final double fsy1 = sy1;
    Rectangle2D target = state.ctm.createTransformedShape(new Rectangle2D.Double(Math.min(ox, ox + fw), Math.min(oy, oy + fh),
        Math.abs(fw), Math.abs(fh))).getBounds2D();
    render(target, g -> {
      g.transform(state.ctm);
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, state.smoothing
          ? RenderingHints.VALUE_INTERPOLATION_BILINEAR : RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
      AffineTransform place = new AffineTransform();
      place.translate(ox, oy);
      place.scale(fw / (fsx1 - fsx0), fh / (fsy1 - fsy0));
      place.translate(-fsx0, -fsy0);
      g.clip(place.createTransformedShape(new Rectangle2D.Double(fsx0, fsy0, fsx1 - fsx0, fsy1 - fsy0)));
      g.drawImage(image, place, null);
    });
  }

  // ---- image data -----------------------------------------------------------------------------

  /**
   * {@code getImageData(x, y, w, h)}: straight (non-premultiplied) RGBA bytes, row by row; pixels outside the
   * bitmap are transparent black. Negative sizes count from the other edge, as in browsers.
   */
  public byte[] getImageData(int x, int y, int w, int h) {
    byte[] out = new byte[w * h * 4];
    if (bitmap == null) {
      return out;
    }
    int[] px = ((DataBufferInt) bitmap.getRaster().getDataBuffer()).getData();
    for (int row = 0; row < h; row++) {
      int sy = y + row;
      if (sy < 0 || sy >= height) {
        continue;
      }
      for (int col = 0; col < w; col++) {
        int sx = x + col;
        if (sx < 0 || sx >= width) {
          continue;
        }
        int p = px[sy * width + sx];
        int a = p >>> 24;
        int o = (row * w + col) * 4;
        if (a != 0) {
          out[o] = (byte) unpremultiply((p >> 16) & 0xff, a);
          out[o + 1] = (byte) unpremultiply((p >> 8) & 0xff, a);
          out[o + 2] = (byte) unpremultiply(p & 0xff, a);
          out[o + 3] = (byte) a;
        }
      }
    }
    return out;
  }

  /**
   * {@code putImageData(data, dx, dy, dirtyX, dirtyY, dirtyW, dirtyH)}: writes straight RGBA {@code data} of
   * {@code w}×{@code h} pixels at (dx, dy), only its dirty rectangle; transform, clip, alpha and composite do not
   * apply.
   */
  public void putImageData(byte[] data, int w, int h, int dx, int dy, int dirtyX, int dirtyY, int dirtyW, int dirtyH) {
    if (bitmap == null || data.length < w * h * 4) {
      return;
    }
    int x0 = Math.max(0, Math.min(dirtyX, dirtyX + dirtyW));
    int y0 = Math.max(0, Math.min(dirtyY, dirtyY + dirtyH));
    int x1 = Math.min(w, Math.max(dirtyX, dirtyX + dirtyW));
    int y1 = Math.min(h, Math.max(dirtyY, dirtyY + dirtyH));
    int[] px = ((DataBufferInt) bitmap.getRaster().getDataBuffer()).getData();
    for (int row = y0; row < y1; row++) {
      int ty = dy + row;
      if (ty < 0 || ty >= height) {
        continue;
      }
      for (int col = x0; col < x1; col++) {
        int tx = dx + col;
        if (tx < 0 || tx >= width) {
          continue;
        }
        int o = (row * w + col) * 4;
        int a = data[o + 3] & 0xff;
        px[ty * width + tx] = a << 24 | premultiply(data[o] & 0xff, a) << 16 | premultiply(data[o + 1] & 0xff, a) << 8
            | premultiply(data[o + 2] & 0xff, a);
      }
    }
    drawn++;
  }

  // ---- the pipeline ---------------------------------------------------------------------------

  private void fillDevice(Shape device) {
    Paint paint = state.fill.paint(1f);
    if (paint == null) {
      return;
    }
    CanvasStyle style = state.fill;
    render(device.getBounds2D(), g -> paintShape(g, device, style, paint, null));
  }

  private void strokeDevice(Shape device) {
    Paint paint = state.stroke.paint(1f);
    if (paint == null) {
      return;
    }
    CanvasStyle style = state.stroke;
    BasicStroke stroke = basicStroke();
    Rectangle2D b = device.getBounds2D();
    double pad = state.lineWidth * Math.max(1, Math.sqrt(Math.abs(state.ctm.getDeterminant()))) * Math.max(1, state.miterLimit) / 2 + 2;
    render(new Rectangle2D.Double(b.getX() - pad, b.getY() - pad, b.getWidth() + 2 * pad, b.getHeight() + 2 * pad),
        g -> paintShape(g, device, style, paint, stroke));
  }

  /** Fills {@code device} (or its outline with {@code stroke}, in user space) with a paint given in user space. */
  private void paintShape(Graphics2D g, Shape device, CanvasStyle style, Paint paint, BasicStroke stroke) {
    AffineTransform inverse;
    try {
      inverse = state.ctm.createInverse();
    } catch (NoninvertibleTransformException e) {
      return;
    }
    g.transform(state.ctm);
    Shape user = inverse.createTransformedShape(device);
    if (style instanceof CanvasStyle.Pattern p && p.extent() != null) {
      g.clip(p.extent());
    }
    g.setPaint(paint);
    if (stroke == null) {
      g.fill(user);
    } else {
      g.setStroke(stroke);
      g.draw(user);
    }
  }

  private BasicStroke basicStroke() {
    int cap = switch (state.lineCap) {
      case "round" -> BasicStroke.CAP_ROUND;
      case "square" -> BasicStroke.CAP_SQUARE;
      default -> BasicStroke.CAP_BUTT;
    };
    int join = switch (state.lineJoin) {
      case "round" -> BasicStroke.JOIN_ROUND;
      case "bevel" -> BasicStroke.JOIN_BEVEL;
      default -> BasicStroke.JOIN_MITER;
    };
    float[] dash = null;
    double total = 0;
    for (double d : state.dash) {
      total += d;
    }
    if (state.dash.length > 0 && total > 0) {
      dash = new float[state.dash.length];
      for (int i = 0; i < dash.length; i++) {
        dash[i] = (float) state.dash[i];
      }
    }
    float phase = dash == null ? 0 : (float) (((state.dashOffset % total) + total) % total);
    return new BasicStroke((float) state.lineWidth, cap, join, (float) Math.max(1, state.miterLimit), dash, phase);
  }

  /** A drawing operation: draws on a graphics whose transform is the identity and whose composite is set. */
  @FunctionalInterface
  private interface Op {
    void draw(Graphics2D g);
  }

  /**
   * Runs one drawing operation through shadow, clip and composite. Plain source-over-like drawing under a
   * rectangular (or no) clip goes straight to the bitmap; anything else is drawn on a layer first, which then gets
   * its shadow, the anti-aliased clip mask and the composite operation.
   */
  private void render(Rectangle2D bounds, Op op) {
    if (bitmap == null) {
      return;
    }
    drawn++;
    boolean shadow = (state.shadowColor >>> 24) != 0 && (state.shadowBlur > 0 || state.shadowX != 0 || state.shadowY != 0);
    boolean softClip = state.clip != null && !state.clipIsRect;
    String comp = state.composite;
    Integer direct = directRule(comp);
    if (!shadow && !softClip && direct != null) {
      Graphics2D g = bitmap.createGraphics();
      try {
        hints(g);
        if (state.clip != null) {
          g.setClip(state.clip);
        }
        g.setComposite(AlphaComposite.getInstance(direct, (float) state.alpha));
        op.draw(g);
      } finally {
        g.dispose();
      }
      return;
    }
    // the layer covers what the drawing (and its shadow) can touch; unbounded operators act on the whole canvas
    Rectangle region = new Rectangle(0, 0, width, height);
    if (!UNBOUNDED.contains(comp)) {
      Rectangle2D r = bounds.getBounds2D();
      if (shadow) {
        double spread = state.shadowBlur * 1.5 + 2;
        Rectangle2D moved = new Rectangle2D.Double(r.getX() + state.shadowX - spread, r.getY() + state.shadowY - spread,
            r.getWidth() + 2 * spread, r.getHeight() + 2 * spread);
        r = r.createUnion(moved);
      }
      region = region.intersection(new Rectangle((int) Math.floor(r.getX()) - 2, (int) Math.floor(r.getY()) - 2,
          (int) Math.ceil(r.getWidth()) + 5, (int) Math.ceil(r.getHeight()) + 5));
      if (region.isEmpty()) {
        return;
      }
    }
    BufferedImage layer = new BufferedImage(region.width, region.height, BufferedImage.TYPE_INT_ARGB_PRE);
    Graphics2D lg = layer.createGraphics();
    try {
      hints(lg);
      lg.translate(-region.x, -region.y);
      lg.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) state.alpha));
      op.draw(lg);
    } finally {
      lg.dispose();
    }
    BufferedImage shadowLayer = shadow ? Shadows.of(layer, state.shadowColor, state.shadowBlur, state.shadowX, state.shadowY) : null;
    if (shadowLayer != null) {
      shadowLayer.createGraphics().drawImage(layer, 0, 0, null);
      layer = shadowLayer;
    }
    Rectangle2D hard = state.clip == null ? null : state.clipIsRect ? state.clip.getBounds2D() : null;
    BufferedImage mask = softClip ? mask(state.clip, region) : null;
    Composites.composite(layer, region.x, region.y, bitmap, comp, hard, mask, UNBOUNDED.contains(comp));
  }

  private BufferedImage mask(Shape clip, Rectangle region) {
    BufferedImage m = new BufferedImage(region.width, region.height, BufferedImage.TYPE_INT_ARGB_PRE);
    Graphics2D g = m.createGraphics();
    try {
      hints(g);
      g.translate(-region.x, -region.y);
      g.setColor(Color.BLACK);
      g.fill(clip);
    } finally {
      g.dispose();
    }
    return m;
  }

  private static Integer directRule(String op) {
    return switch (op) {
      case "source-over" -> AlphaComposite.SRC_OVER;
      case "destination-over" -> AlphaComposite.DST_OVER;
      case "destination-out" -> AlphaComposite.DST_OUT;
      case "source-atop" -> AlphaComposite.SRC_ATOP;
      case "xor" -> AlphaComposite.XOR;
      default -> null;
    };
  }

  private static void hints(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
  }

  // ---- text -----------------------------------------------------------------------------------

  /** Runs of text, each in the bundled face or its fallback, laid out along the baseline. */
  private record Layout(List<GlyphVector> runs, List<Double> offsets, double advance) {
    Shape outline(double x, double y) {
      Path2D.Double all = new Path2D.Double(Path2D.WIND_NON_ZERO);
      for (int i = 0; i < runs.size(); i++) {
        all.append(runs.get(i).getOutline((float) (x + offsets.get(i)), (float) y), false);
      }
      return all;
    }
  }

  private static Layout layout(String text, CanvasFont f) {
    String t = text.replace('\n', ' ').replace('\t', ' ').replace('\r', ' ');
    Font face = f.awt();
    Font fallback = null;
    List<GlyphVector> runs = new ArrayList<>();
    List<Double> offsets = new ArrayList<>();
    double x = 0;
    int i = 0;
    while (i < t.length()) {
      int bad = face.canDisplayUpTo(t.substring(i));
      int end = bad < 0 ? t.length() : i + bad;
      Font use = face;
      if (end == i) {
        // characters the face lacks, up to the next one it has
        fallback = fallback == null ? f.fallback() : fallback;
        use = fallback;
        end = i + Character.charCount(t.codePointAt(i));
        while (end < t.length() && !face.canDisplay(t.codePointAt(end))) {
          end += Character.charCount(t.codePointAt(end));
        }
      }
      GlyphVector gv = use.createGlyphVector(FRC, t.substring(i, end));
      if (f.bold()) {
        // the face's outlines emboldened by the font scaler, placed at the regular advances (a fake bold keeps them)
        GlyphVector bold = use.deriveFont(Font.BOLD).createGlyphVector(FRC, t.substring(i, end));
        for (int g = 0; g <= gv.getNumGlyphs() && g <= bold.getNumGlyphs(); g++) {
          bold.setGlyphPosition(g, gv.getGlyphPosition(g));
        }
        gv = bold;
      }
      runs.add(gv);
      offsets.add(x);
      x += gv.getGlyphPosition(gv.getNumGlyphs()).getX();
      i = end;
    }
    return new Layout(runs, offsets, x);
  }

  private Shape textShape(String text, double x, double y, Double maxWidth) {
    if (text == null || !finite(x, y) || (maxWidth != null && !(maxWidth > 0))) {
      return null;
    }
    CanvasFont f = state.font;
    Layout layout = layout(text, f);
    double w = layout.advance;
    double ox = alignOffset(w);
    double oy = baselineOffset(f);
    Shape glyphs = styled(layout.outline(0, 0), f);
    AffineTransform place = new AffineTransform();
    place.translate(x, y);
    if (maxWidth != null && w > maxWidth) {
      place.scale(maxWidth / w, 1);
    }
    place.translate(ox, oy);
    return place.createTransformedShape(glyphs);
  }

  /** Oblique: sheared a quarter, about the baseline, as Chromium fakes it (bold is thickened in {@link #layout}). */
  private static Shape styled(Shape glyphs, CanvasFont f) {
    Shape out = glyphs;
    if (f.italic()) {
      out = AffineTransform.getShearInstance(-0.25, 0).createTransformedShape(out);
    }
    return out;
  }

  private double alignOffset(double w) {
    boolean rtl = state.direction.equals("rtl");
    return switch (state.textAlign) {
      case "center" -> -w / 2;
      case "right" -> -w;
      case "end" -> rtl ? 0 : -w;
      case "start" -> rtl ? -w : 0;
      default -> 0;
    };
  }

  /** How far the glyphs move down so that the chosen baseline sits at y. */
  private double baselineOffset(CanvasFont f) {
    return switch (state.textBaseline) {
      case "top" -> f.ascent();
      case "hanging" -> f.ascent() * 0.8;
      case "middle" -> (f.ascent() - f.descent()) / 2;
      case "bottom", "ideographic" -> -f.descent();
      default -> 0;
    };
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static Shape withRule(Shape s, String rule) {
    Path2D.Double p = new Path2D.Double(s);
    p.setWindingRule("evenodd".equals(rule) ? PathIterator.WIND_EVEN_ODD : PathIterator.WIND_NON_ZERO);
    return p;
  }

  private static boolean pixelAligned(Rectangle2D r) {
    return r.getMinX() == Math.rint(r.getMinX()) && r.getMinY() == Math.rint(r.getMinY())
        && r.getMaxX() == Math.rint(r.getMaxX()) && r.getMaxY() == Math.rint(r.getMaxY());
  }

  private static boolean finite(double... values) {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  private static double[] concat(double[] a, double[] b) {
    double[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static int unpremultiply(int c, int a) {
    return Math.min(255, (c * 255 + a / 2) / a);
  }

  static int premultiply(int c, int a) {
    return (c * a + 127) / 255;
  }
}
