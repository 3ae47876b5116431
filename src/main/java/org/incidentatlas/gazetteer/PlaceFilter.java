package org.incidentatlas.gazetteer;

import org.incidentatlas.cql.Expression;
import org.incidentatlas.filter.BoundingBox;

/** Which stored places a query selects; null parts do not constrain. {@code where} is a CQL2 filter over {@link PlaceField#QUERYABLES}. */
public record PlaceFilter(BoundingBox bbox, FeatureType type, String country, String admin1, Expression where) {

    public static final PlaceFilter ALL = new PlaceFilter(null, null, null, null);

    public PlaceFilter(BoundingBox bbox, FeatureType type, String country, String admin1) {
        this(bbox, type, country, admin1, null);
    }
}
