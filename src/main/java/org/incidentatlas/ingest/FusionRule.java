package org.incidentatlas.ingest;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import net.sf.geographiclib.Geodesic;
import org.incidentatlas.borders.GeodesicNearest;
import org.incidentatlas.incidents.DatePrecision;
import org.incidentatlas.incidents.EventTaxonomy;
import org.locationtech.jts.geom.Lineal;

/**
 * When two reports' events are the same event: same or adjacent day, the same place or places
 * within {@link #MAX_DISTANCE_M} (geodesic, WGS 84; from a road or corridor, to its nearest
 * point), and compatible event types. Symmetric, so
 * the incidents are the connected groups of this relation whatever order reports arrive in.
 */
public final class FusionRule {

    /** Villages a few kilometres apart are one event in different reports' wording. */
    public static final double MAX_DISTANCE_M = 5_000;

    /** One side's "shelling" is the other side's "armed clash": violent events fuse with each other. */
    private static final Set<String> ARMED_VIOLENCE = Set.of(EventTaxonomy.BATTLES, EventTaxonomy.EXPLOSIONS,
            EventTaxonomy.VIOLENCE_AGAINST_CIVILIANS);
    private static final Set<String> UNREST = Set.of(EventTaxonomy.PROTESTS, EventTaxonomy.RIOTS);

    /** Roads and corridors are few; their nearest-point indexes are kept. */
    private final Map<String, GeodesicNearest> nearestCache = new ConcurrentHashMap<>();

    public boolean sameEvent(ReportEvent a, ReportEvent b) {
        return sameTime(a, b) && samePlace(a, b) && compatibleTypes(a.eventType(), b.eventType());
    }

    static boolean sameTime(ReportEvent a, ReportEvent b) {
        if (a.datePrecision() != DatePrecision.DAY || b.datePrecision() != DatePrecision.DAY) {
            // coarse dates only fuse with the same coarse date: never stretch "some day in 2022" onto a day
            return a.datePrecision() == b.datePrecision() && a.date().equals(b.date());
        }
        // the days [date, lastDay] of each, widened by one day, overlap
        return !a.date().minusDays(1).isAfter(b.lastDay()) && !b.date().minusDays(1).isAfter(a.lastDay())
                || Math.abs(ChronoUnit.DAYS.between(a.date(), b.date())) <= 1;
    }

    boolean samePlace(ReportEvent a, ReportEvent b) {
        if (a.location().placeId() != null && a.location().placeId().equals(b.location().placeId())) {
            return true;
        }
        return distanceM(a, b) <= MAX_DISTANCE_M;
    }

    /**
     * Geodesic distance between the two places: to the nearest point of a road or corridor (a
     * height beside the Lachin corridor is "at" the corridor), otherwise between representative
     * points. Areas count by their representative point, so a province never pulls the villages
     * in it into one incident.
     */
    private double distanceM(ReportEvent a, ReportEvent b) {
        double d = Geodesic.WGS84.Inverse(a.lat(), a.lon(), b.lat(), b.lon()).s12;
        if (a.location().geometry() instanceof Lineal) {
            d = Math.min(d, lines(a).nearest(b.lon(), b.lat()).distanceM());
        }
        if (b.location().geometry() instanceof Lineal) {
            d = Math.min(d, lines(b).nearest(a.lon(), a.lat()).distanceM());
        }
        return d;
    }

    private GeodesicNearest lines(ReportEvent e) {
        // a gazetteer id names one geometry
        return nearestCache.computeIfAbsent(e.location().placeId(), k -> new GeodesicNearest(e.location().geometry()));
    }

    static boolean compatibleTypes(String a, String b) {
        return a.equals(b) || ARMED_VIOLENCE.contains(a) && ARMED_VIOLENCE.contains(b) || UNREST.contains(a) && UNREST.contains(b);
    }
}
