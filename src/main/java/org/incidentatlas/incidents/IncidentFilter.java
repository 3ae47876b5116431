package org.incidentatlas.incidents;

import org.incidentatlas.filter.BoundingBox;
import org.incidentatlas.filter.DateRange;

/**
 * Which incidents a query selects; every part is optional (null = no constraint).
 * {@code actor} matches either actor1 or actor2.
 */
public record IncidentFilter(BoundingBox bbox, DateRange dates, String eventType, String subEventType,
                             String country, String admin1, String actor, String placeId, Integer geoPrecision) {

    public static final IncidentFilter ALL = new IncidentFilter(null, null, null, null, null, null, null, null, null);

    public IncidentFilter withBbox(BoundingBox b) {
        return new IncidentFilter(b, dates, eventType, subEventType, country, admin1, actor, placeId, geoPrecision);
    }

    public IncidentFilter withDates(DateRange d) {
        return new IncidentFilter(bbox, d, eventType, subEventType, country, admin1, actor, placeId, geoPrecision);
    }
}
