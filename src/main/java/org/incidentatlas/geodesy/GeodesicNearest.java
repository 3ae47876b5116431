package org.incidentatlas.geodesy;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicMask;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Exact nearest point of a line (or polygon outline) to a location, on the WGS 84 ellipsoid.
 * <p>
 * The line's vertices are placed once in an azimuthal equidistant projection centred on the
 * line; across a region the size of the Caucasus its plane distances stay within a fraction of a
 * percent of geodesic ones, so an R-tree there orders the segments by distance and bounds the
 * ones not yet looked at. Each candidate segment is then measured exactly: both ends go into an
 * azimuthal equidistant projection centred on the location — GeographicLib's geodesic inverse
 * gives their distance and azimuth, so distances from the centre are exact — where the segment's
 * nearest point has a closed form. Segments are straight in longitude and latitude, as GeoJSON
 * defines them; on long segments the answer is polished against the exact geodesic distance.
 */
public final class GeodesicNearest {

    private static final Geodesic WGS84 = Geodesic.WGS84;
    private static final double EARTH_RADIUS_M = 6_371_000;
    private static final int NEIGHBOURS = 16;
    /** Segments longer than this get their projected nearest point polished (see refine). */
    private static final double REFINE_ABOVE_M = 2_000;

    private record Segment(double lon1, double lat1, double lon2, double lat2, double x1, double y1, double x2, double y2) {
    }

    private final STRtree tree = new STRtree();
    private final double centreLon;
    private final double centreLat;
    private final double radiusM;
    private final boolean empty;

    public GeodesicNearest(Geometry geometry) {
        Geometry lines = geometry instanceof Polygonal ? geometry.getBoundary() : geometry;
        Envelope env = lines.getEnvelopeInternal();
        this.centreLon = env.isNull() ? 0 : env.centre().x;
        this.centreLat = env.isNull() ? 0 : env.centre().y;
        double farthest = 0;
        int segments = 0;
        for (int i = 0; i < lines.getNumGeometries(); i++) {
            if (!(lines.getGeometryN(i) instanceof LineString line)) {
                continue;
            }
            Coordinate[] c = line.getCoordinates();
            double[] previous = null;
            for (int k = 0; k < c.length; k++) {
                double[] xy = plane(c[k].x, c[k].y);
                farthest = Math.max(farthest, Math.hypot(xy[0], xy[1]));
                if (previous != null) {
                    Segment s = new Segment(c[k - 1].x, c[k - 1].y, c[k].x, c[k].y, previous[0], previous[1], xy[0], xy[1]);
                    tree.insert(new Envelope(s.x1, s.x2, s.y1, s.y2), s);
                    segments++;
                }
                previous = xy;
            }
        }
        tree.build();
        this.radiusM = farthest;
        this.empty = segments == 0;
    }

    public boolean isEmpty() {
        return empty;
    }

    /** The nearest point of the line to (lon, lat), with its geodesic distance. */
    public NearestPoint nearest(double lon, double lat) {
        if (empty) {
            throw new IllegalStateException("no segments");
        }
        double[] q = plane(lon, lat);
        double margin = margin(Math.hypot(q[0], q[1]));
        ItemDistance planar = (a, b) -> planeDistance(q, (Segment) (a.getItem() instanceof Segment ? a.getItem() : b.getItem()));
        Object[] near = tree.nearestNeighbour(new Envelope(q[0], q[0], q[1], q[1]), new Object(), planar, NEIGHBOURS);
        Best best = closest(lon, lat, q, margin, Arrays.asList(near), null);
        double farthestFetched = 0;
        for (Object o : near) {
            farthestFetched = Math.max(farthestFetched, planeDistance(q, (Segment) o));
        }
        if (near.length == NEIGHBOURS && lowerBound(farthestFetched, margin) < best.point().distanceM()) {
            // a segment not fetched might still be nearer: look at every segment within reach
            double reach = best.point().distanceM() / (1 - margin) + 2;
            @SuppressWarnings("unchecked")
            List<Segment> more = tree.query(new Envelope(q[0] - reach, q[0] + reach, q[1] - reach, q[1] + reach));
            best = closest(lon, lat, q, margin, more, best);
        }
        return refine(lon, lat, best.segment(), best.point());
    }

    private record Best(NearestPoint point, Segment segment) {
    }

