package org.incidentatlas.incidents;

import java.util.List;

import org.incidentatlas.cql.Expression;
import org.incidentatlas.filter.BoundingBox;
import org.incidentatlas.filter.DateRange;

/**
 * Which incidents a query selects; every part is optional (null = no constraint).
 * {@code actor} matches either actor1 or actor2. {@code maxBorderDistanceM} keeps incidents within
 * that many metres of any of {@code borders} (of any border when that is null); {@code near} keeps
 * those within its radius of a point. Distances are geodesic on WGS 84. {@code where} is a CQL2
 * filter over {@link IncidentQueryables}.
 */
public record IncidentFilter(BoundingBox bbox, DateRange dates, String eventType, String subEventType,
                             String country, String admin1, String actor, String placeId, Integer geoPrecision,
                             List<String> borders, Double maxBorderDistanceM, Proximity near, Expression where) {

    public IncidentFilter(BoundingBox bbox, DateRange dates, String eventType, String subEventType, String country,
                          String admin1, String actor, String placeId, Integer geoPrecision, List<String> borders,
                          Double maxBorderDistanceM, Proximity near) {
        this(bbox, dates, eventType, subEventType, country, admin1, actor, placeId, geoPrecision, borders,
                maxBorderDistanceM, near, null);
    }

    /** Within {@code radiusM} metres of (lon, lat). */
    public record Proximity(double lon, double lat, double radiusM) {
    }

    public static final IncidentFilter ALL = new IncidentFilter(null, null, null, null, null, null, null, null, null,
            null, null, null);

    public IncidentFilter withBbox(BoundingBox b) {
        return new IncidentFilter(b, dates, eventType, subEventType, country, admin1, actor, placeId, geoPrecision, borders,
                maxBorderDistanceM, near, where);
    }

    public IncidentFilter withType(String type) {
        return new IncidentFilter(bbox, dates, type, subEventType, country, admin1, actor, placeId, geoPrecision, borders,
                maxBorderDistanceM, near, where);
    }

    public IncidentFilter withCountry(String iso3) {
        return new IncidentFilter(bbox, dates, eventType, subEventType, iso3, admin1, actor, placeId, geoPrecision, borders,
                maxBorderDistanceM, near, where);
    }

    public IncidentFilter withDates(DateRange d) {
        return new IncidentFilter(bbox, d, eventType, subEventType, country, admin1, actor, placeId, geoPrecision, borders,
                maxBorderDistanceM, near, where);
    }

    public IncidentFilter withBorderDistance(List<String> borderIds, Double maxMetres) {
        return new IncidentFilter(bbox, dates, eventType, subEventType, country, admin1, actor, placeId, geoPrecision,
                borderIds, maxMetres, near, where);
    }

    public IncidentFilter withNear(Proximity p) {
        return new IncidentFilter(bbox, dates, eventType, subEventType, country, admin1, actor, placeId, geoPrecision, borders,
                maxBorderDistanceM, p, where);
    }

    public IncidentFilter withWhere(Expression cql) {
        return new IncidentFilter(bbox, dates, eventType, subEventType, country, admin1, actor, placeId, geoPrecision, borders,
                maxBorderDistanceM, near, cql);
    }
}
