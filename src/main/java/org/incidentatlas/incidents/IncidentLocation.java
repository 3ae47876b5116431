package org.incidentatlas.incidents;

import org.locationtech.jts.geom.Geometry;

/**
 * Where the incident happened: a geometry in WGS 84 longitude/latitude (a Point normally; a
 * LineString or Polygon when the event is a stretch of road or an area), the place as named, its
 * gazetteer id, and how precisely it is known (1 exact place, 2 near or part of a region,
 * 3 province or larger).
 */
public record IncidentLocation(Geometry geometry, String name, String placeId, String country,
                               String admin1, String admin2, int geoPrecision) {
}
