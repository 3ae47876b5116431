package org.incidentatlas.incidents;

import org.locationtech.jts.geom.Geometry;

/**
 * Where the incident happened: a geometry in WGS 84 longitude/latitude (a Point normally; a
 * LineString or Polygon when the event is a stretch of road or an area), the place as named, its
 * gazetteer id, and how precisely it is known (1 exact place, 2 near or part of a region,
 * 3 province or larger), and the radius in metres of the circle around the point within which it
 * happened ({@code uncertaintyM}, the property {@code location_uncertainty_m}; null: none stated).
 */
public record IncidentLocation(Geometry geometry, String name, String placeId, String country,
                               String admin1, String admin2, int geoPrecision, Integer uncertaintyM) {

    /** The largest radius accepted: 500 km, beyond which a point says nothing. */
    public static final int MAX_UNCERTAINTY_M = 500_000;

    /** A location without a stated uncertainty. */
    public IncidentLocation(Geometry geometry, String name, String placeId, String country,
                            String admin1, String admin2, int geoPrecision) {
        this(geometry, name, placeId, country, admin1, admin2, geoPrecision, null);
    }
}
