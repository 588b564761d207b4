package dev.sparrow.apis.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The geo query commands on GeoJSON values ({@code {type, coordinates}}, longitude first), as the embedded engine
 * evaluates them. Distances are great-circle distances on a sphere of WeChat's documented radius (6378.1 km).
 * Approximations: polygon edges and line segments are straight lines in longitude/latitude (not great circles);
 * "near" measures to a shape's nearest vertex, "within" checks vertices, edge crossings and edge midpoints (so a
 * stored polygon that wholly surrounds a hole of the query polygon still counts as within); a polygon that
 * crosses the antimeridian is not understood.
 */
final class Geo {
  static final double EARTH_RADIUS_METERS = 6378100;
  private static final double EPSILON = 1e-12;

  private Geo() {}

  /** One shape broken into what the tests need: points, segments (lines and rings) and polygons (rings). */
  private record Parts(List<double[]> points, List<double[][]> segments, List<List<double[][]>> polygons) {}

  static boolean isGeometry(JsonNode n) {
    return n != null && n.isObject() && n.path("type").isTextual() && n.path("coordinates").isArray();
  }

  /** {@code $geoNear: {geometry, maxDistance, minDistance}} on the values found at a path. */
  static boolean near(List<JsonNode> values, JsonNode arg) {
    double[] center = point(arg.path("geometry"));
    double min = arg.path("minDistance").asDouble(0);
    double max = arg.has("maxDistance") ? arg.path("maxDistance").asDouble() : Double.POSITIVE_INFINITY;
    for (JsonNode v : values) {
      if (isGeometry(v)) {
        double d = distance(center, v);
        if (d >= min && d <= max) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code $geoWithin: {geometry}} (Polygon, MultiPolygon) or {@code {centerSphere: [[lng, lat], radians]}}. */
  static boolean within(List<JsonNode> values, JsonNode arg) {
    if (arg.has("centerSphere")) {
      JsonNode cs = arg.get("centerSphere");
      if (!cs.isArray() || cs.size() != 2 || !cs.get(1).isNumber()) {
        throw CloudError.invalid("centerSphere must be [[longitude, latitude], radius]");
      }
      double[] center = position(cs.get(0));
      double meters = cs.get(1).asDouble() * EARTH_RADIUS_METERS;
      return values.stream().filter(Geo::isGeometry)
          .anyMatch(v -> parts(v).points().stream().allMatch(p -> haversine(center, p) <= meters));
    }
    JsonNode g = arg.path("geometry");
    String type = g.path("type").asText();
    if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
      throw CloudError.invalid("geoWithin needs a Polygon or MultiPolygon geometry, or centerSphere");
    }
    Parts area = parts(g);
    return values.stream().filter(Geo::isGeometry).map(Geo::parts).anyMatch(v -> v.points().stream()
        .allMatch(p -> area.polygons().stream().anyMatch(poly -> inPolygon(p, poly)))
        && v.segments().stream().allMatch(s -> insideArea(s, area)));
  }

  /** An edge stays inside: crosses no ring edge and its midpoint is inside (a path through a hole's corners). */
  private static boolean insideArea(double[][] s, Parts area) {
    double[] mid = {(s[0][0] + s[1][0]) / 2, (s[0][1] + s[1][1]) / 2};
    return area.segments().stream().noneMatch(t -> properlyCrosses(s, t))
        && area.polygons().stream().anyMatch(poly -> inPolygon(mid, poly));
  }

  /** {@code $geoIntersects: {geometry}}: shares a point, an edge crossing or an area with the value. */
  static boolean intersects(List<JsonNode> values, JsonNode arg) {
    JsonNode g = arg.path("geometry");
    if (!isGeometry(g)) {
      throw CloudError.invalid("geoIntersects needs a geometry");
    }
    Parts q = parts(g);
    return values.stream().filter(Geo::isGeometry).anyMatch(v -> intersect(parts(v), q));
  }

  /** Nearest first for a query with a {@code $geoNear} field (also inside {@code $and}), or null. */
  static Comparator<JsonNode> nearestFirst(JsonNode where) {
    if (where == null || !where.isObject()) {
      return null;
    }
    Iterator<Map.Entry<String, JsonNode>> it = where.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("$and")) {
        for (JsonNode part : e.getValue()) {
          Comparator<JsonNode> inner = nearestFirst(part);
          if (inner != null) {
            return inner;
          }
        }
        continue;
      }
      JsonNode near = e.getValue().path("$geoNear");
      if (near.isObject()) {
        double[] center = point(near.path("geometry"));
        String path = e.getKey();
        return Comparator.comparingDouble(d -> Values.at(d, path).stream().filter(Geo::isGeometry)
            .mapToDouble(v -> distance(center, v)).min().orElse(Double.POSITIVE_INFINITY));
      }
    }
    return null;
  }

  /** Meters from a point to a stored shape's nearest vertex. */
  static double distance(double[] from, JsonNode shape) {
    return parts(shape).points().stream().mapToDouble(p -> haversine(from, p)).min()
        .orElse(Double.POSITIVE_INFINITY);
  }

  static double haversine(double[] a, double[] b) {
    double lat1 = Math.toRadians(a[1]);
    double lat2 = Math.toRadians(b[1]);
    double dLat = lat2 - lat1;
    double dLng = Math.toRadians(b[0] - a[0]);
    double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
        + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
    return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  /** The position of a Point geometry (a {@code $geoNear} stage's {@code near}). */
  static double[] center(JsonNode g) {
    return point(g);
  }

  private static double[] point(JsonNode g) {
    if (!isGeometry(g) || !g.get("type").asText().equals("Point")) {
      throw CloudError.invalid("geoNear needs a Point geometry");
    }
    return position(g.get("coordinates"));
  }

  private static double[] position(JsonNode c) {
    if (c == null || !c.isArray() || c.size() < 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
      throw CloudError.invalid("coordinates " + c);
    }
    double lng = c.get(0).asDouble();
    double lat = c.get(1).asDouble();
    if (Math.abs(lng) > 180 || Math.abs(lat) > 90) {
      throw CloudError.invalid("coordinates out of range " + c);
    }
    return new double[] {lng, lat};
  }

  private static Parts parts(JsonNode g) {
    Parts out = new Parts(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    JsonNode c = g.get("coordinates");
    switch (g.get("type").asText()) {
      case "Point" -> out.points().add(position(c));
      case "MultiPoint" -> c.forEach(p -> out.points().add(position(p)));
      case "LineString" -> line(c, out);
      case "MultiLineString" -> c.forEach(l -> line(l, out));
      case "Polygon" -> polygon(c, out);
      case "MultiPolygon" -> c.forEach(p -> polygon(p, out));
      default -> throw CloudError.invalid("geometry type " + g.get("type").asText());
    }
    return out;
  }

  private static List<double[]> line(JsonNode c, Parts out) {
    List<double[]> ps = new ArrayList<>();
    c.forEach(p -> ps.add(position(p)));
    for (int i = 0; i + 1 < ps.size(); i++) {
      out.segments().add(new double[][] {ps.get(i), ps.get(i + 1)});
    }
    out.points().addAll(ps);
    return ps;
  }

  private static void polygon(JsonNode c, Parts out) {
    List<double[][]> rings = new ArrayList<>();
    for (JsonNode ring : c) {
      rings.add(line(ring, out).toArray(new double[0][]));
    }
    out.polygons().add(rings);
  }

  /** Inside (or on) the outer ring and not strictly inside a hole. */
  private static boolean inPolygon(double[] p, List<double[][]> rings) {
    if (rings.isEmpty() || !inRing(p, rings.get(0))) {
      return false;
    }
    for (int i = 1; i < rings.size(); i++) {
      if (inRing(p, rings.get(i)) && !onRing(p, rings.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean inRing(double[] p, double[][] ring) {
    if (onRing(p, ring)) {
      return true;
    }
    boolean inside = false;
    for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      double[] a = ring[i];
      double[] b = ring[j];
      if ((a[1] > p[1]) != (b[1] > p[1]) && p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0]) {
        inside = !inside;
      }
    }
    return inside;
  }

  private static boolean onRing(double[] p, double[][] ring) {
    for (int i = 0; i + 1 < ring.length; i++) {
      if (onSegment(p, ring[i], ring[i + 1])) {
        return true;
      }
    }
    return false;
  }

  private static double cross(double[] o, double[] a, double[] b) {
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  }

  private static boolean onSegment(double[] p, double[] a, double[] b) {
    return Math.abs(cross(a, b, p)) <= EPSILON && p[0] >= Math.min(a[0], b[0]) - EPSILON
        && p[0] <= Math.max(a[0], b[0]) + EPSILON && p[1] >= Math.min(a[1], b[1]) - EPSILON
        && p[1] <= Math.max(a[1], b[1]) + EPSILON;
  }

  /** The segments cross at one point inside both (touching ends or overlapping do not count). */
  private static boolean properlyCrosses(double[][] s, double[][] t) {
    double d1 = cross(t[0], t[1], s[0]);
    double d2 = cross(t[0], t[1], s[1]);
    double d3 = cross(s[0], s[1], t[0]);
    double d4 = cross(s[0], s[1], t[1]);
    return ((d1 > EPSILON && d2 < -EPSILON) || (d1 < -EPSILON && d2 > EPSILON))
        && ((d3 > EPSILON && d4 < -EPSILON) || (d3 < -EPSILON && d4 > EPSILON));
  }

  private static boolean crosses(double[][] s, double[][] t) {
    return properlyCrosses(s, t) || onSegment(s[0], t[0], t[1]) || onSegment(s[1], t[0], t[1])
        || onSegment(t[0], s[0], s[1]) || onSegment(t[1], s[0], s[1]);
  }

  private static boolean intersect(Parts a, Parts b) {
    return touches(a, b) || touches(b, a)
        || a.segments().stream().anyMatch(s -> b.segments().stream().anyMatch(t -> crosses(s, t)));
  }

  /** A point of {@code a} equals a point of, lies on a segment of, or lies in a polygon of {@code b}. */
  private static boolean touches(Parts a, Parts b) {
    for (double[] p : a.points()) {
      for (double[] q : b.points()) {
        if (Math.abs(p[0] - q[0]) <= EPSILON && Math.abs(p[1] - q[1]) <= EPSILON) {
          return true;
        }
      }
      for (double[][] s : b.segments()) {
        if (onSegment(p, s[0], s[1])) {
          return true;
        }
      }
      for (List<double[][]> poly : b.polygons()) {
        if (inPolygon(p, poly)) {
          return true;
        }
      }
    }
    return false;
  }
}
