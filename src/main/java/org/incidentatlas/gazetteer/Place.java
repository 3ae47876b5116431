package org.incidentatlas.gazetteer;

import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * A gazetteer entry. {@code geometry} is the feature itself (a point for a village, a line for a
 * road); {@code point} is its representative point, used for distances and as the answer's
 * location. Coordinates are WGS 84 longitude/latitude. {@code uncertaintyM} is the radius in metres
 * of the circle around the point that holds the place (see {@link PlaceUncertainty}); null: none claimed.
 */
public record Place(String id, String name, FeatureType type, String country, String admin1, String admin2,
                    Geometry geometry, Point point, Long population, List<AltName> altNames, String source,
                    Integer uncertaintyM) {

    /** The id of the places' feature collection, in every URL that serves them. */
    public static final String COLLECTION_ID = "places";

    public Place {
        altNames = altNames == null ? List.of() : List.copyOf(altNames);
    }

    /** A place with the uncertainty its source states or its type implies. */
    public Place(String id, String name, FeatureType type, String country, String admin1, String admin2,
                 Geometry geometry, Point point, Long population, List<AltName> altNames, String source) {
        this(id, name, type, country, admin1, admin2, geometry, point, population, altNames, source,
                PlaceUncertainty.of(type, source, geometry, point));
    }

    /** Coordinates computed from described relations (source "DERIVED: …"), not read from a source. */
    public boolean derived() {
        return PlaceUncertainty.derived(source);
    }

    /**
     * The geo precision of using this place as an event's location: its type's, and at least 2
     * ("near the place") when its point is derived, since the event is then known only to lie
     * within the uncertainty circle.
     */
    public int geoPrecision() {
        return derived() ? Math.max(2, type.geoPrecision()) : type.geoPrecision();
    }

    public double lon() {
        return point.getX();
    }

    public double lat() {
        return point.getY();
    }
}
