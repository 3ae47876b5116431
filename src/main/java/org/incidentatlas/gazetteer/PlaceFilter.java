package org.incidentatlas.gazetteer;

import org.incidentatlas.filter.BoundingBox;

/** Which stored places a query selects; null parts do not constrain. */
public record PlaceFilter(BoundingBox bbox, FeatureType type, String country, String admin1) {

    public static final PlaceFilter ALL = new PlaceFilter(null, null, null, null);
}
