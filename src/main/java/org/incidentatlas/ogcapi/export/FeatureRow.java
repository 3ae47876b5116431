package org.incidentatlas.ogcapi.export;

import java.util.Arrays;
import java.util.List;

import org.locationtech.jts.geom.Geometry;

/**
 * One feature, flattened: its geometry (longitude, latitude) and one value per column of its
 * {@link FeatureTable}, in the same order (null where there is none).
 */
public record FeatureRow(Geometry geometry, List<Object> values) {

    public static FeatureRow of(Geometry geometry, Object... values) {
        return new FeatureRow(geometry, Arrays.asList(values));
    }
}
