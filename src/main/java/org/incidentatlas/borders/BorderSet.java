package org.incidentatlas.borders;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.incidentatlas.geodesy.GeodesicNearest;
import org.incidentatlas.geodesy.NearestPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * An immutable snapshot of the borders and country polygons, answering the border metrics of a
 * location. Built once per change of the borders, shared by all threads.
 */
public final class BorderSet {

    /** Distances to individual borders are kept up to this far (metres). */
    public static final double CUTOFF_M = 250_000;
    private static final double METRES_PER_DEGREE = 111_320;

    private record Entry(Border border, GeodesicNearest nearest, Envelope envelope) {
    }

    private record Side(String iso3, PreparedGeometry polygon) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Entry> byId = new HashMap<>();
    private final List<Side> sides = new ArrayList<>();
    private final GeometryFactory points = new GeometryFactory();

    public BorderSet(List<Border> borders, List<Country> countries) {
        for (Border b : borders) {
            Entry e = new Entry(b, new GeodesicNearest(b.geometry()), b.geometry().getEnvelopeInternal());
            if (!e.nearest().isEmpty()) {
                entries.add(e);
                byId.put(b.id(), e);
            }
        }
        for (Country c : countries) {
            sides.add(new Side(c.iso3(), PreparedGeometryFactory.prepare(c.geometry())));
        }
    }

    public static BorderSet empty() {
        return new BorderSet(List.of(), List.of());
    }

    public List<Border> borders() {
        return entries.stream().map(Entry::border).toList();
    }

    public Optional<Border> border(String id) {
        return Optional.ofNullable(byId.get(id)).map(Entry::border);
    }

    /** Nearest point of one border to (lon, lat). */
    public Optional<NearestPoint> nearest(String borderId, double lon, double lat) {
        return Optional.ofNullable(byId.get(borderId)).map(e -> e.nearest().nearest(lon, lat));
    }

    /** ISO3 of the country whose polygon covers the point; null at sea or outside the mapped countries. */
    public String side(double lon, double lat) {
        Point p = points.createPoint(new Coordinate(lon, lat));
        for (Side s : sides) {
            if (s.polygon().covers(p)) {
                return s.iso3();
            }
        }
        return null;
    }

    /**
     * Metrics of a location (its representative point for lines and polygons) against the borders
     * valid on {@code day} (all borders when day is null).
     */
    public BorderMetrics metrics(Geometry location, LocalDate day) {
        Point p = location instanceof Point point ? point : location.getInteriorPoint();
        double lon = p.getX();
        double lat = p.getY();
        String side = side(lon, lat);
        NearestPoint best = null;
        String bestId = null;
        Map<String, Double> within = new HashMap<>();
        for (Entry e : entries) {
            if (!validOn(e.border(), day)) {
                continue;
            }
            // A border whose bounding box is far beyond the cutoff cannot be nearest unless nothing is near.
            if (envelopeMetres(e.envelope(), lon, lat) > CUTOFF_M * 1.2 && best != null && best.distanceM() < CUTOFF_M) {
                continue;
            }
            NearestPoint n = e.nearest().nearest(lon, lat);
            if (n.distanceM() <= CUTOFF_M) {
                within.put(e.border().id(), n.distanceM());
            }
            if (best == null || n.distanceM() < best.distanceM()) {
                best = n;
                bestId = e.border().id();
            }
        }
        if (best == null) {
            return new BorderMetrics(null, null, null, null, side, Map.of());
        }
        return new BorderMetrics(best.distanceM(), bestId, best.lon(), best.lat(), side, within);
    }

    private static boolean validOn(Border b, LocalDate day) {
        if (day == null) {
            return true;
        }
        return (b.validFrom() == null || !day.isBefore(b.validFrom())) && (b.validTo() == null || !day.isAfter(b.validTo()));
    }

    /** A lower-bound-ish distance in metres from a point to an envelope (flat, for pruning only). */
    private static double envelopeMetres(Envelope env, double lon, double lat) {
        double dx = Math.max(0, Math.max(env.getMinX() - lon, lon - env.getMaxX())) * Math.cos(Math.toRadians(lat));
        double dy = Math.max(0, Math.max(env.getMinY() - lat, lat - env.getMaxY()));
        return Math.hypot(dx, dy) * METRES_PER_DEGREE;
    }
}
