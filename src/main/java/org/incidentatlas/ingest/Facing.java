package org.incidentatlas.ingest;

import java.util.Set;

import net.sf.geographiclib.Geodesic;
import org.incidentatlas.gazetteer.FeatureType;
import org.incidentatlas.gazetteer.Place;

/**
 * A defence ministry's "X direction" names the stretch of front a district holds, not where
 * anything happened: the gazetteer points it at the district town, often 20–35 km behind the
 * line. It faces the other side's villages across that stretch, so one side's "fire in the
 * Kalbajar direction" is the other side's "fire on Sotk": the direction joins the village's
 * event (in one report, {@link EventMerging}; across reports, {@link FusionRule}) and is
 * never an event place of its own when such a village is named.
 */
final class Facing {

    /**
     * A direction's town lies at most this far from the villages across the line it faces:
     * Kalbajar 19 km from Sotk, Lachin 23 km from Goris, Zangilan 26 km from Kapan, Dashkasan
     * 37 km from Sotk; the next district's front (Lachin to Kapan) is 50 km away.
     */
    static final double DIRECTION_FACING_M = 40_000;
    private static final Set<String> PARTIES = Set.of("ARM", "AZE");

    private Facing() {
    }

    /** The direction of one party faces a place of the other party that lies within {@link #DIRECTION_FACING_M}. */
    static boolean faces(Place direction, Place other) {
        return direction.type() == FeatureType.DIRECTION && other.type() != FeatureType.DIRECTION
                && other.type().geoPrecision() < FeatureType.DISTRICT.geoPrecision()
                && faces(direction.country(), direction.lat(), direction.lon(), other.country(), other.lat(), other.lon());
    }

    /** The same test on a direction's and a place's country and representative point. */
    static boolean faces(String directionCountry, double lat, double lon, String otherCountry, double otherLat, double otherLon) {
        return PARTIES.contains(String.valueOf(directionCountry)) && PARTIES.contains(String.valueOf(otherCountry))
                && !directionCountry.equals(otherCountry) && metres(lat, lon, otherLat, otherLon) <= DIRECTION_FACING_M;
    }

    static double metres(double lat1, double lon1, double lat2, double lon2) {
        return Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2).s12;
    }
}
