package org.incidentatlas.gazetteer;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

import net.sf.geographiclib.Geodesic;

/**
 * The radius, in metres, of the circle around a place's representative point within which the
 * place (or the part of it an event happened in) lies: a circle of uncertainty, as UCDP GED pairs
 * its points with {@code where_prec}. Null means no radius is claimed (an administrative unit,
 * whose geo precision already says "province or larger").
 * <p>
 * A derived location states its radius in its source ("DERIVED: … ±3 km"); that is taken as
 * written. Other places get a default by what they are:
 * <ul>
 * <li>a line or area (road, corridor, ridge, river, lake): the farthest vertex from the point, so
 *     the circle covers the feature;</li>
 * <li>a village, populated place, height or pass given as a point: 1 km — encyclopaedia and
 *     GeoNames points mark a village centre, and a village's houses and fields (or a height's
 *     slopes, where positions sit) spread about that far;</li>
 * <li>a border crossing: 500 m (a checkpoint is a few buildings);</li>
 * <li>a town: 2 km; a city: 5 km (their built-up areas);</li>
 * <li>a "direction" (defence-ministry sector): 10 km unless its geometry says more;</li>
 * <li>districts, regions, countries, and derived points that state no radius: none.</li>
 * </ul>
 */
public final class PlaceUncertainty {

    /** "±3 km", "± 2.5 km", "±800 m" in a derived place's source; the last one wins. */
    private static final Pattern STATED = Pattern.compile("±\\s*(\\d+(?:\\.\\d+)?)\\s*(km|m)\\b");
    /** The largest radius the incident model accepts (500 km); anything larger says nothing about a point. */
    public static final int MAX_M = 500_000;

    private PlaceUncertainty() {
    }

    /** The radius a place gets from its source and type; null for administrative units. */
    public static Integer of(FeatureType type, String source, Geometry geometry, Point point) {
        OptionalInt stated = stated(source);
        if (stated.isPresent()) {
            return stated.getAsInt();
        }
        if (type.isAdministrative() || derived(source)) {
            // a derived point without a stated radius: no default could be trusted
            return null;
        }
        int byType = switch (type) {
            case CITY -> 5_000;
            case TOWN -> 2_000;
            case BORDER_CROSSING -> 500;
            case DIRECTION -> 10_000;
            default -> 1_000;
        };
        return Math.max(byType, extent(geometry, point));
    }

    /** The radius a source states, when it is a derived location ("DERIVED…" with "±N km"). */
    public static OptionalInt stated(String source) {
        if (!derived(source)) {
            return OptionalInt.empty();
        }
        Matcher m = STATED.matcher(source);
        Double metres = null;
        while (m.find()) {
            double n = Double.parseDouble(m.group(1));
            metres = m.group(2).equals("km") ? n * 1000 : n;
        }
        return metres == null ? OptionalInt.empty() : OptionalInt.of((int) Math.min(MAX_M, Math.round(metres)));
    }

    /** Whether the source marks the coordinates as derived ("DERIVED: …"). */
    public static boolean derived(String source) {
        if (source == null) {
            return false;
        }
        int i = 0;
        while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
            i++;
        }
        // no copy of the string: this runs for every candidate of every look-up
        return source.regionMatches(true, i, "DERIVED", 0, 7);
    }

    /** The geodesic distance from the point to the geometry's farthest vertex, in whole metres (0 for a point). */
    static int extent(Geometry geometry, Point point) {
        if (geometry == null || point == null || geometry instanceof Point) {
            return 0;
        }
        double far = 0;
        for (Coordinate c : geometry.getCoordinates()) {
            far = Math.max(far, Geodesic.WGS84.Inverse(point.getY(), point.getX(), c.y, c.x).s12);
        }
        return (int) Math.min(MAX_M, Math.ceil(far));
    }
}
