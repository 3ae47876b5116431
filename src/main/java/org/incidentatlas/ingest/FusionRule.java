package org.incidentatlas.ingest;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import net.sf.geographiclib.Geodesic;
import org.incidentatlas.borders.BorderSet;
import org.incidentatlas.gazetteer.FeatureType;
import org.incidentatlas.gazetteer.Place;
import org.incidentatlas.geodesy.GeodesicNearest;
import org.incidentatlas.geodesy.NearestPoint;
import org.incidentatlas.incidents.DatePrecision;
import org.incidentatlas.incidents.EventTaxonomy;
import org.locationtech.jts.geom.Lineal;

/**
 * When two reports' events are the same event: same or adjacent day, the same place or places
 * within {@link #MAX_DISTANCE_M} (geodesic, WGS 84; from a road or corridor, to its nearest
 * point), and compatible event types; or one clash told by its two sides (see
 * {@link #twoAccounts}). Symmetric, so the incidents are the connected groups of this relation
 * whatever order reports arrive in.
 */
public final class FusionRule {

    /** Villages a few kilometres apart are one event in different reports' wording. */
    public static final double MAX_DISTANCE_M = 5_000;
    /** Two accounts: the place each side names lies this close to the Armenia–Azerbaijan border. */
    static final double ACCOUNT_BORDER_M = 12_000;
    /** Two accounts naming two exact places (geo_precision 1: villages, heights) across the border: at most this far apart. */
    static final double ACCOUNT_PLACES_M = 15_000;
    /**
     * Two accounts where one is less precise ("near X", a district, a "direction", by its
     * representative point): at most this far apart. Kalbajar's point is 18 km from Sotk,
     * Ordubad's 19 km from Meghri, Lachin's 23 km from Goris; Zangilan's is 26 km from Kapan.
     */
    static final double ACCOUNT_AREA_M = 25_000;
    /** The border lines between the two parties (mainland and Nakhchivan). */
    private static final List<String> PARTY_BORDERS = List.of("ARM-AZE", "ARM-AZE-NAKH");
    private static final Set<String> PARTIES = Set.of("ARM", "AZE");

    /** One side's "shelling" is the other side's "armed clash": violent events fuse with each other. */
    private static final Set<String> ARMED_VIOLENCE = Set.of(EventTaxonomy.BATTLES, EventTaxonomy.EXPLOSIONS,
            EventTaxonomy.VIOLENCE_AGAINST_CIVILIANS);
    private static final Set<String> UNREST = Set.of(EventTaxonomy.PROTESTS, EventTaxonomy.RIOTS);

    /** Roads and corridors are few; their nearest-point indexes are kept. */
    private final Map<String, GeodesicNearest> nearestCache = new ConcurrentHashMap<>();
    private final ActorList actors;
    private final Supplier<BorderSet> borders;
    /** The gazetteer's place by id: tells a "direction" (an area fire came from) from a place. */
    private final Function<String, Optional<Place>> places;

    /** Same time, place and kind only: without actors and borders, two sides' accounts are never joined. */
    public FusionRule() {
        this(null, BorderSet::empty, id -> Optional.empty());
    }

    FusionRule(ActorList actors, Supplier<BorderSet> borders, Function<String, Optional<Place>> places) {
        this.actors = actors;
        this.borders = borders;
        this.places = places;
    }

    public boolean sameEvent(ReportEvent a, ReportEvent b) {
        return sameTime(a, b) && samePlace(a, b) && compatibleTypes(a.eventType(), b.eventType()) || twoAccounts(a, b);
    }

    /**
     * One clash, two accounts: each side tells of the same exchange at a place on its own side
     * ("fire on Sotk"; "fire on our positions in the Kalbajar direction") and blames the other.
     * Joined only when all of these hold: the same day, to the day; armed violence in both; the
     * places in Armenia and Azerbaijan, one each; each account's initiator belongs to the other
     * account's country (they blame each other); both places (representative points) within
     * {@link #ACCOUNT_BORDER_M} of the border between them, and within {@link #ACCOUNT_PLACES_M}
     * of each other ({@link #ACCOUNT_AREA_M} when either is less precise than an exact place).
     * One side's "direction" is the stretch of front its district holds: it joins the other
     * side's place near the border when it faces that place ({@link Facing}), wherever the
     * district town behind it lies. Symmetric. Without border data nothing is joined this way.
     */
    boolean twoAccounts(ReportEvent a, ReportEvent b) {
        if (actors == null || a.datePrecision() != DatePrecision.DAY || b.datePrecision() != DatePrecision.DAY
                || a.dateEnd() != null || b.dateEnd() != null || !a.date().equals(b.date())
                || !ARMED_VIOLENCE.contains(a.eventType()) || !ARMED_VIOLENCE.contains(b.eventType())) {
            return false;
        }
        String ca = a.location().country();
        String cb = b.location().country();
        if (!PARTIES.contains(String.valueOf(ca)) || !PARTIES.contains(String.valueOf(cb)) || ca.equals(cb)) {
            return false;
        }
        if (!Objects.equals(actors.countryOf(a.actor1()).orElse(null), cb) || !Objects.equals(actors.countryOf(b.actor1()).orElse(null), ca)) {
            return false;
        }
        BorderSet set = borders.get();
        boolean aDirection = isDirection(a);
        if (aDirection != isDirection(b)) {
            ReportEvent direction = aDirection ? a : b;
            ReportEvent place = aDirection ? b : a;
            return Facing.faces(direction.location().country(), direction.lat(), direction.lon(), place.location().country(),
                    place.lat(), place.lon()) && nearBorder(set, place);
        }
        double apart = Geodesic.WGS84.Inverse(a.lat(), a.lon(), b.lat(), b.lon()).s12;
        boolean bothExact = a.location().geoPrecision() == 1 && b.location().geoPrecision() == 1;
        return apart <= (bothExact ? ACCOUNT_PLACES_M : ACCOUNT_AREA_M) && nearBorder(set, a) && nearBorder(set, b);
    }

    private boolean isDirection(ReportEvent e) {
        return e.location().placeId() != null
                && places.apply(e.location().placeId()).map(p -> p.type() == FeatureType.DIRECTION).orElse(false);
    }

    private static boolean nearBorder(BorderSet set, ReportEvent e) {
        double best = Double.POSITIVE_INFINITY;
        for (String id : PARTY_BORDERS) {
            best = Math.min(best, set.nearest(id, e.lon(), e.lat()).map(NearestPoint::distanceM).orElse(Double.POSITIVE_INFINITY));
        }
        return best <= ACCOUNT_BORDER_M;
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