    /** Measures segments in order of plane distance until the lower bound passes the best found. */
    private static Best closest(double lon, double lat, double[] q, double margin, List<?> segments, Best start) {
        Segment[] ordered = segments.toArray(Segment[]::new);
        double[] plane = new double[ordered.length];
        for (int i = 0; i < ordered.length; i++) {
            plane[i] = planeDistance(q, ordered[i]);
        }
        Integer[] order = new Integer[ordered.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> plane[i]));
        Best best = start;
        for (int i : order) {
            if (best != null && lowerBound(plane[i], margin) > best.point().distanceM()) {
                break;
            }
            NearestPoint p = onSegment(lon, lat, ordered[i]);
            if (best == null || p.distanceM() < best.point().distanceM()) {
                best = new Best(p, ordered[i]);
            }
        }
        return best;
    }

    /**
     * How far plane distances may fall short of geodesic ones: the projection's scale error grows
     * with the square of the distance from its centre (about (ρ/R)²/6), so this stays well above it.
     */
    private double margin(double queryRadiusM) {
        double rho = Math.max(queryRadiusM, radiusM) / EARTH_RADIUS_M;
        return 0.002 + rho * rho / 2;
    }

    private static double lowerBound(double planeMetres, double margin) {
        return planeMetres * (1 - margin) - 1;
    }

    /** Azimuthal equidistant coordinates (metres) of a point, centred on the line's envelope. */
    private double[] plane(double lon, double lat) {
        GeodesicData d = WGS84.Inverse(centreLat, centreLon, lat, lon, GeodesicMask.DISTANCE | GeodesicMask.AZIMUTH);
        double azimuth = Math.toRadians(d.azi1);
        return new double[] {d.s12 * Math.sin(azimuth), d.s12 * Math.cos(azimuth)};
    }

    private static double planeDistance(double[] q, Segment s) {
        double dx = s.x2 - s.x1;
        double dy = s.y2 - s.y1;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((q[0] - s.x1) * dx + (q[1] - s.y1) * dy) / len2));
        return Math.hypot(s.x1 + t * dx - q[0], s.y1 + t * dy - q[1]);
    }

    /**
     * Nearest point of one segment: in the azimuthal equidistant projection centred on the query,
     * the segment's ends are at (s·sin α, s·cos α) from the geodesic inverse; the closest point of
     * the (straight, for segments this short) projected segment to the origin gives the fraction t
     * along it, and the point at t is measured again exactly.
     */
    private static NearestPoint onSegment(double lon, double lat, Segment s) {
        GeodesicData a = WGS84.Inverse(lat, lon, s.lat1, s.lon1, GeodesicMask.DISTANCE | GeodesicMask.AZIMUTH);
        GeodesicData b = WGS84.Inverse(lat, lon, s.lat2, s.lon2, GeodesicMask.DISTANCE | GeodesicMask.AZIMUTH);
        double ax = a.s12 * Math.sin(Math.toRadians(a.azi1));
        double ay = a.s12 * Math.cos(Math.toRadians(a.azi1));
        double bx = b.s12 * Math.sin(Math.toRadians(b.azi1));
        double by = b.s12 * Math.cos(Math.toRadians(b.azi1));
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
        if (t == 0) {
            return new NearestPoint(a.s12, s.lon1, s.lat1);
        }
        if (t == 1) {
            return new NearestPoint(b.s12, s.lon2, s.lat2);
        }
        double plon = s.lon1 + t * (s.lon2 - s.lon1);
        double plat = s.lat1 + t * (s.lat2 - s.lat1);
        return new NearestPoint(WGS84.Inverse(lat, lon, plat, plon, GeodesicMask.DISTANCE).s12, plon, plat);
    }

    /**
     * On a long segment the projected fraction maps back to longitude/latitude only approximately
     * (a degree of latitude is not the same length everywhere), so the answer is polished by a
     * golden-section search of the exact geodesic distance within 50 m of it.
     */
    private static NearestPoint refine(double lon, double lat, Segment s, NearestPoint start) {
        double length = Math.hypot(s.x2 - s.x1, s.y2 - s.y1);
        if (length < REFINE_ABOVE_M) {
            return start; // on short segments the projected answer is already exact to well under a millimetre
        }
        double dLon = s.lon2 - s.lon1;
        double dLat = s.lat2 - s.lat1;
        double t0 = Math.abs(dLon) > Math.abs(dLat) ? (start.lon() - s.lon1) / dLon : (start.lat() - s.lat1) / dLat;
        double width = 50 / length;
        double lo = Math.max(0, t0 - width);
        double hi = Math.min(1, t0 + width);
        double ratio = (Math.sqrt(5) - 1) / 2;
        double x1 = hi - ratio * (hi - lo);
        double x2 = lo + ratio * (hi - lo);
        double f1 = distanceAt(lon, lat, s, x1);
        double f2 = distanceAt(lon, lat, s, x2);
        for (int i = 0; i < 40 && hi - lo > 1e-9; i++) {
            if (f1 < f2) {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - ratio * (hi - lo);
                f1 = distanceAt(lon, lat, s, x1);
            } else {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + ratio * (hi - lo);
                f2 = distanceAt(lon, lat, s, x2);
            }
        }
        double t = (lo + hi) / 2;
        double d = distanceAt(lon, lat, s, t);
        return d >= start.distanceM() ? start : new NearestPoint(d, s.lon1 + t * dLon, s.lat1 + t * dLat);
    }

    private static double distanceAt(double lon, double lat, Segment s, double t) {
        return WGS84.Inverse(lat, lon, s.lat1 + t * (s.lat2 - s.lat1), s.lon1 + t * (s.lon2 - s.lon1), GeodesicMask.DISTANCE).s12;
    }
}
