package org.incidentatlas.borders;

import java.util.Map;

/**
 * Where an incident lies relative to the borders: the nearest border, the geodesic distance to it
 * and its nearest point, the country whose territory contains the location ({@code side}, null at
 * sea or outside the mapped countries), and the distance to every border within
 * {@link BorderSet#CUTOFF_M} (for "within N km of border X" queries).
 */
public record BorderMetrics(Double distanceM, String nearestBorder, Double nearestLon, Double nearestLat, String side,
                            Map<String, Double> withinCutoff) {

    public static final BorderMetrics NONE = new BorderMetrics(null, null, null, null, null, Map.of());

    public BorderMetrics {
        withinCutoff = withinCutoff == null ? Map.of() : Map.copyOf(withinCutoff);
    }
}
